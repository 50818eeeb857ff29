package org.serialgen.aggregation.breakdown;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.serialgen.events.AggregationComputed.Level;
import org.serialgen.kit.errors.ApiException;
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

    public record CalculateRequest(@JsonProperty("quantity") Long quantity, @JsonProperty("gtin") String gtin) {
    }

    public record BreakdownView(
        @JsonProperty("wo_id") String woId,
        @JsonProperty("quantity") long quantity,
        @JsonProperty("revision") Long revision,
        @JsonProperty("rules_source") String rulesSource,
        @JsonProperty("levels") List<Level> levels,
        @JsonProperty("sscc_count") long ssccCount,
        @JsonProperty("computed_at") Instant computedAt) {
    }

    @Inject
    BreakdownService service;

    @POST
    @Path("calculate")
    @Operation(summary = "Containers per level, the partial last container and the SSCCs needed for a quantity")
    public Uni<BreakdownView> calculate(CalculateRequest request) {
        if (request == null || request.quantity() == null || request.quantity() <= 0
            || request.quantity() > 1_000_000_000L) {
            throw ApiException.Validation.of("quantity", "Must be a whole number between 1 and 1000000000");
        }
        return service.calculate(request.quantity()).map(b ->
            new BreakdownView(null, b.quantity(), null, "config", b.levels(), b.ssccCount(), Instant.now()));
    }

    @GET
    @Path("workorders/{woId}/")
    @Operation(summary = "The stored breakdown of a work order")
    public Uni<BreakdownView> forWorkOrder(@PathParam("woId") String woId) {
        return WorkOrderPackaging.<WorkOrderPackaging>findById(woId).map(row -> {
            if (row == null || row.levels == null) {
                throw new ApiException.NotFound("WO_NOT_FOUND", "No breakdown for work order " + woId);
            }
            return new BreakdownView(row.woId, row.quantity, row.breakdownRevision, row.rulesSource,
                BreakdownService.levels(row), row.ssccCount, row.computedAt);
        });
    }
}
