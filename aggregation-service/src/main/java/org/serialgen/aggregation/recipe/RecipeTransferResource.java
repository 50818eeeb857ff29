package org.serialgen.aggregation.recipe;

import java.io.InputStream;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.serialgen.events.EventCodec;
import org.serialgen.kit.context.Pages;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.security.Roles;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * Recipes in bulk: an import streamed from the request body (CSV or a JSON array) and an export streamed page by
 * page, in the same two forms.
 */
@Path("/serial-generation/aggregation/")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class RecipeTransferResource {

    static final int PAGE = 1_000;

    private final RecipeImport recipeImport;
    private final RecipeRepository repository;
    private final SecurityIdentity identity;

    RecipeTransferResource(RecipeImport recipeImport, RecipeRepository repository, SecurityIdentity identity) {
        this.recipeImport = recipeImport;
        this.repository = repository;
        this.identity = identity;
    }

    @POST
    @Path("recipes/import")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Blocking
    @Operation(summary = "Import recipes in bulk (CSV with the export's columns, or a JSON array of recipes), streamed;"
        + " each row a new recipe or a new version of its GTIN and variant. mode=all_or_nothing (default) writes "
        + "nothing if a row is invalid; skip_invalid writes the valid rows. The answer reports every row's errors.")
    public Uni<ImportReport> importRecipes(InputStream body, @HeaderParam("Content-Type") String contentType,
                                      @Parameter(description = "all_or_nothing (default) or skip_invalid")
                                      @QueryParam("mode") String mode) {
        String chosen = mode == null ? RecipeImport.ALL_OR_NOTHING : mode;
        if (!List.of(RecipeImport.ALL_OR_NOTHING, RecipeImport.SKIP_INVALID).contains(chosen)) {
            throw ApiException.Validation.of("mode", "Must be all_or_nothing or skip_invalid");
        }
        boolean csv = contentType != null && contentType.toLowerCase().startsWith("text/csv");
        return recipeImport.run(body, csv, chosen, identity.getPrincipal().getName(), Vertx.currentContext());
    }

    @GET
    @Path("recipes/export")
    // one declared type (a Multi allows no negotiation); the answer's own header says which one it is
    @Produces("text/csv")
    @ResponseHeader(name = "Content-Disposition", value = "attachment")
    @Operation(summary = "Every recipe at its current version (deleted ones left out), streamed: format=csv (default)"
        + " or json (an array of recipes, as the import takes them)")
    public org.jboss.resteasy.reactive.RestMulti<Buffer> export(@QueryParam("format") String format) {
        String chosen = format == null ? "csv" : format;
        if (!List.of("csv", "json").contains(chosen)) {
            throw ApiException.Validation.of("format", "Must be csv or json");
        }
        boolean csv = chosen.equals("csv");
        Context context = Vertx.currentContext();
        Multi<Buffer> body = Multi.createFrom().deferred(() -> {
            long[] after = {0};
            boolean[] first = {true};
            Multi<Buffer> pages = Pages.onContext(context, () -> Panache.withSession(() ->
                    repository.currentAfter(after[0], PAGE)))
                .map(recipes -> {
                    StringBuilder out = new StringBuilder(recipes.size() * 160);
                    for (RecipeView recipe : recipes) {
                        after[0] = recipe.id();
                        if (csv) {
                            out.append(RecipeCsv.write(recipe));
                        } else {
                            out.append(first[0] ? "" : ",").append(EventCodec.write(new RecipeRequest(recipe.gtin(),
                                recipe.variant(), recipe.effectiveFrom().toString(), recipe.levels())));
                            first[0] = false;
                        }
                    }
                    return Buffer.buffer(out.toString());
                });
            String head = csv ? String.join(",", RecipeCsv.COLUMNS) + "\n" : "[";
            return Multi.createBy().concatenating().streams(Multi.createFrom().item(Buffer.buffer(head)), pages,
                Multi.createFrom().item(Buffer.buffer(csv ? "" : "]")));
        });
        // written as it comes: not as a JSON array of chunks, which a JSON type would otherwise make of them
        return org.jboss.resteasy.reactive.RestMulti.fromMultiData(body).encodeAsJsonArray(false)
            .header("Content-Type", csv ? "text/csv" : MediaType.APPLICATION_JSON).build();
    }
}
