package org.serialgen.aggregation.recipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.serialgen.kit.csv.Csv;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The CSV form of a recipe, one row each, for import and export: {@code gtin, variant, effective_from, l1_name}, then
 * for L2 … L4 {@code name, children_per_parent, identified_by, gtin}; a level is present where its
 * {@code identified_by} is filled in.
 */
final class RecipeCsv {

    static final List<String> COLUMNS = columns();

    private RecipeCsv() {
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("gtin", "variant", "effective_from", "l1_name"));
        for (int k = 2; k <= 4; k++) {
            columns.addAll(List.of("l" + k + "_name", "l" + k + "_children_per_parent", "l" + k + "_identified_by",
                "l" + k + "_gtin"));
        }
        return List.copyOf(columns);
    }

    static CsvSchema schema() {
        CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(builder::addColumn);
        return builder.build();
    }

    /**
     * The recipe of a CSV row; a number that is not one is left for the rules to report (as a missing value) and
     * named in {@code problems}.
     */
    static RecipeRequest read(Map<String, String> row, Map<String, List<String>> problems) {
        List<RecipeLevel> levels = new ArrayList<>();
        levels.add(new RecipeLevel(1, blank(row.get("l1_name")), null, null, null));
        for (int k = 2; k <= 4; k++) {
            String identifiedBy = blank(row.get("l" + k + "_identified_by"));
            if (identifiedBy == null) {
                continue;
            }
            String children = blank(row.get("l" + k + "_children_per_parent"));
            Long count = null;
            if (children != null) {
                try {
                    count = Long.parseLong(children);
                } catch (NumberFormatException e) {
                    problems.computeIfAbsent("levels[" + (k - 1) + "].children_per_parent", f -> new ArrayList<>())
                        .add("Must be a whole number");
                }
            }
            levels.add(new RecipeLevel(k, blank(row.get("l" + k + "_name")), count, identifiedBy,
                blank(row.get("l" + k + "_gtin"))));
        }
        return new RecipeRequest(blank(row.get("gtin")), blank(row.get("variant")), blank(row.get("effective_from")),
            levels);
    }

    /** A recipe as one CSV line (RFC 4180 quoting where a name needs it). */
    static String write(RecipeView recipe) {
        List<String> cells = new ArrayList<>(List.of(recipe.gtin(), recipe.variant(),
            recipe.effectiveFrom().toString(), recipe.levels().get(0).name()));
        for (int k = 2; k <= 4; k++) {
            if (recipe.levels().size() >= k) {
                RecipeLevel level = recipe.levels().get(k - 1);
                cells.addAll(List.of(level.name(), String.valueOf(level.childrenPerParent()), level.identifiedBy(),
                    level.gtin() == null ? "" : level.gtin()));
            } else {
                cells.addAll(List.of("", "", "", ""));
            }
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (i > 0) {
                line.append(',');
            }
            Csv.field(line, cell);
        }
        return line.append('\n').toString();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
