package org.serialgen.aggregation.recipe;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.serialgen.aggregation.breakdown.PackagingBreakdown;
import org.serialgen.gs1.Gtin;
import org.serialgen.kit.errors.ApiException;

/**
 * The rules a recipe must keep, each failure reported against its field ({@code levels[2].children_per_parent}).
 * Levels run from L1 in order without a gap; L1 is the item itself (no children, identified by its SGTIN); every
 * level above holds a positive number of containers of the level below; a trade-item level carries its own valid
 * GTIN; and logistic units (SSCC) sit above trade items, never below one: a bundle cannot hold a pallet.
 */
public final class RecipeRules {

    /** A recipe that passed: GTINs as GTIN-14, levels normalised (L1 named and identified). */
    public record Checked(String gtin, String variant, LocalDate effectiveFrom, List<RecipeLevel> levels) {
    }

    static final Pattern VARIANT = Pattern.compile("[A-Za-z0-9._-]{1,50}");
    static final long MAX_CHILDREN = 1_000_000;

    private RecipeRules() {
    }

    /** The checked recipe, or a {@code 400 validation_error} with every failure. */
    public static Checked require(RecipeRequest request) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Checked checked = check(request, errors);
        if (!errors.isEmpty()) {
            throw new ApiException.Validation(errors);
        }
        return checked;
    }

    /** Checks the recipe into {@code errors}; answers the normalised recipe when there are none, else null. */
    public static Checked check(RecipeRequest request, Map<String, List<String>> errors) {
        if (request == null) {
            add(errors, "body", "A recipe is required");
            return null;
        }
        String gtin = gtin(request.gtin(), "gtin", errors);
        if (request.variant() == null || !VARIANT.matcher(request.variant()).matches()) {
            add(errors, "variant", "1 to 50 letters, digits, '.', '_' or '-'");
        }
        LocalDate effective = null;
        if (request.effectiveFrom() == null) {
            add(errors, "effective_from", "Required, yyyy-MM-dd");
        } else {
            try {
                effective = LocalDate.parse(request.effectiveFrom());
            } catch (DateTimeParseException e) {
                add(errors, "effective_from", "Must be a date, yyyy-MM-dd");
            }
        }
        List<RecipeLevel> levels = request.levels();
        List<RecipeLevel> normalised = new ArrayList<>();
        if (levels == null || levels.isEmpty()) {
            add(errors, "levels", "At least L1 is required");
        } else if (levels.size() > 4) {
            add(errors, "levels", "At most 4 levels (L1 item … L4 pallet)");
        } else {
            boolean logisticBelow = false;
            for (int i = 0; i < levels.size(); i++) {
                String at = "levels[" + i + "]";
                RecipeLevel level = levels.get(i);
                if (level == null) {
                    add(errors, at, "A level is required");
                    continue;
                }
                if (level.level() == null || level.level() != i + 1) {
                    add(errors, at + ".level", "Levels run from 1 in order without a gap: expected " + (i + 1));
                }
                String name = level.name() == null || level.name().isBlank()
                    ? PackagingBreakdown.NAMES.get(i) : level.name();
                if (name.length() > 50) {
                    add(errors, at + ".name", "At most 50 characters");
                }
                String identifiedBy = level.identifiedBy() == null && i == 0 ? PackagingBreakdown.SGTIN
                    : level.identifiedBy();
                if (!PackagingBreakdown.SGTIN.equals(identifiedBy) && !PackagingBreakdown.SSCC.equals(identifiedBy)) {
                    add(errors, at + ".identified_by", "Must be sgtin or sscc");
                }
                String levelGtin = null;
                if (i == 0) {
                    if (level.childrenPerParent() != null) {
                        add(errors, at + ".children_per_parent", "L1 is the item: it has no children");
                    }
                    if (PackagingBreakdown.SSCC.equals(identifiedBy)) {
                        add(errors, at + ".identified_by", "L1 is the item: it is identified by its SGTIN");
                    }
                    if (level.gtin() != null && gtin != null && !gtin.equals(gtin(level.gtin(), at + ".gtin", errors))) {
                        add(errors, at + ".gtin", "L1's GTIN is the recipe's GTIN");
                    }
                    levelGtin = gtin;
                } else {
                    Long children = level.childrenPerParent();
                    if (children == null || children < 1 || children > MAX_CHILDREN) {
                        add(errors, at + ".children_per_parent", "Must be a whole number from 1 to " + MAX_CHILDREN);
                    }
                    if (PackagingBreakdown.SGTIN.equals(identifiedBy)) {
                        if (logisticBelow) {
                            add(errors, at + ".identified_by", "A trade item (sgtin) cannot hold logistic units "
                                + "(sscc) of a level below it");
                        }
                        if (level.gtin() == null) {
                            add(errors, at + ".gtin", "A trade-item level needs its own packaging GTIN");
                        } else {
                            levelGtin = gtin(level.gtin(), at + ".gtin", errors);
                            if (levelGtin != null && levelGtin.equals(gtin)) {
                                add(errors, at + ".gtin", "Must differ from the item's GTIN");
                            }
                        }
                    } else if (PackagingBreakdown.SSCC.equals(identifiedBy)) {
                        logisticBelow = true;
                        if (level.gtin() != null) {
                            add(errors, at + ".gtin", "A logistic unit is identified by its SSCC, not a GTIN");
                        }
                    }
                }
                normalised.add(new RecipeLevel(i + 1, name, i == 0 ? null : level.childrenPerParent(), identifiedBy,
                    levelGtin));
            }
        }
        return errors.isEmpty() ? new Checked(gtin, request.variant(), effective, List.copyOf(normalised)) : null;
    }

    private static String gtin(String value, String field, Map<String, List<String>> errors) {
        if (value == null) {
            add(errors, field, "Required: a GTIN-8/12/13/14 with a valid check digit");
            return null;
        }
        try {
            return Gtin.parse(value).value();
        } catch (IllegalArgumentException e) {
            add(errors, field, "Must be a GTIN-8/12/13/14 with a valid check digit");
            return null;
        }
    }

    private static void add(Map<String, List<String>> errors, String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }
}
