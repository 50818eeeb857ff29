package org.serialgen.gateway.proxy;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@RegisterRestClient(configKey = "generation-service")
@RegisterClientHeaders(ForwardedHeaders.class)
@Path("/serial-generation/")
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, failOn = ProcessingException.class)
interface GenerationServiceClient {

    @GET
    @Path("workorders/")
    @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
    Uni<Response> list(@RestQuery Map<String, String> query);

    @GET
    @Path("workorders/{id}/")
    @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
    Uni<Response> get(@PathParam("id") String id);

    @POST
    @Path("workorders/")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> createWorkOrder(String body);

    @jakarta.ws.rs.PUT
    @Path("workorders/{id}/")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> updateWorkOrder(@PathParam("id") String id, String body);

    /** Not retried: the Idempotency-Key, when the caller sends one, is what makes a repeat safe. */
    @POST
    @Path("workorders/{id}/generate-{kind}/")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> generate(@PathParam("id") String id, @PathParam("kind") String kind, String body,
                           @HeaderParam("Idempotency-Key") String idempotencyKey);

    @GET
    @Path("workorders/{id}/history/")
    @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
    Uni<Response> history(@PathParam("id") String id, @RestQuery Map<String, String> query);

    @GET
    @Path("tasks/{taskId}/")
    @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
    Uni<Response> task(@PathParam("taskId") String taskId);

    @GET
    @Path("pools/")
    @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
    Uni<Response> pools();

    /** The EPCIS document, relayed chunk by chunk as it arrives (a JSON type would parse it: it is taken as bytes). */
    @GET
    @Path("workorders/{id}/epcis")
    @Produces(MediaType.WILDCARD)
    Multi<byte[]> epcis(@PathParam("id") String id);

    /** A report, relayed chunk by chunk as it arrives. */
    @GET
    @Path("workorders/{id}/{report}.csv")
    @Produces("text/csv")
    Multi<byte[]> report(@PathParam("id") String id, @PathParam("report") String report,
                         @RestQuery Map<String, String> query);
}
