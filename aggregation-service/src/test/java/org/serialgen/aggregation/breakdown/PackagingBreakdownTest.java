package org.serialgen.aggregation.breakdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.serialgen.aggregation.breakdown.PackagingBreakdown.Step;
import org.serialgen.events.AggregationComputed.Level;
import org.serialgen.events.ConfigDocument.AggregationRule;

class PackagingBreakdownTest {

    static final String ITEM = "09506000134352";
    static final String BUNDLE = "19506000134359";

    static Map<String, AggregationRule> rules(long l2, long l3, long l4, boolean l4Enabled) {
        Map<String, AggregationRule> rules = new LinkedHashMap<>();
        rules.put("l1", new AggregationRule(true, 1L));
        rules.put("l2", new AggregationRule(true, l2));
        rules.put("l3", new AggregationRule(true, l3));
        rules.put("l4", new AggregationRule(l4Enabled, l4));
        return rules;
    }

    static List<Step> recipe(long perBundle, long bundlesPerCase, long casesPerPallet) {
        return List.of(new Step("unit", 0, "sgtin", ITEM), new Step("bundle", perBundle, "sgtin", BUNDLE),
            new Step("case", bundlesPerCase, "sscc", null), new Step("pallet", casesPerPallet, "sscc", null));
    }

    @Test
    void countsPartialContainersAtEveryLevelOfTheWorkedExample() {
        // 12 345 units, 10 per bundle, 12 bundles per case, 40 cases per pallet
        PackagingBreakdown b = PackagingBreakdown.of(12_345, recipe(10, 12, 40));
        assertEquals(List.of(
            new Level("l1", "unit", 1, 0, 12_345, 1, 0, "sgtin", ITEM),
            // 1 234 full bundles of 10 and one of 5
            new Level("l2", "bundle", 10, 10, 1_235, 5, 5, "sgtin", BUNDLE),
            // 102 full cases of 12 bundles (120 units); the last holds 11 bundles: 10 full and the bundle of 5
            new Level("l3", "case", 120, 12, 103, 105, 11, "sscc", null),
            // 2 full pallets of 40 cases (4 800 units); the last holds 23 cases, 2 745 units
            new Level("l4", "pallet", 4_800, 40, 3, 2_745, 23, "sscc", null)), b.levels());
        assertEquals(106, b.ssccCount(), "103 cases and 3 pallets");
        assertEquals(1_235, b.bundleSerialCount(), "one serial of the bundle GTIN per bundle");
    }

    @Test
    void theConfigurationsCumulativeMultipliersGiveTheSameCounts() {
        PackagingBreakdown fromConfig = PackagingBreakdown.of(12_345,
            PackagingBreakdown.fromConfig(ITEM, rules(10, 120, 4_800, true)));
        PackagingBreakdown fromRecipe = PackagingBreakdown.of(12_345, recipe(10, 12, 40));
        for (int i = 0; i < 4; i++) {
            assertEquals(fromRecipe.levels().get(i).containers(), fromConfig.levels().get(i).containers());
            assertEquals(fromRecipe.levels().get(i).lastContainerUnits(),
                fromConfig.levels().get(i).lastContainerUnits());
        }
        assertEquals(106, fromConfig.ssccCount());
        // the configuration's bundles have no GTIN of their own: 1 235 bundles, none of them serialised
        assertEquals(1_235, fromConfig.levels().get(1).containers());
        assertEquals(0, fromConfig.bundleSerialCount());
        assertEquals(1_235, fromRecipe.bundleSerialCount());
        PackagingBreakdown defaults = PackagingBreakdown.of(1_000,
            PackagingBreakdown.fromConfig(ITEM, rules(10, 100, 1_000, false)));
        assertEquals(3, defaults.levels().size());
        assertEquals(10, defaults.ssccCount(), "1 000 items at 100 per case: 10 cases");
    }

    @Test
    void everyLevelAddsBackToTheQuantityAndNoContainerExceedsItsCapacity() {
        Random random = new Random(20261124);
        for (int i = 0; i < 20_000; i++) {
            List<Step> steps = new ArrayList<>();
            steps.add(new Step("unit", 0, "sgtin", ITEM));
            int depth = random.nextInt(4);
            boolean logistic = false;
            for (int k = 0; k < depth; k++) {
                logistic |= random.nextBoolean();
                steps.add(new Step("l" + (k + 2), 1 + random.nextInt(random.nextBoolean() ? 3 : 100),
                    logistic ? "sscc" : "sgtin", logistic ? null : BUNDLE));
            }
            long quantity = 1 + (long) random.nextInt(random.nextBoolean() ? 50 : 5_000_000);
            PackagingBreakdown b = PackagingBreakdown.of(quantity, steps);
            long sscc = 0;
            long bundles = 0;
            for (int k = 0; k < b.levels().size(); k++) {
                Level level = b.levels().get(k);
                long full = level.containers() - 1;
                // units: the full containers and the last one hold exactly the quantity
                assertEquals(quantity, full * level.unitsPerContainer() + level.lastContainerUnits(), level.toString());
                assertTrue(level.lastContainerUnits() >= 1 && level.lastContainerUnits() <= level.unitsPerContainer());
                if (k > 0) {
                    // children: the full containers and the last one hold exactly the containers below
                    long below = b.levels().get(k - 1).containers();
                    assertEquals(below, full * level.childrenPerContainer() + level.lastContainerChildren());
                    assertTrue(level.lastContainerChildren() >= 1
                        && level.lastContainerChildren() <= level.childrenPerContainer());
                    bundles += "sgtin".equals(level.identifiedBy()) && level.gtin() != null ? level.containers() : 0;
                }
                sscc += "sscc".equals(level.identifiedBy()) ? level.containers() : 0;
            }
            assertEquals(sscc, b.ssccCount());
            assertEquals(bundles, b.bundleSerialCount());
        }
    }
}
