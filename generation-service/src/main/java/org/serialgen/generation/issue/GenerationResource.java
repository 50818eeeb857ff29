package org.serialgen.generation.issue;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import org.serialgen.generation.pool.Kind;
import org.serialgen.generation.workorder.WorkOrders;
import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.paging.PageResponse;
import org.serialgen.security.Roles;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Generation of a work order's serials and SSCCs, and its generation history. */
@Path("/serial-generation/workorders/")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class GenerationResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public record HistoryView(
        @JsonProperty("id") int id,
        @JsonProperty("action_type") HistoryAction actionType,
        @JsonProperty("action_status") HistoryAction.Status actionStatus,
        @JsonProperty("requested_quantity") Long requestedQuantity,
        @JsonProperty("generated_quantity") Long generatedQuantity,
        @JsonProperty("error_details") String errorDetails,
        @JsonProperty("execution_time_ms") Integer executionTimeMs,
        @JsonProperty("task_id") UUID taskId,
        @JsonProperty("user") String user,
        @JsonProperty("created_at") Instant createdAt) {

        static HistoryView of(HistoryEntry h) {
            return new HistoryView(h.id, h.actionType, h.actionStatus, h.requestedQuantity, h.generatedQuantity,
                h.errorDetails, h.executionTimeMs, h.taskId, h.createdBy, h.createdAt);
        }
    }

    private final Issuing issuing;
    private final Decommissioning decommissioning;
    private final WorkOrders workOrders;
    private final TaskRepository tasks;
    private final SecurityIdentity identity;

    GenerationResource(Issuing issuing, Decommissioning decommissioning, WorkOrders workOrders, TaskRepository tasks,
                       SecurityIdentity identity) {
        this.issuing = issuing;
        this.decommissioning = decommissioning;
        this.workOrders = workOrders;
        this.tasks = tasks;
        this.identity = identity;
    }

    @POST
    @Path("{id}/generate-serials/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR})
    @Operation(summary = "Issue serial numbers to a work order",
        description = "Send Idempotency-Key to make a retry return the same task instead of issuing again.")
    public Uni<RestResponse<TaskAccepted>> generateSerials(@PathParam("id") String id, GenerateRequest request,
                                                           @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return accept(issuing.generate(id, Kind.SERIAL, request, idempotencyKey, user()), "Serial");
    }

    @POST
    @Path("{id}/generate-sscc/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR})
    @Operation(summary = "Issue SSCCs to a work order", description = "Send Idempotency-Key to make a retry return "
        + "the same task; force_regenerate voids the SSCCs issued before (never reissued) and issues anew.")
    public Uni<RestResponse<TaskAccepted>> generateSscc(@PathParam("id") String id, GenerateRequest request,
                                                        @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return accept(issuing.generate(id, Kind.SSCC, request, idempotencyKey, user()), "SSCC");
    }

    @POST
    @Path("{id}/generate-bundle-serials/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR})
    @Operation(summary = "Issue bundle serials to a work order", description = "Serials of the GTINs of the work "
        + "order's trade-item packaging levels above the item (from its aggregation breakdown), one per container, "
        + "from each GTIN's built-in pool. Without a quantity, what each bundle GTIN still needs; a quantity is for "
        + "one bundle GTIN (gtin). Idempotency-Key and force_regenerate as for serials.")
    public Uni<RestResponse<TaskAccepted>> generateBundleSerials(@PathParam("id") String id, GenerateRequest request,
                                                                 @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        return accept(issuing.generate(id, Kind.BUNDLE, request, idempotencyKey, user()), "Bundle serial");
    }

    @POST
    @Path("{id}/decommission/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR})
    @Operation(summary = "Return unused serials or SSCCs of a work order",
        description = "The numbers (or all: true) are voided where they lie, reported inactive in EPCIS "
            + "(decommissioning) and never issued again; one the work order does not hold refuses the whole request.")
    public Uni<Decommissioning.Decommissioned> decommission(@PathParam("id") String id, DecommissionRequest request) {
        return decommissioning.decommission(id, request, user());
    }

    @GET
    @Path("{id}/history/")
    @Operation(summary = "The work order's generation history, newest first")
    public Uni<PageResponse<HistoryView>> history(@PathParam("id") String id, @QueryParam("page") Integer page,
                                                  @QueryParam("page_size") Integer pageSize, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        return workOrders.find(id).flatMap(wo -> tasks.history(wo.id, request))
            .map(found -> PageResponse.of(uri, request, found.count(),
                found.rows().stream().map(HistoryView::of).toList()));
    }

    private static Uni<RestResponse<TaskAccepted>> accept(Uni<GenerationTask> task, String what) {
        return task.map(t -> RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, new TaskAccepted(t.id,
                TaskStatus.INITIATED.code(), what + " generation started: " + t.requested + " for work order "
                + t.workorderId, t.completedAt != null ? t.completedAt : Instant.now()))
            .header("Location", "/serial-generation/tasks/" + t.id + "/").build());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
