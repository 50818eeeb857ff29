package org.serialgen.generation.workorder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.serialgen.kit.csv.Csv;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;

/**
 * The work-order list as CSV, with the list's filters and ordering, however long: read a thousand rows at a time (each
 * in a session of its own, as {@code @WithSession} does not cover a stream) and written as they come.
 */
@Path("/serial-generation/workorders/export.csv")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class WorkOrderExportResource {

    static final int ROWS_PER_READ = 1000;
    static final String HEADER = "wo_id,wo_name,wo_source,gtin,lot,expiry,quantity,total_requested_serials,"
        + "generated_serials,serial_generation_status,total_requested_sscc,generated_sscc,sscc_generation_status,"
        + "created_at,updated_at,error_message\n";

    private final WorkOrderRepository repository;

    WorkOrderExportResource(WorkOrderRepository repository) {
        this.repository = repository;
    }

    @GET
    @Produces("text/csv")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"workorders.csv\"")
    @Operation(summary = "The work orders the list's filters select (status, source, search, created_from, created_to, "
        + "ordering), all of them, as CSV, streamed")
    public Multi<Buffer> export(@QueryParam("status") String status, @QueryParam("source") String source,
                                    @QueryParam("search") String search, @QueryParam("created_from") String createdFrom,
                                    @QueryParam("created_to") String createdTo, @QueryParam("ordering") String ordering) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        WorkOrderQuery query = WorkOrderQuery.parse(status, source, search, createdFrom, createdTo, ordering, problems);
        if (!problems.isEmpty()) {
            throw new ApiException.Validation(problems);
        }
        Multi<Buffer> rows = Multi.createBy().repeating()
            .uni(() -> new int[] {0}, next -> {
                int from = next[0];
                next[0] += ROWS_PER_READ;
                return Panache.withSession(() -> repository.range(query, from, ROWS_PER_READ));
            })
            .whilst(page -> page.size() == ROWS_PER_READ)
            .filter(page -> !page.isEmpty())
            .map(WorkOrderExportResource::lines);
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(Buffer.buffer(HEADER)), rows);
    }

    static Buffer lines(List<WorkOrder> page) {
        StringBuilder out = new StringBuilder(page.size() * 160);
        for (WorkOrder wo : page) {
            Csv.text(out, wo.woId).append(',');
            Csv.text(out, wo.woName).append(',');
            out.append(wo.origin.code()).append(',').append(wo.gtin).append(',');
            Csv.text(out, wo.lot).append(',');
            out.append(wo.expiry).append(',').append(wo.quantity).append(',')
                .append(wo.serials.requested).append(',').append(wo.serials.generated).append(',')
                .append(wo.serials.status.code()).append(',')
                .append(wo.sscc.requested).append(',').append(wo.sscc.generated).append(',')
                .append(wo.sscc.status.code()).append(',')
                .append(wo.createdAt).append(',').append(wo.updatedAt).append(',');
            Csv.text(out, wo.errorMessage == null ? "" : wo.errorMessage).append('\n');
        }
        return Buffer.buffer(out.toString());
    }
}
