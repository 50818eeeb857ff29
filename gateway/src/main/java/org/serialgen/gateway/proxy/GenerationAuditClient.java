package org.serialgen.gateway.proxy;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * The uniqueness audit of generation-service, on a client of its own: deriving every issued serial takes minutes on a
 * large installation, far beyond the read timeout the other calls keep.
 */
@RegisterRestClient(configKey = "generation-audit")
@RegisterClientHeaders(ForwardedHeaders.class)
@Path("/serial-generation/")
interface GenerationAuditClient {

    @POST
    @Path("audit/uniqueness")
    Uni<Response> auditUniqueness(@QueryParam("derive") boolean derive);
}
