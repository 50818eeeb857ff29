package org.serialgen.configservice.config;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestResponse;
import org.serialgen.events.ConfigDocument;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.paging.PageResponse;
import org.serialgen.security.Roles;
import org.serialgen.kit.request.StrictParams;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The Serial Generation Configuration (FR-001). Reads for every role; changes for managers and admins. Every change
 * is a new version; an edit names the version it was based on (If-Match with the ETag, or {@code version} in the
 * body) and is refused with 409 when that version is no longer the active one.
 */
@Path("/serial-generation/config/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class ConfigResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final ConfigService service;
    private final SecurityIdentity identity;

    ConfigResource(ConfigService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The active configuration", description = "Serials to make for a work order = "
        + "ceil(quantity × manufacturing_percentage / 100 × (1 + discrepancy_tolerance / 100)). The ETag is the version.")
    public Uni<RestResponse<ConfigResponse>> get() {
        return service.active().map(ConfigResource::withETag);
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Replace the configuration with a new version",
        description = "The whole document. Requires If-Match (the ETag) or `version`: a stale one gets 409 with the "
            + "current configuration in `current`; neither gets 428.")
    public Uni<RestResponse<ConfigResponse>> put(
        @RequestBody(content = @Content(schema = @Schema(implementation = ConfigDocument.class))) JsonNode body,
        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        ConfigDocument document = ConfigJson.document(body);
        return service.save(new ConfigService.Save(document, required(basedOn(body, ifMatch)), "update", null, user()))
            .map(ConfigResource::withETag);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Create the first configuration from a whole document",
        description = "Only while none exists (a fresh database without the seeded defaults); after that, 409 "
            + "CONFIG_EXISTS with the current configuration: change it with PUT or PATCH, which check the version.")
    public Uni<RestResponse<ConfigResponse>> post(
        @RequestBody(content = @Content(schema = @Schema(implementation = ConfigDocument.class))) JsonNode body) {
        ConfigDocument document = ConfigJson.document(body);
        return service.create(document, user()).map(ConfigResource::withETag);
    }

    @PATCH
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Change single fields (JSON merge patch, RFC 7396)",
        description = "e.g. {\"discrepancy_tolerance\": 3}. Requires If-Match or `version`; the result is validated "
            + "as a whole and saved as a new version.")
    public Uni<RestResponse<ConfigResponse>> patch(
        @RequestBody(content = @Content(schema = @Schema(implementation = ConfigDocument.class))) JsonNode body,
        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        if (body == null || !body.isObject()) {
            throw ApiException.Validation.of("body", "A JSON object is required");
        }
        long basedOn = required(basedOn(body, ifMatch));
        JsonNode patch = body.deepCopy();
        ConfigJson.READ_ONLY_FIELDS.forEach(((com.fasterxml.jackson.databind.node.ObjectNode) patch)::remove);
        return service.patch(patch, basedOn, user()).map(ConfigResource::withETag);
    }

    @GET
    @Path("history/")
    @Operation(summary = "Every version, newest first, with its author, time, action and field-level changes")
    public Uni<PageResponse<ConfigTransfer.HistoryEntry>> history(@QueryParam("page") Integer page,
                                                                   @QueryParam("page_size") Integer pageSize,
                                                                   @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        return service.historyCount().flatMap(count -> service.history(request).map(rows ->
            PageResponse.of(uri, request, count, rows.stream().map(ConfigTransfer.HistoryEntry::of).toList())));
    }

    @GET
    @Path("versions/{version}/")
    @Operation(summary = "One version, active or not")
    public Uni<RestResponse<ConfigResponse>> version(@PathParam("version") long version) {
        return service.version(version).map(ConfigResource::withETag);
    }

    @POST
    @Path("versions/{version}/restore/")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Make an earlier version's document active again, as a new version (If-Match optional)")
    public Uni<RestResponse<ConfigResponse>> restore(@PathParam("version") long version,
                                                     @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.restore(version, basedOn(null, ifMatch), user()).map(ConfigResource::withETag);
    }

    @POST
    @Path("reset/")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Make the documented defaults active, as a new version (If-Match optional)")
    public Uni<RestResponse<ConfigResponse>> reset(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return service.reset(basedOn(null, ifMatch), user()).map(ConfigResource::withETag);
    }

    @GET
    @Path("export/")
    @Operation(summary = "Download the active configuration as a versioned JSON document, for import elsewhere")
    public Uni<RestResponse<ConfigTransfer.Export>> export() {
        return service.active().map(active -> RestResponse.ResponseBuilder.ok(new ConfigTransfer.Export(
                ConfigTransfer.FORMAT, ConfigTransfer.FORMAT_VERSION, Instant.now(), user(), active.version,
                ConfigJson.tree(active.document())))
            .header("Content-Disposition", "attachment; filename=\"serialgen-config-v" + active.version + ".json\"")
            .build());
    }

    @POST
    @Path("import/")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Validate an exported document and apply it as a new version",
        description = "With dry_run=true nothing is saved: the answer lists the changes the import would make.")
    public Uni<ConfigTransfer.ImportResult> importConfig(
        ConfigTransfer.Export file,
        @Parameter(description = "Only validate and show the changes") @QueryParam("dry_run") String dryRun,
        @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri) {
        if (file == null) {
            throw ApiException.Validation.of("body", "An exported configuration document is required");
        }
        if (!ConfigTransfer.FORMAT.equals(file.format())) {
            throw ApiException.Validation.of("format", "Must be " + ConfigTransfer.FORMAT);
        }
        if (file.formatVersion() == null || file.formatVersion() != ConfigTransfer.FORMAT_VERSION) {
            throw ApiException.Validation.of("format_version", "Only format version " + ConfigTransfer.FORMAT_VERSION
                + " can be imported");
        }
        ConfigDocument document = ConfigJson.document(file.config());
        return StrictParams.flag(uri, "dry_run", dryRun) ? service.dryRun(document)
            : service.importDocument(document, basedOn(null, ifMatch), user());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private static long required(Long basedOn) {
        if (basedOn == null) {
            throw new ApiException.PreconditionRequired("CONFIG_VERSION_REQUIRED", "Say which version you edited: "
                + "send the ETag in If-Match or the version number in `version`");
        }
        return basedOn;
    }

    private static Long basedOn(JsonNode body, String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
            String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
            try {
                return Long.parseLong(tag.startsWith("v") ? tag.substring(1) : tag);
            } catch (NumberFormatException e) {
                throw ApiException.Validation.of("If-Match", "Must be the ETag of a configuration version");
            }
        }
        return ConfigJson.version(body);
    }

    private static RestResponse<ConfigResponse> withETag(ConfigVersion version) {
        return RestResponse.ResponseBuilder.ok(ConfigResponse.of(version))
            .tag(new EntityTag("v" + version.version)).build();
    }
}
