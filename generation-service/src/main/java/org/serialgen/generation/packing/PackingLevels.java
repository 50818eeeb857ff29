package org.serialgen.generation.packing;

import java.util.List;
import java.util.Optional;

import org.serialgen.events.AggregationComputed.Level;

/**
 * The levels of a work order's packaging breakdown, as the packing rules read them: an item (the work order's GTIN)
 * is of the first level, a bundle of the trade-item level of its GTIN, an SSCC of the logistic level it was first
 * packed as; a container holds containers of the level right below its own, at most its level's children per
 * container.
 */
record PackingLevels(String itemGtin, List<Level> levels) {

    boolean empty() {
        return levels.isEmpty();
    }

    /** The level (0-based) of a trade item of this GTIN. */
    Optional<Integer> ofGtin(String gtin) {
        if (gtin.equals(itemGtin)) {
            return Optional.of(0);
        }
        for (int k = 1; k < levels.size(); k++) {
            if ("sgtin".equals(levels.get(k).identifiedBy()) && gtin.equals(levels.get(k).gtin())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The level of code {@code code} (l1 … l4). */
    Optional<Integer> ofCode(String code) {
        for (int k = 0; k < levels.size(); k++) {
            if (levels.get(k).level().equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    Level at(int index) {
        return levels.get(index);
    }

    int size() {
        return levels.size();
    }

    boolean logistic(int index) {
        return "sscc".equals(levels.get(index).identifiedBy());
    }

    /** "L2 bundle", for messages. */
    String describe(int index) {
        return levels.get(index).level().toUpperCase() + " " + levels.get(index).name();
    }
}
