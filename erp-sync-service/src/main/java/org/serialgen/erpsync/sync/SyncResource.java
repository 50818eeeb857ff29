package org.serialgen.erpsync.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;
import org.serialgen.erpsync.sync.SyncViews.RunView;
import org.serialgen.erpsync.sync.SyncViews.SyncAccepted;
import org.serialgen.erpsync.sync.SyncViews.SyncRequest;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.paging.PageResponse;
import org.serialgen.kit.persistence.Coded;
import org.serialgen.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Asking for a sync with the ERP, and the runs: what each did with each record. */
@Path("/serial-generation/erp/")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class SyncResource {

    private final ErpSync sync;
    private final SyncRunRepository runs;
    private final SecurityIdentity identity;

    SyncResource(ErpSync sync, SyncRunRepository runs, SecurityIdentity identity) {
        this.sync = sync;
        this.runs = runs;
        this.identity = identity;
    }

    @POST
    @Path("sync/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ERP_OPERATOR})
    @Operation(summary = "Sync with the ERP now: the work orders named, or everything changed since the last run",
        description = "202 with the run; while a run is active, the answer names it (status in_progress) and starts "
            + "none. force_update: the ERP's values win over overrides.")
    public Uni<RestResponse<SyncAccepted>> request(SyncRequest request) {
        List<String> ids = request == null ? null : request.workOrderIds();
        boolean force = request != null && Boolean.TRUE.equals(request.forceUpdate());
        return sync.request(ids, force, identity.getPrincipal().getName()).map(started -> RestResponse
            .ResponseBuilder.create(RestResponse.Status.ACCEPTED, new SyncAccepted(started.runId(),
                started.alreadyRunning() ? "in_progress" : "initiated", started.alreadyRunning()
                    ? "A sync is running already: this is it" : started.mode() == RunMode.BY_IDS
                    ? "Sync of " + ids.size() + " work orders started" : "Sync of everything changed since the last "
                    + "run started"))
            .header("Location", "/serial-generation/erp/syncs/" + started.runId() + "/").build());
    }

    @GET
    @Path("syncs/")
    @Operation(summary = "Sync runs, newest first")
    public Uni<PageResponse<RunView>> list(
        @Parameter(description = "schedule, user or push") @QueryParam("trigger") String trigger,
        @Parameter(description = "running, succeeded, failed or abandoned") @QueryParam("status") String status,
        @QueryParam("page") Integer page, @QueryParam("page_size") Integer pageSize, @Context UriInfo uri) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        RunTrigger byTrigger = parse(RunTrigger.class, "trigger", trigger, problems);
        RunStatus byStatus = parse(RunStatus.class, "status", status, problems);
        PageRequest request = PageRequest.of(page, pageSize, problems);
        return runs.page(byTrigger, byStatus, request).map(found -> PageResponse.of(uri, request, found.count(),
            found.rows().stream().map(run -> RunView.of(run, null)).toList()));
    }

    @GET
    @Path("syncs/{id}/")
    @Operation(summary = "A sync run with what it did with each record (paged: page, page_size)")
    public Uni<RunView> get(@PathParam("id") String id, @QueryParam("page") Integer page,
                            @QueryParam("page_size") Integer pageSize, @Context UriInfo uri) {
        UUID runId = uuid(id);
        PageRequest request = PageRequest.of(page, pageSize);
        return runs.findById(runId).flatMap(run -> {
            if (run == null) {
                throw new ApiException.NotFound("SYNC_NOT_FOUND", "No sync run " + id);
            }
            return runs.records(runId, request).map(records -> RunView.of(run, PageResponse.of(uri, request,
                records.count(), records.rows())));
        });
    }

    private static <E extends Enum<E> & Coded> E parse(Class<E> type, String name, String value,
                                                        Map<String, List<String>> problems) {
        if (value == null) {
            return null;
        }
        return Coded.byCode(type, value).orElseGet(() -> {
            problems.put(name, List.of("Unknown " + name + " " + value));
            return null;
        });
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException.NotFound("SYNC_NOT_FOUND", "No sync run " + id);
        }
    }
}
