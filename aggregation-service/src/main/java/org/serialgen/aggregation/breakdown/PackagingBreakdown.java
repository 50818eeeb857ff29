package org.serialgen.aggregation.breakdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.serialgen.events.AggregationComputed.Level;
import org.serialgen.events.ConfigDocument.AggregationRule;

/**
 * Containers per packaging level for a quantity of L1 units, in exact integer arithmetic. Each level above L1 puts a
 * number of containers of the level below into one of its own; the last container of a level holds what is left, so
 * a level has ⌈containers below ÷ children per container⌉ containers (which is ⌈quantity ÷ units per container⌉).
 * Trade-item levels (L1 items, L2 bundles) carry serials of their own GTIN — a bundle level without a GTIN (the
 * configuration's rules name none) carries no serials; logistic units carry an SSCC each.
 */
public record PackagingBreakdown(long quantity, List<Level> levels, long ssccCount, long bundleSerialCount) {

    public static final String SGTIN = "sgtin";
    public static final String SSCC = "sscc";
    /** Level names where a recipe or the configuration gives none. */
    public static final List<String> NAMES = List.of("unit", "bundle", "case", "pallet");

    /** One level of a packaging: its name, how many containers of the level below one holds, how it is identified. */
    public record Step(String name, long childrenPerParent, String identifiedBy, String gtin) {
    }

    /** @param steps L1 first (its children_per_parent is not used), then each level above it in order */
    public static PackagingBreakdown of(long quantity, List<Step> steps) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        List<Level> levels = new ArrayList<>();
        long units = 1;
        long below = quantity;
        long sscc = 0;
        long bundles = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String id = "l" + (i + 1);
            if (i == 0) {
                levels.add(new Level(id, step.name(), 1, 0, quantity, 1, 0, step.identifiedBy(), step.gtin()));
            } else {
                long children = step.childrenPerParent();
                units = Math.multiplyExact(units, children);
                long containers = below / children + (below % children == 0 ? 0 : 1);
                long lastChildren = below - (containers - 1) * children;
                long lastUnits = quantity - (containers - 1) * units;
                levels.add(new Level(id, step.name(), units, children, containers, lastUnits, lastChildren,
                    step.identifiedBy(), step.gtin()));
                below = containers;
            }
            Level level = levels.get(i);
            if (SSCC.equals(step.identifiedBy())) {
                sscc += level.containers();
            } else if (i > 0 && step.gtin() != null) {
                // a bundle is serialised under a GTIN of its own; one without (the configuration's) carries none
                bundles += level.containers();
            }
        }
        return new PackagingBreakdown(quantity, List.copyOf(levels), sscc, bundles);
    }

    /**
     * The configuration's rules as steps: each enabled level's multiplier is cumulative L1 units per container (a
     * whole multiple of the enabled level below, as config-service checks), so its children are the quotient. Bundles
     * (l2) are trade items, cases and pallets (l3, l4) logistic units; the configuration names no bundle GTIN.
     */
    public static List<Step> fromConfig(String itemGtin, Map<String, AggregationRule> rules) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(NAMES.get(0), 0, SGTIN, itemGtin));
        long previous = 1;
        for (int k = 2; k <= 4; k++) {
            AggregationRule rule = rules == null ? null : rules.get("l" + k);
            if (rule == null || !Boolean.TRUE.equals(rule.enabled()) || rule.multiplier() == null) {
                continue;
            }
            long multiplier = rule.multiplier();
            steps.add(new Step(NAMES.get(k - 1), multiplier / previous, k == 2 ? SGTIN : SSCC, null));
            previous = multiplier;
        }
        return steps;
    }
}
