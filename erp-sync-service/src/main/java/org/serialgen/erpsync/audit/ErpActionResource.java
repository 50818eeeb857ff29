package org.serialgen.erpsync.audit;

import java.time.Instant;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.serialgen.events.EventCodec;
import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.paging.PageResponse;
import org.serialgen.security.Roles;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The audit of the ERP integration: who asked for a sync, set or lifted an override, retried or dismissed. */
@Path("/serial-generation/erp/actions/")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ERP_OPERATOR})
public class ErpActionResource {

    public record ActionView(
        @JsonProperty("id") long id,
        @JsonProperty("action") String action,
        @JsonProperty("wo_id") String woId,
        @JsonProperty("target") String target,
        @JsonProperty("actor") String actor,
        @JsonProperty("reason") String reason,
        @JsonProperty("details") Map<String, Object> details,
        @JsonProperty("at") Instant at) {

        static ActionView of(ErpAction a) {
            return new ActionView(a.id, a.action, a.woId, a.target, a.actor, a.reason, a.details == null ? null
                : EventCodec.read(a.details, new TypeReference<Map<String, Object>>() { }), a.at);
        }
    }

    private final ErpActions actions;

    ErpActionResource(ErpActions actions) {
        this.actions = actions;
    }

    @GET
    @Operation(summary = "What people did with the ERP integration, newest first; wo_id: of one work order")
    public Uni<PageResponse<ActionView>> list(@QueryParam("wo_id") String woId, @QueryParam("page") Integer page,
                                              @QueryParam("page_size") Integer pageSize, @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        return actions.page(woId, request).map(found -> PageResponse.of(uri, request, found.count(),
            found.rows().stream().map(ActionView::of).toList()));
    }
}
