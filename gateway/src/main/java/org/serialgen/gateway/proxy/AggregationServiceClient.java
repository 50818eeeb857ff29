package org.serialgen.gateway.proxy;

import java.io.InputStream;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@RegisterRestClient(configKey = "aggregation-service")
@RegisterClientHeaders(ForwardedHeaders.class)
@Path("/serial-generation/aggregation/")
@Consumes(MediaType.APPLICATION_JSON)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, failOn = ProcessingException.class)
interface AggregationServiceClient {

    @GET
    @Path("workorders/{woId}/")
    @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
    Uni<Response> forWorkOrder(@PathParam("woId") String woId);

    /** A pure calculation: safe to retry. */
    @POST
    @Path("calculate")
    @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
    Uni<Response> calculate(String body);

    @GET
    @Path("recipes/")
    @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
    Uni<Response> recipes(@RestQuery Map<String, String> query);

    @GET
    @Path("recipes/{id}/")
    @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
    Uni<Response> recipe(@PathParam("id") String id);

    @GET
    @Path("recipes/{id}/versions/")
    @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
    Uni<Response> recipeVersions(@PathParam("id") String id, @RestQuery Map<String, String> query);

    /** Writes are not retried: a repeat would make another version. */
    @POST
    @Path("recipes/")
    Uni<Response> createRecipe(String body);

    @PUT
    @Path("recipes/{id}/")
    Uni<Response> updateRecipe(@PathParam("id") String id, String body,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);

    @DELETE
    @Path("recipes/{id}/")
    Uni<Response> deleteRecipe(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);

    /** The upload is passed on as it is read, never held whole. */
    @POST
    @Path("recipes/import")
    @Consumes("text/csv")
    Uni<Response> importCsv(InputStream body, @RestQuery Map<String, String> query);

    @POST
    @Path("recipes/import")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> importJson(InputStream body, @RestQuery Map<String, String> query);

    @GET
    @Path("recipes/export")
    @Produces(MediaType.WILDCARD)
    Multi<byte[]> export(@RestQuery Map<String, String> query);
}
