package org.serialgen.generation.workorder;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderRules;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.outbox.Outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Work orders entered by hand (FR-003's fallback when the ERP is away). They are checked like the ERP's, owned by
 * this service, and announced on {@link Topics#WORKORDERS} like the ERP's, so aggregation-service computes their
 * packaging and SSCC demand too. A manual work order can be changed until its generation starts.
 */
@ApplicationScoped
public class ManualWorkOrders {

    @Inject
    WorkOrderProjection projection;

    @Inject
    Outbox outbox;

    public Uni<WorkOrder> create(ManualWorkOrderRequest request) {
        WorkOrderRules.Valid valid = valid(request);
        return Panache.withTransaction(() -> projection.lockWorkOrder(valid.woId())
            .flatMap(locked -> WorkOrder.<WorkOrder>find("woId", valid.woId())
                .withLock(LockModeType.PESSIMISTIC_WRITE).<WorkOrder>firstResult())
            .flatMap(existing -> {
                if (existing != null) {
                    throw new ApiException.Conflict("WO_EXISTS", "Work order " + valid.woId() + " exists already");
                }
                WorkOrder wo = new WorkOrder();
                wo.woId = valid.woId();
                wo.woSource = WorkOrderSynced.MANUAL;
                wo.createdAt = Instant.now();
                return save(wo, valid, 1);
            }));
    }

    public Uni<WorkOrder> update(String id, ManualWorkOrderRequest request) {
        WorkOrderRules.Valid valid = valid(request);
        return Panache.withTransaction(() -> WorkOrder.byIdOrWoId(id, LockModeType.NONE)
            .flatMap(found -> projection.lockWorkOrder(found.woId)
                // read again under the row lock: the copy in the session was read before it, and is let go
                .flatMap(locked -> Panache.getSession().invoke(session -> session.detach(found)))
                .flatMap(session -> WorkOrder.byIdOrWoId(found.woId, LockModeType.PESSIMISTIC_WRITE))
                .flatMap(wo -> {
                    if (!wo.woId.equals(valid.woId())) {
                        throw ApiException.Validation.of("wo_id", "The wo_id of a work order cannot change");
                    }
                    if (!WorkOrderSynced.MANUAL.equals(wo.woSource)) {
                        throw new ApiException.Conflict("ERP_OWNED", "Work orders from the ERP change in the ERP");
                    }
                    if (!WorkOrder.PENDING.equals(wo.serialGenerationStatus)
                        || !WorkOrder.PENDING.equals(wo.ssccGenerationStatus)) {
                        throw new ApiException.Conflict("GENERATION_STARTED", "Generation has started for this "
                            + "work order; it can no longer change");
                    }
                    return save(wo, valid, wo.erpRevision + 1);
                })));
    }

    private Uni<WorkOrder> save(WorkOrder wo, WorkOrderRules.Valid valid, long revision) {
        WorkOrderSynced event = new WorkOrderSynced(wo.woId, valid.woName(), valid.gtin(), valid.lot(), valid.expiry(),
            valid.quantity(), revision, Instant.now(), WorkOrderSynced.MANUAL);
        // the configuration was locked (shared) with the work order: a new one cannot slip past this computation
        return projection.store(wo, event)
            .call(saved -> outbox.publish(Topics.WORKORDERS, wo.woId, EventTypes.WORKORDER_SYNCED, event));
    }

    private static WorkOrderRules.Valid valid(ManualWorkOrderRequest request) {
        if (request == null) {
            throw ApiException.Validation.of("body", "A work order is required");
        }
        WorkOrderRules.Outcome outcome = WorkOrderRules.check(request.asRecord());
        if (outcome.valid() == null) {
            throw new ApiException.Validation(outcome.problems());
        }
        return outcome.valid();
    }
}
