package org.serialgen.aggregation.recipe;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;
import org.serialgen.events.EventCodec;
import org.serialgen.gs1.Gtin;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.paging.PageResponse;
import org.serialgen.kit.sql.SqlValues;
import org.serialgen.security.Roles;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.Panache;
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

    static final String CURRENT = """
        SELECT r.id, r.gtin, r.variant, v.version, v.effective_from, CAST(v.levels AS text), v.deleted, v.created_by,
               v.created_at
        FROM recipe r JOIN recipe_version v ON v.recipe_id = r.id AND v.version = r.current_version""";

    @Inject
    Recipes recipes;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("recipes/")
    @Operation(summary = "Recipes at their current version, filtered and paged")
    public Uni<PageResponse<RecipeView>> list(
        @Parameter(description = "GTIN of the item") @QueryParam("gtin") String gtin,
        @QueryParam("variant") String variant,
        @Parameter(description = "Part of a GTIN or a variant") @QueryParam("search") String search,
        @Parameter(description = "true: deleted recipes only") @QueryParam("deleted") boolean deleted,
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
        StringBuilder where = new StringBuilder(" WHERE r.deleted = :deleted");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("deleted", deleted);
        if (item != null) {
            where.append(" AND r.gtin = :gtin");
            params.put("gtin", item);
        }
        if (variant != null) {
            where.append(" AND r.variant = :variant");
            params.put("variant", variant);
        }
        if (search != null && !search.isBlank()) {
            where.append(" AND (r.gtin LIKE :search OR r.variant ILIKE :search)");
            params.put("search", "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return Panache.getSession().flatMap(session -> {
            var count = session.createNativeQuery("SELECT count(*) FROM recipe r" + where, Long.class);
            var rows = session.createNativeQuery(CURRENT + where + " ORDER BY r.id LIMIT :limit OFFSET :offset",
                Object[].class);
            params.forEach((k, v) -> {
                count.setParameter(k, v);
                rows.setParameter(k, v);
            });
            rows.setParameter("limit", request.size()).setParameter("offset", (long) request.index() * request.size());
            return count.getSingleResult().flatMap(total -> rows.getResultList()
                .map(found -> PageResponse.of(uri, request, ((Number) total).longValue(),
                    found.stream().map(RecipeResource::view).toList())));
        });
    }

    @GET
    @Path("recipes/{id}/")
    @Operation(summary = "A recipe at its current version")
    public Uni<RecipeView> get(@PathParam("id") String id) {
        long recipeId = id(id);
        return Panache.getSession().flatMap(session -> session.createNativeQuery(CURRENT + " WHERE r.id = :id",
                Object[].class).setParameter("id", recipeId).getResultList())
            .map(rows -> rows.stream().findFirst().map(RecipeResource::view).orElseThrow(() ->
                new ApiException.NotFound("RECIPE_NOT_FOUND", "Recipe " + id + " not found")));
    }

    @GET
    @Path("recipes/{id}/versions/")
    @Operation(summary = "A recipe's versions, newest first")
    public Uni<PageResponse<RecipeView>> versions(@PathParam("id") String id, @QueryParam("page") Integer page,
                                                  @QueryParam("page_size") Integer pageSize, @Context UriInfo uri) {
        long recipeId = id(id);
        PageRequest request = PageRequest.of(page, pageSize);
        return Recipe.<Recipe>findById(recipeId).flatMap(recipe -> {
            if (recipe == null) {
                throw new ApiException.NotFound("RECIPE_NOT_FOUND", "Recipe " + id + " not found");
            }
            var query = RecipeVersion.<RecipeVersion>find("recipeId = ?1 order by version desc", recipeId);
            return query.count().flatMap(total -> query.page(request.index(), request.size()).list()
                .map(found -> PageResponse.of(uri, request, total,
                    found.stream().map(v -> RecipeView.of(recipe, v)).toList())));
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

    static RecipeView view(Object[] r) {
        return new RecipeView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
            SqlValues.date(r[4]), EventCodec.read((String) r[5], new TypeReference<List<RecipeLevel>>() { }),
            (Boolean) r[6], (String) r[7], SqlValues.instant(r[8]));
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
