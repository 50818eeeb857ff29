package org.serialgen.generation.source;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * The protocol of an external serial source: one POST to the configured URL itself. Built per URL by
 * {@link ExternalSources}; the registration only lets Quarkus generate the client at build time.
 */
@RegisterRestClient(configKey = "external-source")
@Path("")
public interface SourceClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<SourceResponse> issue(SourceRequest request);
}
