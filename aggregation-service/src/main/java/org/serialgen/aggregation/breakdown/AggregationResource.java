package org.serialgen.aggregation.breakdown;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.serialgen.events.AggregationComputed.Level;
import org.serialgen.gs1.Gtin;
import org.serialgen.kit.configreplica.ConfigReplica;
import org.serialgen.kit.configreplica.SerialDemand;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.errors.Refused;
import org.serialgen.security.Roles;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@Path("/serial-generation/aggregation/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class AggregationResource {

    public record CalculateRequest(
        @Schema(description = "Units (L1 items), 1 to 1 000 000 000") @JsonProperty("quantity") Long quantity,
        @Schema(description = "GTIN of the item: its recipe applies; without one (or without a recipe), the "
            + "configuration's aggregation rules") @JsonProperty("gtin") String gtin,
        @Schema(description = "Extra units on top, for rejects: 0 to 100 percent, rounded up to a whole unit")
        @JsonProperty("overage_percent") BigDecimal overagePercent,
        @Schema(description = "Package the units the active configuration has serials issued for: quantity × "
            + "manufacturing_percentage × (1 + discrepancy_tolerance), as generation-service counts them; not with "
            + "overage_percent")
        @JsonProperty("apply_config_overage") Boolean applyConfigOverage) {
    }

    public record BreakdownView(
        @JsonProperty("wo_id") String woId,
        @JsonProperty("gtin") String gtin,
        @JsonProperty("quantity") long quantity,
        @JsonProperty("revision") Long revision,
        @JsonProperty("rules_source") String rulesSource,
        @JsonProperty("levels") List<Level> levels,
        @JsonProperty("sscc_count") long ssccCount,
        @JsonProperty("bundle_serial_count") long bundleSerialCount,
        @JsonProperty("computed_at") Instant computedAt) {
    }

    private final BreakdownService service;
    private final WorkOrderPackagingRepository packagings;
    private final ConfigReplica replica;

    AggregationResource(BreakdownService service, WorkOrderPackagingRepository packagings, ConfigReplica replica) {
        this.service = service;
        this.packagings = packagings;
        this.replica = replica;
    }

    @POST
    @Path("calculate")
    @Operation(summary = "Containers per level, the partial last containers and the SSCCs and bundle serials needed "
        + "for a quantity of a GTIN (by its recipe, else the configuration's rules)")
    public Uni<BreakdownView> calculate(CalculateRequest request) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (request == null || request.quantity() == null || request.quantity() <= 0
            || request.quantity() > 1_000_000_000L) {
            errors.put("quantity", List.of("Must be a whole number between 1 and 1000000000"));
        }
        String gtin = null;
        if (request != null && request.gtin() != null) {
            try {
                gtin = Gtin.parse(request.gtin()).value();
            } catch (IllegalArgumentException e) {
                errors.put("gtin", List.of("Must be a GTIN-8/12/13/14 with a valid check digit"));
            }
        }
        BigDecimal overage = request == null ? null : request.overagePercent();
        if (overage != null && (overage.signum() < 0 || overage.compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.put("overage_percent", List.of("Must be between 0 and 100"));
        }
        boolean fromConfig = request != null && Boolean.TRUE.equals(request.applyConfigOverage());
        if (fromConfig && overage != null) {
            errors.put("apply_config_overage", List.of("Send overage_percent or apply_config_overage, not both"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.Validation(errors);
        }
        String item = gtin;
        long ordered = request.quantity();
        Uni<Long> units = !fromConfig
            ? Uni.createFrom().item(overage == null ? ordered : BigDecimal.valueOf(ordered)
                .multiply(BigDecimal.ONE.add(overage.movePointLeft(2))).setScale(0, RoundingMode.CEILING)
                .longValueExact())
            : replica.current().map(config -> {
                if (config == null) {
                    throw new Refused("CONFIG_NOT_AVAILABLE", "No configuration has reached aggregation-service yet");
                }
                long serials = SerialDemand.serialsFor(ordered, config.config().manufacturingPercentage(),
                    config.config().discrepancyTolerance());
                if (serials == 0) {
                    throw ApiException.Validation.of("apply_config_overage", "The configuration's "
                        + "manufacturing_percentage of 0 leaves no unit to package");
                }
                return serials;
            });
        return units.flatMap(quantity -> service.compute(item, quantity).map(c -> new BreakdownView(null, item,
            quantity, null, c.source(), c.breakdown().levels(), c.breakdown().ssccCount(),
            c.breakdown().bundleSerialCount(), Instant.now())));
    }

    @GET
    @Path("workorders/{woId}/")
    @Operation(summary = "The stored breakdown of a work order")
    public Uni<BreakdownView> forWorkOrder(@PathParam("woId") String woId) {
        return packagings.findById(woId).map(row -> {
            if (row == null || row.levels == null) {
                throw new ApiException.NotFound("WO_NOT_FOUND", "No breakdown for work order " + woId);
            }
            return new BreakdownView(row.woId, row.gtin, row.quantity, row.breakdownRevision, row.rulesSource,
                BreakdownService.levels(row), row.ssccCount, row.bundleSerialCount == null ? 0 : row.bundleSerialCount,
                row.computedAt);
        });
    }
}
