package org.serialgen.kit.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.serialgen.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * This service's audit trail, for the gateway to merge with the others' ({@code GET /api/v1/serial-generation/audit/}).
 * Read only: there is no way to change an entry, here or anywhere.
 */
@Path("/serial-generation/audit/")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class AuditResource {

    private final AuditLog log;

    AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    @Operation(summary = "This service's audit entries, newest first: actor, action, entity_type, entity_id, outcome, "
        + "request_id, from, to, before (a cursor), limit")
    public Uni<AuditEntry.Page> entries(@Context UriInfo uri) {
        return log.page(AuditQuery.of(AuditQuery.parameters(uri)));
    }
}
