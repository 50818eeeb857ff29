package org.serialgen.aggregation.breakdown;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.serialgen.kit.persistence.NativeSql;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Every query of the work orders' stored breakdowns. */
@ApplicationScoped
public class WorkOrderPackagingRepository implements PanacheRepositoryBase<WorkOrderPackaging, String> {

    /** The stored breakdowns of these work orders, locked, in wo_id order (as every batch takes them). */
    Uni<List<WorkOrderPackaging>> locked(Collection<String> woIds) {
        return find("woId in ?1 order by woId", woIds).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The work orders of these GTINs, locked, in wo_id order. */
    Uni<List<WorkOrderPackaging>> lockedOfGtins(List<String> gtins) {
        return find("gtin in ?1 order by woId", gtins).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The next {@code size} work orders after {@code after} in wo_id order, locked. */
    Uni<List<WorkOrderPackaging>> lockedPageAfter(String after, int size) {
        return find("woId > ?1 order by woId", after).withLock(LockModeType.PESSIMISTIC_WRITE).page(0, size).list();
    }

    /** Work orders of one GTIN and quantity whose stored levels are the same (null: none computed yet). */
    record Group(String gtin, long quantity, String levels) {
    }

    /** Every distinct GTIN, quantity and stored levels, each once. */
    Uni<List<Group>> groups() {
        return NativeSql.of("SELECT gtin, quantity, CAST(levels AS text) FROM workorder_packaging"
                + " GROUP BY gtin, quantity, levels")
            .list(row -> new Group(row.getString(0), row.getLong(1), row.getString(2)));
    }

    /**
     * Records {@code source} as the rules of the work orders of these groups (whose levels they left as they were);
     * answers how many. Groups with no levels stored are not among them: they are computed, not kept.
     */
    Uni<Integer> keepLevels(List<Group> groups, String source) {
        return NativeSql.of("""
            UPDATE workorder_packaging AS p SET rules_source = :source
            FROM unnest(string_to_array(:gtins, chr(10)), string_to_array(:quantities, chr(10)),
                        string_to_array(:levels, chr(10))) AS g(gtin, quantity, levels)
            WHERE p.gtin = g.gtin AND p.quantity = CAST(g.quantity AS BIGINT) AND p.levels = CAST(g.levels AS jsonb)
              AND p.rules_source IS DISTINCT FROM :source""")
            .with("source", source)
            .with("gtins", joined(groups, Group::gtin))
            .with("quantities", joined(groups, group -> String.valueOf(group.quantity())))
            .with("levels", joined(groups, Group::levels))
            .update();
    }

    /** The wo_ids of the work orders of these groups' GTINs and quantities, in wo_id order. */
    Uni<List<String>> woIdsOf(List<Group> groups) {
        return NativeSql.of("""
            SELECT p.wo_id FROM workorder_packaging AS p
            JOIN unnest(string_to_array(:gtins, chr(10)), string_to_array(:quantities, chr(10))) AS g(gtin, quantity)
              ON p.gtin = g.gtin AND p.quantity = CAST(g.quantity AS BIGINT)
            ORDER BY p.wo_id""")
            .with("gtins", joined(groups, Group::gtin))
            .with("quantities", joined(groups, group -> String.valueOf(group.quantity())))
            .column(String.class);
    }

    private static String joined(List<Group> groups, Function<Group, String> field) {
        return groups.stream().map(field).collect(Collectors.joining("\n"));
    }
}
