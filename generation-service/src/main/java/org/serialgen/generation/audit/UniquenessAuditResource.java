package org.serialgen.generation.audit;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.serialgen.security.Roles;
import org.serialgen.kit.request.StrictParams;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The uniqueness audit, on demand. */
@Path("/serial-generation/audit/uniqueness")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR})
public class UniquenessAuditResource {

    public record Report(
        @JsonProperty("checked_at") Instant checkedAt,
        @JsonProperty("pools_checked") long poolsChecked,
        @JsonProperty("allocations_checked") long allocationsChecked,
        @JsonProperty("counters_checked") long countersChecked,
        @JsonProperty("overlapping_allocations") long overlappingAllocations,
        @JsonProperty("allocations_beyond_high_water_mark") long beyondHighWaterMark,
        @JsonProperty("pools_whose_allocations_differ_from_issued") long poolsDiffering,
        @JsonProperty("serials_derived") long serialsDerived,
        @JsonProperty("duplicate_serials") long duplicateSerials,
        @Schema(description = "Pools left out of the derivation: beyond 100 000 000 issued, or a key that does not "
            + "open with the master key in use")
        @JsonProperty("pools_not_derived") List<Long> poolsNotDerived,
        @JsonProperty("external_serials_checked") long externalSerialsChecked,
        @JsonProperty("external_serials_repeated") long externalRepeated,
        @JsonProperty("external_serials_inside_allocations") long externalInsideAllocations,
        @JsonProperty("ok") boolean ok) {

        static Report of(UniquenessAudit.Findings found) {
            var counts = found.counts();
            var derived = found.derived();
            return new Report(found.checkedAt(), counts.pools(), counts.allocations(), counts.counters(),
                counts.overlapping(), counts.beyond(), counts.differing(), derived.serials(), derived.duplicates(),
                derived.skipped(), counts.external(), counts.externalRepeated(), counts.externalInside(), found.ok());
        }
    }

    private final UniquenessAudit audit;

    UniquenessAuditResource(UniquenessAudit audit) {
        this.audit = audit;
    }

    @POST
    @Operation(summary = "Verify that no two allocations overlap and, with derive=true, that no derived serial repeats")
    public Uni<Report> audit(@Parameter(description = "Also derive every issued serial and look for repeats")
                             @QueryParam("derive") String derive, @Context UriInfo uri) {
        return audit.run(StrictParams.flag(uri, "derive", derive)).map(Report::of);
    }
}
