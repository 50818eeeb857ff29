package org.serialgen.generation.report;

import java.util.ArrayList;
import java.util.List;

import org.serialgen.events.AggregationComputed.Level;
import org.serialgen.generation.workorder.WorkOrder;

/**
 * What each of a work order's SSCCs labels, from its packaging breakdown: the SSCC-identified levels take the SSCCs
 * in issue order, the lowest level first, one per container (the packing line applies them in that order until
 * packing is recorded). A container's content is the trade item of the highest trade-item level below it with a
 * GTIN of its own (else the work order's item), counted per container — the last one holds the remainder.
 */
final class LabelPlan {

    /** One SSCC-identified level: its containers and what a full and the last one hold. */
    record Slot(String level, String name, long containers, String contentGtin, long fullCount, long lastCount) {
    }

    /** One label: the SSCC and, where the plan says, its level and homogeneous content (else level null). */
    record Label(String sscc, Slot slot, long count) {
    }

    private final List<Slot> slots;

    LabelPlan(List<Slot> slots) {
        this.slots = slots;
    }

    static LabelPlan of(WorkOrder wo, List<Level> levels) {
        List<Slot> slots = new ArrayList<>();
        for (int k = 0; k < levels.size(); k++) {
            Level level = levels.get(k);
            if (!"sscc".equals(level.identifiedBy())) {
                continue;
            }
            Level content = null;
            for (int j = k - 1; j >= 0 && content == null; j--) {
                Level below = levels.get(j);
                if ("sgtin".equals(below.identifiedBy()) && (j == 0 || below.gtin() != null)) {
                    content = below;
                }
            }
            String gtin = content == null || content.gtin() == null ? wo.gtin : content.gtin();
            long per = content == null ? 1 : Math.max(1, content.unitsPerContainer());
            slots.add(new Slot(level.level(), level.name(), level.containers(), gtin, level.unitsPerContainer() / per,
                (level.lastContainerUnits() + per - 1) / per));
        }
        return new LabelPlan(slots);
    }

    /** The label of the SSCC at {@code index} (0-based) in issue order; beyond the plan, an SSCC alone. */
    Label label(long index, String sscc) {
        long first = 0;
        for (Slot slot : slots) {
            if (index < first + slot.containers()) {
                return new Label(sscc, slot, index == first + slot.containers() - 1 ? slot.lastCount() : slot.fullCount());
            }
            first += slot.containers();
        }
        return new Label(sscc, null, 0);
    }

    /** Whether {@code level} is one the plan labels (l2 … l4). */
    boolean labels(String level) {
        return slots.stream().anyMatch(slot -> slot.level().equals(level));
    }
}
