package org.serialgen.generation.packing;

import java.util.List;
import java.util.Optional;

import org.serialgen.events.AggregationComputed.Level;

/**
 * The levels of a work order's packaging breakdown, as the packing rules read them: an item (the work order's GTIN)
 * is of the first level, a bundle of the trade-item level of its GTIN, an SSCC of the logistic level it was first
 * packed as. Only levels whose containers carry a number take part: a trade-item level without a GTIN of its own (the
 * configuration's bundles) is a wrapping nothing records, so a case then holds the items themselves. A container holds
 * containers of the nearest such level below its own, at most as many as fit ({@link #capacity}).
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

    /** Whether containers of the level carry a number of their own (items and SSCCs do; bundles need a GTIN). */
    boolean identified(int index) {
        Level level = levels.get(index);
        return index == 0 || "sscc".equals(level.identifiedBy()) || level.gtin() != null;
    }

    /** The nearest level above {@code index} whose containers carry a number, or -1. */
    int above(int index) {
        for (int k = index + 1; k < levels.size(); k++) {
            if (identified(k)) {
                return k;
            }
        }
        return -1;
    }

    /** The nearest level below {@code index} whose containers carry a number (0 at the least). */
    int below(int index) {
        for (int k = index - 1; k > 0; k--) {
            if (identified(k)) {
                return k;
            }
        }
        return 0;
    }

    /** How many containers of level {@code child} one container of level {@code parent} holds at most. */
    long capacity(int parent, int child) {
        return levels.get(parent).unitsPerContainer() / Math.max(1, levels.get(child).unitsPerContainer());
    }

    boolean logistic(int index) {
        return "sscc".equals(levels.get(index).identifiedBy());
    }

    /** "L2 bundle", for messages. */
    String describe(int index) {
        return levels.get(index).level().toUpperCase() + " " + levels.get(index).name();
    }
}
