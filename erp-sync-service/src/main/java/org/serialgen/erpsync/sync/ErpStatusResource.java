package org.serialgen.erpsync.sync;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.serialgen.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@Path("/serial-generation/erp/")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class ErpStatusResource {

    private final SyncStatus status;

    ErpStatusResource(SyncStatus status) {
        this.status = status;
    }

    @GET
    @Path("status/")
    @Operation(summary = "ERP synchronisation status: last sync and its outcome, records synced and failed, the "
        + "schedule, whether pull is configured and the ERP's last health answer")
    public Uni<SyncStatus.Status> status() {
        return status.now();
    }
}
