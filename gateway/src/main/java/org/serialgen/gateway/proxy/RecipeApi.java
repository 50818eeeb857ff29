package org.serialgen.gateway.proxy;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestMulti;
import org.serialgen.security.Roles;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Packaging recipes (aggregation-service): read by every role, written and imported by managers and admins. */
@Path("/api/v1/serial-generation/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class RecipeApi {

    static final String SERVICE = "aggregation-service";

    @Inject
    @RestClient
    AggregationServiceClient aggregation;

    @GET
    @Path("aggregation/recipes/")
    @Operation(summary = "Recipes at their current version: gtin, variant, search, deleted, page, page_size")
    public Uni<Response> list(@Context UriInfo uri) {
        return Downstream.relay(SERVICE, aggregation.recipes(SerialGenerationApi.query(uri)));
    }

    @GET
    @Path("aggregation/recipes/{id}/")
    @Operation(summary = "A recipe at its current version")
    public Uni<Response> get(@PathParam("id") String id) {
        return Downstream.relay(SERVICE, aggregation.recipe(id));
    }

    @GET
    @Path("aggregation/recipes/{id}/versions/")
    @Operation(summary = "A recipe's versions, newest first")
    public Uni<Response> versions(@PathParam("id") String id, @Context UriInfo uri) {
        return Downstream.relay(SERVICE, aggregation.recipeVersions(id, SerialGenerationApi.query(uri)));
    }

    @POST
    @Path("aggregation/recipes/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Create a recipe")
    public Uni<Response> create(String body) {
        return Downstream.relay(SERVICE, aggregation.createRecipe(body));
    }

    @PUT
    @Path("aggregation/recipes/{id}/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Change a recipe (a new version); If-Match v<version>")
    public Uni<Response> update(@PathParam("id") String id, String body,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Downstream.relay(SERVICE, aggregation.updateRecipe(id, body, ifMatch));
    }

    @DELETE
    @Path("aggregation/recipes/{id}/")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(summary = "Delete a recipe from today on (its history stays)")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return Downstream.relay(SERVICE, aggregation.deleteRecipe(id, ifMatch));
    }

    @POST
    @Path("aggregation/recipes/import")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Blocking
    @Operation(summary = "Import recipes in bulk (CSV or a JSON array), streamed; mode all_or_nothing or skip_invalid")
    public Uni<Response> importRecipes(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                                       @Context UriInfo uri) {
        boolean csv = type != null && type.toLowerCase().startsWith("text/csv");
        var query = SerialGenerationApi.query(uri);
        return Downstream.relay(SERVICE, csv ? aggregation.importCsv(body, query) : aggregation.importJson(body, query));
    }

    @GET
    @Path("aggregation/recipes/export")
    @Produces("text/csv")
    @Operation(summary = "Every current recipe, streamed: format csv (default) or json")
    public RestMulti<byte[]> export(@QueryParam("format") String format, @Context UriInfo uri) {
        String type = "json".equals(format) ? MediaType.APPLICATION_JSON : "text/csv";
        return RestMulti.fromMultiData(Downstream.relay(SERVICE, aggregation.export(SerialGenerationApi.query(uri))))
            .header(HttpHeaders.CONTENT_TYPE, type).build();
    }
}
