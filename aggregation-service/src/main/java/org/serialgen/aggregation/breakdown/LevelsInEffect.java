package org.serialgen.aggregation.breakdown;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;

/**
 * Where a GTIN's packaging levels come from when a recipe applies: implemented by the recipes, so that breakdowns
 * depend on no recipe class (recipe changes, in turn, ask breakdowns to recompute).
 */
public interface LevelsInEffect {

    /** The levels a GTIN's recipe gives on {@code day}, and where they come from ({@code recipe:<id>:v<n>}). */
    record Levels(String source, List<PackagingBreakdown.Step> steps) {
    }

    /**
     * The levels of the recipe in effect for each of these GTINs on {@code day}; a GTIN without one is absent (its
     * work orders use the configuration).
     */
    Uni<Map<String, Levels>> forGtins(Collection<String> gtins, LocalDate day);
}
