package org.serialgen.erpsync.connector;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

/**
 * The ERP's REST API (erp-api.openapi.yaml in this module), answers taken as they come: {@link RestErpConnector}
 * reads them and classifies what fails.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
interface ErpApi {

    @GET
    @Path("workorders")
    Uni<Response> changed(@HeaderParam("Authorization") String authorization,
                          @QueryParam("changed_since") String changedSince, @QueryParam("page_token") String pageToken,
                          @QueryParam("limit") int limit);

    @GET
    @Path("workorders/{woId}")
    Uni<Response> workOrder(@HeaderParam("Authorization") String authorization, @PathParam("woId") String woId);

    @POST
    @Path("workorders/{woId}/serialization")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> confirm(@HeaderParam("Authorization") String authorization, @PathParam("woId") String woId,
                          String confirmation);

    @GET
    @Path("health")
    Uni<Response> health(@HeaderParam("Authorization") String authorization);
}
