package org.serialgen.aggregation.breakdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.serialgen.events.AggregationComputed.Level;
import org.serialgen.events.ConfigDocument.AggregationRule;

class PackagingBreakdownTest {

    static Map<String, AggregationRule> rules(long l2, long l3, long l4, boolean l4Enabled) {
        Map<String, AggregationRule> rules = new LinkedHashMap<>();
        rules.put("l1", new AggregationRule(true, 1L));
        rules.put("l2", new AggregationRule(true, l2));
        rules.put("l3", new AggregationRule(true, l3));
        rules.put("l4", new AggregationRule(l4Enabled, l4));
        return rules;
    }

    @Test
    void countsPartialContainersAtEveryLevel() {
        // 12 345 units, 10 per bundle, 12 bundles per case, 40 cases per pallet
        PackagingBreakdown b = PackagingBreakdown.of(12_345, rules(10, 120, 4_800, true));
        assertEquals(List.of(
            new Level("l1", 1, 12_345, 1, "sgtin"),
            new Level("l2", 10, 1_235, 5, "sgtin"),
            new Level("l3", 120, 103, 105, "sscc"),
            new Level("l4", 4_800, 3, 2_745, "sscc")), b.levels());
        assertEquals(106, b.ssccCount());
    }

    @Test
    void usesTheSpecDefaults() {
        PackagingBreakdown b = PackagingBreakdown.of(1_000, rules(10, 100, 1_000, false));
        assertEquals(3, b.levels().size());
        assertEquals(10, b.ssccCount(), "1 000 items at 100 per case: 10 cases");
    }

    @Test
    void everyLevelHoldsExactlyTheQuantityAndNoContainerIsOverfull() {
        Random random = new Random(20261124);
        for (int i = 0; i < 10_000; i++) {
            long l2 = 1 + random.nextInt(50);
            long l3 = l2 * (1 + random.nextInt(30));
            long l4 = l3 * (1 + random.nextInt(60));
            long quantity = 1 + (long) random.nextInt(5_000_000);
            for (Level level : PackagingBreakdown.of(quantity, rules(l2, l3, l4, true)).levels()) {
                long full = level.containers() - 1;
                assertEquals(quantity, full * level.unitsPerContainer() + level.lastContainerUnits(), level.toString());
                assertTrue(level.lastContainerUnits() >= 1 && level.lastContainerUnits() <= level.unitsPerContainer());
            }
        }
    }
}
