package org.serialgen.gateway.proxy;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** config-service. Reads are retried on connection failures; writes are not, since a write may have landed. */
@RegisterRestClient(configKey = "config-service")
@RegisterClientHeaders(ForwardedHeaders.class)
@Path("/serial-generation/config/")
@Consumes(MediaType.APPLICATION_JSON)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, failOn = ProcessingException.class)
interface ConfigServiceClient {

    @GET
    @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
    Uni<Response> get();

    @PUT
    Uni<Response> put(String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);

    @POST
    Uni<Response> post(String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);
}
