package org.serialgen.aggregation.recipe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;
import org.serialgen.aggregation.breakdown.BreakdownService;
import org.serialgen.events.EventCodec;
import org.serialgen.kit.audit.AuditTrail;
import org.serialgen.kit.errors.ApiException;

import io.smallrye.mutiny.Uni;

/**
 * Recipe changes, each a new version written in the caller's transaction together with the recomputed breakdowns of
 * the work orders of the recipe's GTIN (published through the outbox).
 */
@ApplicationScoped
public class Recipes {

    private final RecipeRepository repository;
    private final BreakdownService breakdowns;
    private final AuditTrail audit;

    Recipes(RecipeRepository repository, BreakdownService breakdowns, AuditTrail audit) {
        this.audit = audit;
        this.repository = repository;
        this.breakdowns = breakdowns;
    }

    public Uni<RecipeView> create(RecipeRequest request, String user) {
        RecipeRules.Checked recipe = RecipeRules.require(request);
        return repository.lockedByGtinAndVariant(recipe.gtin(), recipe.variant())
            .flatMap(existing -> {
                if (existing != null && !existing.deleted) {
                    throw new ApiException.Conflict("RECIPE_EXISTS", "GTIN " + recipe.gtin() + " already has a "
                        + "recipe for variant " + recipe.variant() + " (id " + existing.id + "): change that one");
                }
                Recipe row = existing != null ? existing : new Recipe();
                Instant now = Instant.now();
                if (existing == null) {
                    row.gtin = recipe.gtin();
                    row.variant = recipe.variant();
                    row.createdAt = now;
                }
                row.currentVersion = existing == null ? 1 : existing.currentVersion + 1;
                row.deleted = false;
                row.updatedAt = now;
                return repository.persistAndFlush(row).flatMap(saved -> write("recipe.create", saved,
                    recipe.effectiveFrom(), recipe.levels(), false, user));
            })
            .onFailure(ConstraintViolationException.class).transform(e -> new ApiException.Conflict("RECIPE_EXISTS",
                "GTIN " + recipe.gtin() + " already has a recipe for variant " + recipe.variant()));
    }

    public Uni<RecipeView> update(long id, RecipeRequest request, Integer expectedVersion, String user) {
        RecipeRules.Checked recipe = RecipeRules.require(request);
        return locked(id).flatMap(row -> {
            if (!row.gtin.equals(recipe.gtin()) || !row.variant.equals(recipe.variant())) {
                throw new ApiException.Validation(Map.of("gtin", List.of("A recipe's GTIN and variant do not change "
                    + "(this one is " + row.gtin + " / " + row.variant + "); create another recipe")));
            }
            checkVersion(row, expectedVersion);
            row.currentVersion += 1;
            row.updatedAt = Instant.now();
            return write("recipe.update", row, recipe.effectiveFrom(), recipe.levels(), false, user);
        });
    }

    /** A deletion is a version too: from today on the recipe no longer applies, and its history stays. */
    public Uni<RecipeView> delete(long id, Integer expectedVersion, String user) {
        return locked(id).flatMap(row -> repository.version(row.id, row.currentVersion).flatMap(current -> {
            checkVersion(row, expectedVersion);
            row.currentVersion += 1;
            row.deleted = true;
            row.updatedAt = Instant.now();
            return write("recipe.delete", row, LocalDate.now(), current.levelList(), true, user);
        }));
    }

    private static void checkVersion(Recipe row, Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion != row.currentVersion) {
            throw new ApiException.Conflict("VERSION_CONFLICT", "The recipe is at version " + row.currentVersion
                + ", not " + expectedVersion + ": reload it and apply your change again");
        }
    }

    private Uni<Recipe> locked(long id) {
        return repository.locked(id).map(row -> {
            if (row == null || row.deleted) {
                throw new ApiException.NotFound("RECIPE_NOT_FOUND", "Recipe " + id + " not found");
            }
            return row;
        });
    }

    private Uni<RecipeView> write(String action, Recipe row, LocalDate effectiveFrom, List<RecipeLevel> levels,
                                  boolean deleted, String user) {
        RecipeVersion version = new RecipeVersion();
        version.recipeId = row.id;
        version.version = row.currentVersion;
        version.effectiveFrom = effectiveFrom;
        version.levels = EventCodec.write(levels);
        version.deleted = deleted;
        version.createdBy = user;
        version.createdAt = row.updatedAt;
        return version.persist()
            .flatMap(ignored -> breakdowns.recomputeGtins(List.of(row.gtin)))
            .map(ignored -> RecipeView.of(row, version))
            .call(view -> audit.record(action, "recipe", String.valueOf(view.id()), view));
    }
}
