package org.serialgen.aggregation.recipe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A recipe at one of its versions (the current one, or one of its history). */
public record RecipeView(
    @JsonProperty("id") long id,
    @JsonProperty("gtin") String gtin,
    @JsonProperty("variant") String variant,
    @JsonProperty("version") int version,
    @JsonProperty("effective_from") LocalDate effectiveFrom,
    @JsonProperty("levels") List<RecipeLevel> levels,
    @JsonProperty("deleted") boolean deleted,
    @JsonProperty("changed_by") String changedBy,
    @JsonProperty("changed_at") Instant changedAt) {

    static RecipeView of(Recipe recipe, RecipeVersion version) {
        return new RecipeView(recipe.id, recipe.gtin, recipe.variant, version.version, version.effectiveFrom,
            version.levelList(), version.deleted, version.createdBy, version.createdAt);
    }
}
