package org.serialgen.aggregation.recipe;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A recipe as created, updated and imported (JSON); the CSV import's columns say the same. */
public record RecipeRequest(
    @Schema(description = "GTIN of the item (L1): GTIN-8/12/13/14 with a valid check digit") @JsonProperty("gtin") String gtin,
    @Schema(description = "Packaging variant: 1 to 50 letters, digits, '.', '_' or '-'") @JsonProperty("variant") String variant,
    @Schema(description = "First day the recipe applies, yyyy-MM-dd") @JsonProperty("effective_from") String effectiveFrom,
    @Schema(description = "L1 … L4 in order") @JsonProperty("levels") List<RecipeLevel> levels) {
}
