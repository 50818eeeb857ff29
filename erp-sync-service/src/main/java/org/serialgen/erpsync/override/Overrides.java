package org.serialgen.erpsync.override;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.erpsync.audit.ErpActions;
import org.serialgen.erpsync.intake.ErpIntake;
import org.serialgen.erpsync.intake.ErpOverride;
import org.serialgen.erpsync.intake.ErpWorkOrder;
import org.serialgen.erpsync.intake.ErpWorkOrderRepository;
import org.serialgen.events.WorkOrderRules;
import org.serialgen.kit.errors.ApiException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Overrides of ERP work orders (FR-003's manual override): an ERP operator or admin sets the quantity, the serial
 * quantity or the name of a work order with a reason; the suite gets the overridden work order as the next
 * revision, later syncs keep the override (the ERP's new values are kept beside it) unless a sync forces the ERP's
 * values, and lifting it gives the suite the ERP's values again. Each change is audited.
 */
@ApplicationScoped
public class Overrides {

    /** An override asked for: the fields to set (at least one) and why. */
    public record Request(String woName, Long quantity, Long serialQuantity, String reason) {
    }

    private final ErpWorkOrderRepository workOrders;
    private final ErpIntake intake;
    private final ErpActions actions;

    Overrides(ErpWorkOrderRepository workOrders, ErpIntake intake, ErpActions actions) {
        this.workOrders = workOrders;
        this.intake = intake;
        this.actions = actions;
    }

    public Uni<ErpWorkOrder> set(String woId, Request request, String user) {
        check(request);
        return Panache.withTransaction(() -> erpOwned(woId).flatMap(row -> workOrders.override(woId)
            .flatMap(existing -> {
                ErpOverride override = existing != null ? existing : new ErpOverride();
                override.woId = woId;
                override.woName = request.woName() == null ? null : request.woName().strip();
                override.quantity = request.quantity();
                override.serialQuantity = request.serialQuantity();
                override.reason = request.reason().strip();
                override.createdBy = user;
                override.createdAt = Instant.now();
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("wo_name", override.woName);
                details.put("quantity", override.quantity);
                details.put("serial_quantity", override.serialQuantity);
                return override.persist()
                    .call(() -> intake.write(intake.forward(row, ErpIntake.erpValues(row), override, false, false)))
                    .call(() -> actions.record(ErpActions.OVERRIDE_SET, woId, null, user, override.reason, details))
                    .replaceWith(row);
            })));
    }

    public Uni<ErpWorkOrder> lift(String woId, String reason, String user) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ApiException.Validation.of("reason", "Say why, in 1 to 500 characters");
        }
        return Panache.withTransaction(() -> erpOwned(woId).flatMap(row -> workOrders.override(woId)
            .flatMap(existing -> {
                if (existing == null) {
                    throw new ApiException.NotFound("OVERRIDE_NOT_FOUND", "Work order " + woId + " has no override");
                }
                return existing.delete()
                    .call(() -> intake.write(intake.forward(row, ErpIntake.erpValues(row), null, false, false)))
                    .call(() -> actions.record(ErpActions.OVERRIDE_LIFTED, woId, null, user, reason.strip(), null))
                    .replaceWith(row);
            })));
    }

    private Uni<ErpWorkOrder> erpOwned(String woId) {
        return workOrders.lockedRow(woId).map(row -> {
            if (row == null) {
                throw new ApiException.NotFound("ERP_WO_NOT_FOUND", "No work order " + woId + " came from the ERP");
            }
            return row;
        });
    }

    private static void check(Request request) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (request == null) {
            throw ApiException.Validation.of("body", "An override is required");
        }
        if (request.woName() == null && request.quantity() == null && request.serialQuantity() == null) {
            problems.put("body", List.of("Set at least one of wo_name, quantity, serial_quantity"));
        }
        if (request.woName() != null && (request.woName().isBlank() || request.woName().strip().length() > 200)) {
            problems.put("wo_name", List.of("1 to 200 characters"));
        }
        if (request.quantity() != null && (request.quantity() < 1 || request.quantity() > WorkOrderRules.MAX_QUANTITY)) {
            problems.put("quantity", List.of("Must be between 1 and " + WorkOrderRules.MAX_QUANTITY));
        }
        if (request.serialQuantity() != null && (request.serialQuantity() < 0
            || request.serialQuantity() > WorkOrderRules.MAX_QUANTITY)) {
            problems.put("serial_quantity", List.of("Must be between 0 and " + WorkOrderRules.MAX_QUANTITY));
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 500) {
            problems.put("reason", List.of("Say why, in 1 to 500 characters"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException.Validation(problems);
        }
    }
}
