package org.serialgen.gateway.audit;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.serialgen.kit.audit.AuditEntry;
import org.serialgen.kit.audit.AuditQuery;
import org.serialgen.kit.csv.Csv;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.paging.PageResponse;
import org.serialgen.kit.request.RequestIds;
import org.serialgen.security.Roles;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The suite's audit trail (NFR-004), every service's in one: who did what, when, to which entity, with what outcome,
 * under which request id. Newest first; a page goes on from the last entry of the one before ({@code next}), so pages
 * stay stable while new entries arrive. Admins and managers read it; nobody can change it.
 */
@Path("/v1/serial-generation/audit/")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class AuditTrailResource {

    static final String ROLES = "[\"admin\", \"manager\"]";
    static final String CSV_HEADER = "at,service,sequence,actor,roles,action,entity_type,entity_id,outcome,request_id,"
        + "change,entry_id\n";
    /** An export reads the services' trails a thousand entries at a time. */
    static final int EXPORT_PAGE = AuditQuery.MAX_LIMIT;

    private final AuditFanIn fanIn;

    AuditTrailResource(AuditFanIn fanIn) {
        this.fanIn = fanIn;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The audit trail of every service, newest first: service, actor, action, entity_type, "
        + "entity_id, outcome, request_id, from, to (ISO-8601), limit (1-1000); next goes on from the page's last "
        + "entry")
    @Extension(name = "x-serialgen-roles", value = ROLES, parseValue = true)
    @Extension(name = "x-serialgen-service", value = "gateway")
    public Uni<PageResponse<AuditEntry>> entries(@Context UriInfo uri, @Context HttpHeaders headers,
                                                 @HeaderParam(RequestIds.HEADER) String requestId) {
        Map<String, String> parameters = AuditQuery.parameters(uri);
        Set<String> services = services(parameters);
        AuditQuery query = AuditQuery.of(parameters);
        return fanIn.page(query, services, headers.getHeaderString(HttpHeaders.AUTHORIZATION), requestId)
            .map(merged -> new PageResponse<>(merged.count(), merged.more() && !merged.entries().isEmpty()
                ? PageResponse.link(uri, "before", merged.entries().get(merged.entries().size() - 1).cursor()) : null, null,
                merged.entries()));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"audit-trail.csv\"")
    @Operation(summary = "The entries the filters select, all of them, newest first, as CSV (streamed)")
    @Extension(name = "x-serialgen-roles", value = ROLES, parseValue = true)
    @Extension(name = "x-serialgen-service", value = "gateway")
    public Multi<String> csv(@Context UriInfo uri, @Context HttpHeaders headers,
                             @HeaderParam(RequestIds.HEADER) String requestId) {
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(CSV_HEADER),
            export(uri, headers, requestId).map(AuditTrailResource::csvLine));
    }

    @GET
    @Path("export.ndjson")
    @Produces("application/x-ndjson")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"audit-trail.ndjson\"")
    @Operation(summary = "The entries the filters select, all of them, newest first, one JSON object a line "
        + "(streamed)")
    @Extension(name = "x-serialgen-roles", value = ROLES, parseValue = true)
    @Extension(name = "x-serialgen-service", value = "gateway")
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<AuditEntry> ndjson(@Context UriInfo uri, @Context HttpHeaders headers,
                                    @HeaderParam(RequestIds.HEADER) String requestId) {
        return export(uri, headers, requestId);
    }

    /** Every entry the filters select, page after page; the query is checked before the first byte is sent. */
    private Multi<AuditEntry> export(UriInfo uri, HttpHeaders headers, String requestId) {
        Map<String, String> parameters = AuditQuery.parameters(uri);
        if (parameters.containsKey("limit") || parameters.containsKey("before")) {
            throw ApiException.Validation.of(parameters.containsKey("limit") ? "limit" : "before",
                "An export takes every entry the filters select: no limit, no cursor");
        }
        Set<String> services = services(parameters);
        AuditQuery first = AuditQuery.of(parameters).after(null, EXPORT_PAGE);
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        AtomicReference<AuditQuery> next = new AtomicReference<>(first);
        return Multi.createBy().repeating()
            .uni(() -> next, state -> state.get() == null
                ? Uni.createFrom().item(new AuditFanIn.Merged(0, java.util.List.of(), false))
                : fanIn.page(state.get(), services, authorization, requestId).invoke(merged -> state.set(
                    merged.more() && !merged.entries().isEmpty() ? state.get().after(AuditQuery.Cursor.parse(
                        merged.entries().get(merged.entries().size() - 1).cursor()), EXPORT_PAGE) : null)))
            .until(merged -> merged.entries().isEmpty())
            .onItem().transformToIterable(AuditFanIn.Merged::entries);
    }

    /** {@code service}: one service's trail; otherwise every service's. */
    private Set<String> services(Map<String, String> parameters) {
        String service = parameters.get("service");
        if (service == null) {
            return fanIn.services();
        }
        if (!fanIn.services().contains(service)) {
            throw ApiException.Validation.of("service", "Must be one of " + String.join(", ", fanIn.services()));
        }
        return Set.of(service);
    }

    static String csvLine(AuditEntry entry) {
        StringBuilder line = new StringBuilder();
        line.append(entry.at()).append(',');
        Csv.field(line, entry.service()).append(',').append(entry.sequence()).append(',');
        Csv.text(line, entry.actor()).append(',');
        Csv.field(line, String.join(" ", entry.roles())).append(',');
        Csv.field(line, entry.action()).append(',');
        Csv.field(line, entry.entityType()).append(',');
        Csv.text(line, entry.entityId()).append(',');
        Csv.field(line, entry.outcome()).append(',');
        Csv.text(line, entry.requestId()).append(',');
        Csv.text(line, entry.change() == null ? null : entry.change().toString()).append(',');
        return line.append(entry.entryId()).append('\n').toString();
    }
}
