package org.serialgen.aggregation.recipe;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;
import org.serialgen.gs1.Gtin;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.paging.PageResponse;
import org.serialgen.security.Roles;
import org.serialgen.kit.request.StrictParams;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Packaging recipes: read by every role, written by managers and admins; each change is a new version. */
@Path("/serial-generation/aggregation/")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class RecipeResource {

    private final Recipes recipes;
    private final RecipeRepository repository;
    private final SecurityIdentity identity;

    RecipeResource(Recipes recipes, RecipeRepository repository, SecurityIdentity identity) {
        this.recipes = recipes;
        this.repository = repository;
        this.identity = identity;
    }

    @GET
    @Path("recipes/")
    @Operation(summary = "Recipes at their current version, filtered and paged")
    public Uni<PageResponse<RecipeView>> list(
        @Parameter(description = "GTIN of the item") @QueryParam("gtin") String gtin,
        @QueryParam("variant") String variant,
        @Parameter(description = "Part of a GTIN or a variant") @QueryParam("search") String search,
        @Parameter(description = "true: deleted recipes only") @QueryParam("deleted") String deleted,
        @QueryParam("page") Integer page, @QueryParam("page_size") Integer pageSize, @Context UriInfo uri) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        String item = null;
        if (gtin != null) {
            try {
                item = Gtin.parse(gtin).value();
            } catch (IllegalArgumentException e) {
                problems.put("gtin", List.of("Must be a GTIN-8/12/13/14 with a valid check digit"));
            }
        }
        if (search != null && search.length() > 50) {
            problems.put("search", List.of("At most 50 characters"));
        }
        PageRequest request = PageRequest.of(page, pageSize, problems);
        boolean onlyDeleted = StrictParams.flag(uri, "deleted", deleted);
        RecipeRepository.Filter filter = new RecipeRepository.Filter(onlyDeleted, item, variant,
            search == null || search.isBlank() ? null : search);
        return repository.page(filter, request).map(found -> PageResponse.of(uri, request, found.count(),
            found.rows()));
    }

    @GET
    @Path("recipes/{id}/")
    @Operation(summary = "A recipe at its current version")
    public Uni<RecipeView> get(@PathParam("id") String id) {
        long recipeId = id(id);
        return repository.current(recipeId).map(found -> found.orElseThrow(() ->
            new ApiException.NotFound("RECIPE_NOT_FOUND", "Recipe " + id + " not found")));
    }

    @GET
    @Path("recipes/{id}/versions/")
    @Operation(summary = "A recipe's versions, newest first")
    public Uni<PageResponse<RecipeView>> versions(@PathParam("id") String id, @QueryParam("page") Integer page,
                                                  @QueryParam("page_size") Integer pageSize, @Context UriInfo uri) {
        long recipeId = id(id);
        PageRequest request = PageRequest.of(page, pageSize);
        return repository.findById(recipeId).flatMap(recipe -> {
            if (recipe == null) {
                throw new ApiException.NotFound("RECIPE_NOT_FOUND", "Recipe " + id + " not found");
            }
            return repository.versions(recipeId, request).map(found -> PageResponse.of(uri, request, found.count(),
                found.rows().stream().map(v -> RecipeView.of(recipe, v)).toList()));
        });
    }

    @POST
    @Path("recipes/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @WithTransaction
    @Operation(summary = "Create a recipe (version 1); the breakdowns of its GTIN's work orders follow")
    public Uni<RestResponse<RecipeView>> create(RecipeRequest request) {
        return recipes.create(request, user()).map(view -> RestResponse.ResponseBuilder
            .<RecipeView>create(RestResponse.Status.CREATED)
            .location(URI.create("/serial-generation/aggregation/recipes/" + view.id() + "/"))
            .header("ETag", "\"v" + view.version() + "\"").entity(view).build());
    }

    @PUT
    @Path("recipes/{id}/")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @WithTransaction
    @Operation(summary = "Change a recipe: a new version. If-Match \"v<version>\" refuses a change based on an older one")
    public Uni<RecipeView> update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                  RecipeRequest request) {
        return recipes.update(id(id), request, version(ifMatch), user());
    }

    @DELETE
    @Path("recipes/{id}/")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @WithTransaction
    @Operation(summary = "Delete a recipe from today on (a version that says so; the history stays)")
    public Uni<RecipeView> delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return recipes.delete(id(id), version(ifMatch), user());
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ApiException.NotFound("RECIPE_NOT_FOUND", "Recipe " + id + " not found");
        }
    }

    private static Integer version(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        String tag = ifMatch.trim().replace("W/", "").replace("\"", "");
        if (!tag.matches("v\\d{1,9}")) {
            throw ApiException.Validation.of("If-Match", "Must be the recipe's ETag, \"v<version>\"");
        }
        return Integer.parseInt(tag.substring(1));
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
