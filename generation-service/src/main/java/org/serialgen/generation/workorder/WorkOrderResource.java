package org.serialgen.generation.workorder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.serialgen.generation.pool.AllocationRepository;
import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.paging.PageResponse;
import org.serialgen.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@Path("/serial-generation/workorders/")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class WorkOrderResource {

    private final WorkOrders workOrders;
    private final WorkOrderRepository repository;
    private final AllocationRepository allocations;

    WorkOrderResource(WorkOrders workOrders, WorkOrderRepository repository, AllocationRepository allocations) {
        this.workOrders = workOrders;
        this.repository = repository;
        this.allocations = allocations;
    }

    @GET
    @Operation(summary = "Work orders with their generation status, newest first")
    public Uni<PageResponse<WorkOrderView>> list(
        @Parameter(description = "pending, in_progress, completed or failed: matches either generation status")
        @QueryParam("status") String status,
        @Parameter(description = "erp or manual") @QueryParam("source") String source,
        @Parameter(description = "Part of wo_id, wo_name, gtin or lot") @QueryParam("search") String search,
        @Parameter(description = "id, wo_id, wo_name, created_at, updated_at, quantity, total_requested_serials or "
            + "total_requested_sscc; '-' first for descending. Default -id (newest first)")
        @QueryParam("ordering") String ordering,
        @Parameter(description = "Created on or after this day (yyyy-MM-dd, UTC)") @QueryParam("created_from")
        String createdFrom,
        @Parameter(description = "Created on or before this day (yyyy-MM-dd, UTC)") @QueryParam("created_to")
        String createdTo,
        @QueryParam("page") Integer page,
        @Parameter(description = "1 to 100, default 20") @QueryParam("page_size") Integer pageSize,
        @Context UriInfo uri) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        WorkOrderQuery query = WorkOrderQuery.parse(status, source, search, createdFrom, createdTo, ordering, problems);
        PageRequest request = PageRequest.of(page, pageSize, problems);
        return repository.list(query, request).map(found -> PageResponse.of(uri, request, found.count(),
            found.rows().stream().map(WorkOrderView::of).toList()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR})
    @Operation(summary = "Enter a work order by hand (wo_source manual), checked like the ERP's")
    public Uni<RestResponse<WorkOrderView>> create(ManualWorkOrderRequest request) {
        return workOrders.createManual(request).map(wo -> RestResponse.ResponseBuilder
            .<WorkOrderView>create(RestResponse.Status.CREATED)
            .location(URI.create("/serial-generation/workorders/" + wo.id + "/"))
            .entity(WorkOrderView.of(wo)).build());
    }

    @PUT
    @Path("{id}/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR})
    @Operation(summary = "Change a manual work order, while its generation has not started")
    public Uni<WorkOrderView> update(@PathParam("id") String id, ManualWorkOrderRequest request) {
        return workOrders.updateManual(id, request).map(WorkOrderView::of);
    }

    @GET
    @Path("{id}/")
    @Operation(summary = "One work order, by its numeric id or its wo_id, with its allocations")
    public Uni<WorkOrderView> get(@PathParam("id") String id) {
        return workOrders.find(id).flatMap(wo -> allocations.holdings(wo.id).map(held -> WorkOrderView.of(wo, held)));
    }
}
