package org.serialgen.generation.issue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.serialgen.events.AggregationComputed;
import org.serialgen.generation.pool.Kind;
import org.serialgen.generation.workorder.GenerationStatus;
import org.serialgen.generation.workorder.Progress;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.errors.Refused;

/**
 * What one bundle-serial issue takes, per bundle GTIN (in GTIN order, the order their pools are locked in). A work
 * order's bundles are the containers of its packaging's trade-item levels above the item, each level with a GTIN of
 * its own; it needs one serial of that GTIN per container of the breakdown.
 */
record BundlePlan(Map<String, Long> perGtin) {

    long total() {
        return perGtin.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Serials needed per bundle GTIN (levels sharing a GTIN add up), in the breakdown's level order. */
    static Map<String, Long> needs(String itemGtin, List<AggregationComputed.Level> levels) {
        Map<String, Long> needs = new LinkedHashMap<>();
        for (AggregationComputed.Level level : levels) {
            if ("sgtin".equals(level.identifiedBy()) && level.gtin() != null && !level.gtin().equals(itemGtin)) {
                needs.merge(level.gtin(), level.containers(), Long::sum);
            }
        }
        return needs;
    }

    /**
     * The plan for {@code request}: without a quantity, what each bundle GTIN still needs; with one, that many of the
     * request's GTIN (or the only one), more than it needs only with {@code override_config}. {@code issued}: what
     * each GTIN issued to the work order since the last forced regeneration; a forced one starts from none.
     */
    static BundlePlan of(Progress progress, Map<String, Long> needs, Map<String, Long> issued, IssueRequest request) {
        if (needs.isEmpty()) {
            throw new Refused("NO_BUNDLE_LEVELS", "The work order's packaging has no trade-item level above the item "
                + "(a bundle with a GTIN of its own): it needs no bundle serials");
        }
        if (request.gtin() != null && !needs.containsKey(request.gtin())) {
            throw ApiException.Validation.of("gtin", "Not a bundle GTIN of the work order's packaging (" +
                String.join(", ", needs.keySet()) + ")");
        }
        if (progress.status == GenerationStatus.COMPLETED && !request.force()
            && !(request.override() && request.quantity() != null)) {
            throw new Refused("ALREADY_GENERATED", "The work order's bundle serials are generated; send "
                + "force_regenerate to void them and issue new ones");
        }
        Map<String, Long> plan = new TreeMap<>();
        if (request.quantity() == null) {
            needs.forEach((gtin, needed) -> {
                long remaining = needed - (request.force() ? 0 : issued.getOrDefault(gtin, 0L));
                if (remaining > 0) {
                    plan.put(gtin, remaining);
                }
            });
            if (plan.isEmpty()) {
                throw new Refused("NOTHING_REQUESTED", "The work order requests no more " + Kind.BUNDLE.plural()
                    + "; send a quantity and a gtin");
            }
            return new BundlePlan(plan);
        }
        if (request.gtin() == null && needs.size() > 1) {
            throw ApiException.Validation.of("gtin", "Say which bundle GTIN the quantity is for: the packaging has "
                + needs.size() + " (" + String.join(", ", needs.keySet()) + ")");
        }
        String gtin = request.gtin() != null ? request.gtin() : needs.keySet().iterator().next();
        long held = request.force() ? 0 : issued.getOrDefault(gtin, 0L);
        if (held + request.quantity() > needs.get(gtin) && !request.override()) {
            throw ApiException.Validation.of("quantity", "The work order needs " + needs.get(gtin) + " serials of "
                + "bundle GTIN " + gtin + " (" + held + " issued); set override_config to issue more");
        }
        plan.put(gtin, request.quantity());
        return new BundlePlan(plan);
    }
}
