package org.serialgen.aggregation.breakdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.serialgen.events.AggregationComputed.Level;
import org.serialgen.events.ConfigDocument.AggregationRule;

/**
 * Containers per packaging level for a quantity of L1 units, in exact integer arithmetic. A level's multiplier is
 * the number of L1 units one full container holds (cumulative, as the configuration states it); the last container
 * of a level holds what is left. Bundles (L2) are trade items with their own serials; cases and pallets (L3, L4) are
 * logistic units, each identified by an SSCC.
 */
public record PackagingBreakdown(long quantity, List<Level> levels, long ssccCount) {

    static final List<String> LEVELS = List.of("l1", "l2", "l3", "l4");

    public static PackagingBreakdown of(long quantity, Map<String, AggregationRule> rules) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        List<Level> levels = new ArrayList<>();
        long sscc = 0;
        for (String name : LEVELS) {
            AggregationRule rule = rules.get(name);
            if (rule == null || !Boolean.TRUE.equals(rule.enabled())) {
                continue;
            }
            long perContainer = name.equals("l1") ? 1 : rule.multiplier();
            long containers = quantity / perContainer + (quantity % perContainer == 0 ? 0 : 1);
            long lastHolds = quantity - (containers - 1) * perContainer;
            String identifiedBy = switch (name) {
                case "l1", "l2" -> "sgtin";
                default -> "sscc";
            };
            if (identifiedBy.equals("sscc")) {
                sscc += containers;
            }
            levels.add(new Level(name, perContainer, containers, lastHolds, identifiedBy));
        }
        return new PackagingBreakdown(quantity, List.copyOf(levels), sscc);
    }
}
