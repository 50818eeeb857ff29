package org.serialgen.gateway.proxy;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.jboss.resteasy.reactive.RestQuery;

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

    @PATCH
    @Consumes("application/merge-patch+json")
    Uni<Response> patch(String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);

    @GET
    @Path("history/")
    @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
    Uni<Response> history(@RestQuery Map<String, String> query);

    @GET
    @Path("versions/{version}/")
    @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
    Uni<Response> version(@PathParam("version") long version);

    @POST
    @Path("versions/{version}/restore/")
    Uni<Response> restore(@PathParam("version") long version, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);

    @POST
    @Path("reset/")
    Uni<Response> reset(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);

    @GET
    @Path("export/")
    @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
    Uni<Response> export();

    @POST
    @Path("import/")
    Uni<Response> importConfig(String body, @QueryParam("dry_run") boolean dryRun,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch);
}
