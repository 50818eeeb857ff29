package org.serialgen.configservice.config;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.security.Roles;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/serial-generation/config/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@WithSession
public class ConfigResource {

    @Inject
    ConfigService service;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
    @Operation(summary = "The active configuration", description = "Serials to make for a work order = "
        + "ceil(quantity × manufacturing_percentage / 100 × (1 + discrepancy_tolerance / 100)). The ETag is the version.")
    public Uni<RestResponse<ConfigResponse>> get() {
        return service.active().map(ConfigResource::withETag);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Replace the configuration with a new version",
        description = "Send the edited version in `version` or If-Match; a stale one gets 409.")
    public Uni<RestResponse<ConfigResponse>> put(ConfigRequest request, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.save(request, basedOn(request, ifMatch), identity.getPrincipal().getName())
            .map(ConfigResource::withETag);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Create the configuration (same as PUT: every save is a new version)")
    public Uni<RestResponse<ConfigResponse>> post(ConfigRequest request, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return put(request, ifMatch);
    }

    private static Long basedOn(ConfigRequest request, String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
            String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
            try {
                return Long.parseLong(tag.startsWith("v") ? tag.substring(1) : tag);
            } catch (NumberFormatException e) {
                throw ApiException.Validation.of("If-Match", "Must be the ETag of a configuration version");
            }
        }
        return request == null ? null : request.version();
    }

    private static RestResponse<ConfigResponse> withETag(ConfigVersion version) {
        return RestResponse.ResponseBuilder.ok(ConfigResponse.of(version))
            .tag(new EntityTag("v" + version.version)).build();
    }
}
