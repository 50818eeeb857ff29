package org.serialgen.aggregation.recipe;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One packaging level of a recipe, L1 (the item) first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecipeLevel(
    @Schema(description = "1 to 4, contiguous from 1 in order") @JsonProperty("level") Integer level,
    @Schema(description = "unit, bundle, case, pallet…: 1 to 50 characters") @JsonProperty("name") String name,
    @Schema(description = "Containers of the level below in one container of this level: 1 to 1 000 000; none on L1")
    @JsonProperty("children_per_parent") Long childrenPerParent,
    @Schema(description = "sgtin (a trade item with its own packaging GTIN) or sscc (a logistic unit)",
        enumeration = {"sgtin", "sscc"})
    @JsonProperty("identified_by") String identifiedBy,
    @Schema(description = "The level's own GTIN: required on SGTIN levels above L1 (L1 is the recipe's GTIN)")
    @JsonProperty("gtin") String gtin) {
}
