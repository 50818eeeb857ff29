package org.serialgen.aggregation.recipe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.hibernate.exception.ConstraintViolationException;
import org.serialgen.aggregation.breakdown.BreakdownService;
import org.serialgen.aggregation.breakdown.PackagingBreakdown.Step;
import org.serialgen.events.EventCodec;
import org.serialgen.kit.errors.ApiException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Recipe changes, each a new version written in one transaction with the recomputed breakdowns of the work orders of
 * the recipe's GTIN (published through the outbox), and the choice of the recipe that applies to a GTIN on a day.
 */
@ApplicationScoped
public class Recipes {

    /** The variant that wins where a GTIN has several recipes in effect. */
    public static final String DEFAULT_VARIANT = "default";

    @Inject
    BreakdownService breakdowns;

    /** A recipe version in effect for a GTIN: where its levels come from and what they are. */
    public record Applicable(long recipeId, int version, String variant, List<RecipeLevel> levels) {

        public String source() {
            return "recipe:" + recipeId + ":v" + version;
        }

        public List<Step> steps() {
            return levels.stream().map(l -> new Step(l.name(), l.childrenPerParent() == null ? 0 : l.childrenPerParent(),
                l.identifiedBy(), l.gtin())).toList();
        }
    }

    public Uni<RecipeView> create(RecipeRequest request, String user) {
        RecipeRules.Checked recipe = RecipeRules.require(request);
        return Recipe.<Recipe>find("gtin = ?1 and variant = ?2", recipe.gtin(), recipe.variant())
            .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
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
                return row.<Recipe>persistAndFlush().flatMap(saved -> write(saved, recipe.effectiveFrom(),
                    recipe.levels(), false, user));
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
            return write(row, recipe.effectiveFrom(), recipe.levels(), false, user);
        });
    }

    /** A deletion is a version too: from today on the recipe no longer applies, and its history stays. */
    public Uni<RecipeView> delete(long id, Integer expectedVersion, String user) {
        return locked(id).flatMap(row -> RecipeVersion.<RecipeVersion>find("recipeId = ?1 and version = ?2", row.id,
                row.currentVersion).firstResult()
            .flatMap(current -> {
                checkVersion(row, expectedVersion);
                row.currentVersion += 1;
                row.deleted = true;
                row.updatedAt = Instant.now();
                return write(row, LocalDate.now(), current.levelList(), true, user);
            }));
    }

    private static void checkVersion(Recipe row, Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion != row.currentVersion) {
            throw new ApiException.Conflict("VERSION_CONFLICT", "The recipe is at version " + row.currentVersion
                + ", not " + expectedVersion + ": reload it and apply your change again");
        }
    }

    private static Uni<Recipe> locked(long id) {
        return Recipe.<Recipe>find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult().map(row -> {
            if (row == null || row.deleted) {
                throw new ApiException.NotFound("RECIPE_NOT_FOUND", "Recipe " + id + " not found");
            }
            return row;
        });
    }

    private Uni<RecipeView> write(Recipe row, LocalDate effectiveFrom, List<RecipeLevel> levels, boolean deleted,
                                  String user) {
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
            .map(ignored -> RecipeView.of(row, version));
    }

    /**
     * The recipe version in effect for a GTIN on a day: of each of its recipes, the newest version effective by then
     * (none if that version deleted it); of several recipes, variant {@value #DEFAULT_VARIANT}, else the one that took
     * effect last, then the first variant by name.
     */
    public static Uni<Optional<Applicable>> applicable(String gtin, LocalDate day) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                SELECT r.id, v.version, r.variant, v.deleted, v.effective_from, CAST(v.levels AS text)
                FROM recipe r
                -- per recipe, its newest version in effect: a walk down the primary key, whatever the statistics say
                CROSS JOIN LATERAL (
                    SELECT version, deleted, effective_from, levels FROM recipe_version
                    WHERE recipe_id = r.id AND effective_from <= :day
                    ORDER BY version DESC LIMIT 1) v
                WHERE r.gtin = :gtin AND NOT v.deleted
                ORDER BY r.variant = :default DESC, v.effective_from DESC, r.variant
                LIMIT 1""", Object[].class)
            .setParameter("gtin", gtin).setParameter("day", day).setParameter("default", DEFAULT_VARIANT)
            .getResultList())
            .map(rows -> rows.stream().findFirst().map(r -> new Applicable(((Number) r[0]).longValue(),
                ((Number) r[1]).intValue(), (String) r[2], EventCodec.read((String) r[5],
                    new com.fasterxml.jackson.core.type.TypeReference<List<RecipeLevel>>() { }))));
    }
}
