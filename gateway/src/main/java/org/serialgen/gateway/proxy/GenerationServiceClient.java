package org.serialgen.gateway.proxy;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;

@RegisterRestClient(configKey = "generation-service")
@RegisterClientHeaders(ForwardedHeaders.class)
@Path("/serial-generation/workorders/")
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, failOn = ProcessingException.class)
interface GenerationServiceClient {

    @GET
    @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
    Uni<Response> list(@RestQuery Map<String, String> query);

    @GET
    @Path("{id}/")
    @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
    Uni<Response> get(@PathParam("id") String id);
}
