package org.serialgen.generation.workorder;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.inject.Inject;
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
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.paging.PageResponse;
import org.serialgen.kit.sql.SqlValues;
import org.serialgen.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

@Path("/serial-generation/workorders/")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class WorkOrderResource {

    @Inject
    ManualWorkOrders manual;

    static final Set<String> STATUSES = Set.of("pending", "in_progress", "completed", "failed");
    static final Set<String> SOURCES = Set.of("erp", "manual");
    /** What {@code ordering} may name (a leading '-' for descending), and the entity field behind each. */
    static final Map<String, String> ORDERINGS = Map.of("id", "id", "wo_id", "woId", "wo_name", "woName",
        "created_at", "createdAt", "updated_at", "updatedAt", "quantity", "quantity",
        "total_requested_serials", "totalRequestedSerials", "total_requested_sscc", "totalRequestedSscc");

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
        @QueryParam("page") Integer page,
        @Parameter(description = "1 to 100, default 20") @QueryParam("page_size") Integer pageSize,
        @Context UriInfo uri) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (status != null && !STATUSES.contains(status)) {
            problems.put("status", List.of("Must be one of pending, in_progress, completed, failed"));
        }
        if (source != null && !SOURCES.contains(source)) {
            problems.put("source", List.of("Must be erp or manual"));
        }
        String order = ordering == null || ordering.isBlank() ? "-id" : ordering.strip();
        String orderField = ORDERINGS.get(order.startsWith("-") ? order.substring(1) : order);
        if (orderField == null) {
            problems.put("ordering", List.of("Must be one of " + new java.util.TreeSet<>(ORDERINGS.keySet())
                + ", with '-' first for descending"));
        }
        PageRequest request = PageRequest.of(page, pageSize, problems);

        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (status != null) {
            where.add("(ssccGenerationStatus = :status or serialGenerationStatus = :status)");
            params.and("status", status);
        }
        if (source != null) {
            where.add("woSource = :source");
            params.and("source", source);
        }
        if (search != null && !search.isBlank()) {
            where.add("(lower(woId) like :search or lower(woName) like :search or gtin like :search"
                + " or lower(lot) like :search)");
            params.and("search", "%" + search.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String query = String.join(" and ", where);
        // the id breaks ties, so pages never overlap or skip rows
        Sort sort = (order.startsWith("-") ? Sort.descending(orderField) : Sort.ascending(orderField))
            .and("id", order.startsWith("-") ? Sort.Direction.Descending : Sort.Direction.Ascending);
        var found = query.isEmpty() ? WorkOrder.<WorkOrder>findAll(sort) : WorkOrder.<WorkOrder>find(query, sort, params);
        return found.count().flatMap(count -> found.page(request.index(), request.size()).list()
            .map(rows -> PageResponse.of(uri, request, count, rows.stream().map(WorkOrderView::of).toList())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR})
    @Operation(summary = "Enter a work order by hand (wo_source manual), checked like the ERP's")
    public Uni<RestResponse<WorkOrderView>> create(ManualWorkOrderRequest request) {
        return manual.create(request).map(wo -> RestResponse.ResponseBuilder
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
        return manual.update(id, request).map(WorkOrderView::of);
    }

    @GET
    @Path("{id}/")
    @Operation(summary = "One work order, by its numeric id or its wo_id, with its allocations")
    public Uni<WorkOrderView> get(@PathParam("id") String id) {
        return WorkOrder.byIdOrWoId(id, LockModeType.NONE).flatMap(wo -> Panache.getSession()
            .flatMap(session -> session.createNativeQuery("""
                SELECT a.task_id, p.kind, 'builtin', upper(a.counters) - lower(a.counters), a.status,
                       lower(a.counters), upper(a.counters), a.created_at
                FROM serial_allocation a JOIN serial_pool p ON p.id = a.pool_id WHERE a.workorder_id = :wo
                UNION ALL
                SELECT e.task_id, p.kind, e.source, count(*), e.status, NULL, NULL, min(e.received_at)
                FROM external_serial e JOIN serial_pool p ON p.id = e.pool_id WHERE e.workorder_id = :wo
                GROUP BY e.task_id, p.kind, e.source, e.status
                ORDER BY 8, 6""", Object[].class).setParameter("wo", wo.id).getResultList())
            .map(rows -> WorkOrderView.of(wo, rows.stream().map(r -> new WorkOrderView.Holding((UUID) r[0],
                (String) r[1], (String) r[2], ((Number) r[3]).longValue(), (String) r[4],
                r[5] == null ? null : ((Number) r[5]).longValue(), r[6] == null ? null : ((Number) r[6]).longValue(),
                SqlValues.instant(r[7]))).toList())));
    }
}
