package org.serialgen.gateway.proxy;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.serialgen.security.Roles;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The public API under {@code /api/v1/serial-generation/}. The gateway checks the token and the role first (so a
 * refused call never reaches a service), then relays to the service that owns the resource; the services check the
 * token again.
 */
@Path("/api/v1/serial-generation/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class SerialGenerationApi {

    @Inject
    @RestClient
    ConfigServiceClient config;

    @Inject
    @RestClient
    GenerationServiceClient generation;

    @Inject
    @RestClient
    AggregationServiceClient aggregation;

    @Inject
    @RestClient
    GenerationAuditClient audit;

    @Inject
    @RestClient
    ErpSyncServiceClient erpSync;

    @GET
    @Path("config/")
    @Operation(summary = "The active configuration (config-service)")
    public Uni<Response> getConfig() {
        return Downstream.relay("config-service", config.get());
    }

    @PUT
    @Path("config/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Save a new configuration version (config-service)")
    public Uni<Response> putConfig(String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Downstream.relay("config-service", config.put(body, ifMatch));
    }

    @POST
    @Path("config/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Save a new configuration version (config-service)")
    public Uni<Response> postConfig(String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Downstream.relay("config-service", config.post(body, ifMatch));
    }

    @PATCH
    @Path("config/")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Change single configuration fields, JSON merge patch (config-service)")
    public Uni<Response> patchConfig(String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Downstream.relay("config-service", config.patch(body, ifMatch));
    }

    @GET
    @Path("config/history/")
    @Operation(summary = "Configuration versions with author, time and field-level changes (config-service)")
    public Uni<Response> configHistory(@Context UriInfo uri) {
        return Downstream.relay("config-service", config.history(query(uri)));
    }

    @GET
    @Path("config/versions/{version}/")
    @Operation(summary = "One configuration version (config-service)")
    public Uni<Response> configVersion(@PathParam("version") long version) {
        return Downstream.relay("config-service", config.version(version));
    }

    @POST
    @Path("config/versions/{version}/restore/")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Restore an earlier configuration version as a new version (config-service)")
    public Uni<Response> restoreConfig(@PathParam("version") long version,
                                       @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Downstream.relay("config-service", config.restore(version, ifMatch));
    }

    @POST
    @Path("config/reset/")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Restore the documented defaults as a new version (config-service)")
    public Uni<Response> resetConfig(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Downstream.relay("config-service", config.reset(ifMatch));
    }

    @GET
    @Path("config/export/")
    @Operation(summary = "Download the active configuration as a versioned JSON document (config-service)")
    public Uni<Response> exportConfig() {
        return Downstream.relay("config-service", config.export());
    }

    @POST
    @Path("config/import/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Import an exported configuration; dry_run=true shows the changes only (config-service)")
    public Uni<Response> importConfig(String body, @QueryParam("dry_run") boolean dryRun,
                                      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Downstream.relay("config-service", config.importConfig(body, dryRun, ifMatch));
    }

    @GET
    @Path("workorders/")
    @Operation(summary = "Work orders with generation status: status, source, search, page, page_size")
    public Uni<Response> listWorkOrders(@Context UriInfo uri) {
        return Downstream.relay("generation-service", generation.list(query(uri)));
    }

    @POST
    @Path("workorders/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR})
    @Operation(summary = "Enter a work order by hand (generation-service)")
    public Uni<Response> createWorkOrder(String body) {
        return Downstream.relay("generation-service", generation.createWorkOrder(body));
    }

    @PUT
    @Path("workorders/{id}/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR})
    @Operation(summary = "Change a manual work order before its generation starts (generation-service)")
    public Uni<Response> updateWorkOrder(@PathParam("id") String id, String body) {
        return Downstream.relay("generation-service", generation.updateWorkOrder(id, body));
    }

    @GET
    @Path("workorders/{id}/")
    @Operation(summary = "One work order by id or wo_id")
    public Uni<Response> getWorkOrder(@PathParam("id") String id) {
        return Downstream.relay("generation-service", generation.get(id));
    }

    @POST
    @Path("workorders/{id}/generate-serials/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR})
    @Operation(summary = "Issue serials to a work order; Idempotency-Key makes a retry safe (generation-service)")
    public Uni<Response> generateSerials(@PathParam("id") String id, String body,
                                         @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return Downstream.relay("generation-service", generation.generate(id, "serials", body, idempotencyKey));
    }

    @POST
    @Path("workorders/{id}/generate-sscc/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR})
    @Operation(summary = "Issue SSCCs to a work order; Idempotency-Key makes a retry safe (generation-service)")
    public Uni<Response> generateSscc(@PathParam("id") String id, String body,
                                      @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return Downstream.relay("generation-service", generation.generate(id, "sscc", body, idempotencyKey));
    }

    @GET
    @Path("workorders/{id}/history/")
    @Operation(summary = "A work order's generation history (generation-service)")
    public Uni<Response> generationHistory(@PathParam("id") String id, @Context UriInfo uri) {
        return Downstream.relay("generation-service", generation.history(id, query(uri)));
    }

    @GET
    @Path("workorders/{id}/serials.csv")
    @Produces("text/csv")
    @Operation(summary = "A work order's serials as CSV, streamed; format element, urn or dl (generation-service)")
    public Multi<byte[]> serialsReport(@PathParam("id") String id, @Context UriInfo uri) {
        return Downstream.relay("generation-service", generation.report(id, "serials", query(uri)));
    }

    @GET
    @Path("workorders/{id}/sscc.csv")
    @Produces("text/csv")
    @Operation(summary = "A work order's SSCCs as CSV, streamed; format element, urn or dl (generation-service)")
    public Multi<byte[]> ssccReport(@PathParam("id") String id, @Context UriInfo uri) {
        return Downstream.relay("generation-service", generation.report(id, "sscc", query(uri)));
    }

    @GET
    @Path("workorders/{id}/epcis")
    @Produces("application/ld+json")
    @ResponseHeader(name = "Content-Disposition", value = "attachment; filename=\"epcis.jsonld\"")
    @Operation(summary = "EPCIS 2.0 commissioning event for the work order's identifiers, streamed (generation-service)")
    public RestMulti<byte[]> epcis(@PathParam("id") String id) {
        // relayed as it comes: not as a JSON array of chunks, which a JSON type would otherwise make of them
        return RestMulti.fromMultiData(Downstream.relay("generation-service", generation.epcis(id)))
            .encodeAsJsonArray(false).build();
    }

    @GET
    @Path("tasks/{taskId}/")
    @Operation(summary = "A generation task with its progress (generation-service)")
    public Uni<Response> task(@PathParam("taskId") String taskId) {
        return Downstream.relay("generation-service", generation.task(taskId));
    }

    @POST
    @Path("audit/uniqueness")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR})
    @Operation(summary = "Verify that no number was issued twice; derive=true derives every serial (generation-service)")
    public Uni<Response> auditUniqueness(@QueryParam("derive") boolean derive) {
        return Downstream.relay("generation-service", audit.auditUniqueness(derive));
    }

    @GET
    @Path("pools/")
    @Operation(summary = "Serial and SSCC pools: capacity, issued, remaining, exhaustion warning (generation-service)")
    public Uni<Response> pools() {
        return Downstream.relay("generation-service", generation.pools());
    }

    @GET
    @Path("aggregation/workorders/{woId}/")
    @Operation(summary = "A work order's packaging breakdown (aggregation-service)")
    public Uni<Response> breakdown(@PathParam("woId") String woId) {
        return Downstream.relay("aggregation-service", aggregation.forWorkOrder(woId));
    }

    @POST
    @Path("aggregation/calculate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Containers per level for a quantity (aggregation-service)")
    public Uni<Response> calculate(String body) {
        return Downstream.relay("aggregation-service", aggregation.calculate(body));
    }

    @GET
    @Path("erp/status/")
    @Operation(summary = "ERP synchronisation status (erp-sync-service)")
    public Uni<Response> erpStatus() {
        return Downstream.relay("erp-sync-service", erpSync.status());
    }

    @GET
    @Path("erp/failed-records/")
    @Operation(summary = "ERP records that failed validation (erp-sync-service)")
    public Uni<Response> erpFailedRecords(@Context UriInfo uri) {
        return Downstream.relay("erp-sync-service", erpSync.failedRecords(query(uri)));
    }

    static Map<String, String> query(UriInfo uri) {
        Map<String, String> query = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> query.put(name, values.get(0)));
        return query;
    }

    @ServerExceptionMapper
    public Response relayed(Downstream.Relayed relayed) {
        return relayed.response;
    }
}
