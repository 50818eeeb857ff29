package org.serialgen.generation.workorder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.persistence.NativeSql;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Every query of work orders and the SSCC demand stored for them. */
@ApplicationScoped
public class WorkOrderRepository implements PanacheRepositoryBase<WorkOrder, Integer> {

    private final WorkOrderCounts counts;

    WorkOrderRepository(WorkOrderCounts counts) {
        this.counts = counts;
    }

    /** A page of the list, and how many match in all. */
    public record Found(long count, List<WorkOrder> rows) {
    }

    /**
     * The work order with this numeric id, or else with this wo_id (a numeric wo_id is found too); optionally locked
     * FOR UPDATE; null when there is none.
     */
    Uni<WorkOrder> byKey(String key, LockModeType lock) {
        Uni<WorkOrder> byWoId = byWoId(key, lock);
        return !key.matches("\\d{1,9}") ? byWoId
            : findById(Integer.valueOf(key), lock).flatMap(wo -> wo != null ? Uni.createFrom().item(wo) : byWoId);
    }

    Uni<WorkOrder> byWoId(String woId, LockModeType lock) {
        return find("woId", woId).withLock(lock).firstResult();
    }

    /**
     * The quantities of the work orders a new configuration recomputes the serial demand of (serial generation not
     * started, demand not given), those work orders locked in id order, as every batch locks them.
     */
    Uni<List<Long>> lockedPendingSerialQuantities() {
        return NativeSql.of("""
            SELECT DISTINCT quantity FROM (
                SELECT quantity FROM workorder_serial_generation
                WHERE serial_generation_status = :pending AND NOT serials_fixed
                ORDER BY id FOR UPDATE) AS locked""")
            .with("pending", GenerationStatus.PENDING.code()).column(Long.class);
    }

    /**
     * Sets the serial demand of the work orders {@link #lockedPendingSerialQuantities()} locked, by quantity, and the
     * configuration version it was computed with; answers how many changed.
     */
    Uni<Integer> setPendingSerialDemand(long configVersion, Map<Long, Long> serialsByQuantity) {
        return NativeSql.of("""
            UPDATE workorder_serial_generation AS wo
            SET total_requested_serials = demand.serials, config_version = :version, updated_at = now()
            FROM (SELECT CAST(q AS BIGINT) AS quantity, CAST(s AS BIGINT) AS serials
                  FROM unnest(string_to_array(:quantities, ','), string_to_array(:serials, ',')) AS t(q, s)) AS demand
            WHERE wo.quantity = demand.quantity AND wo.serial_generation_status = :pending AND NOT wo.serials_fixed""")
            .with("version", configVersion)
            .with("quantities", joined(serialsByQuantity.entrySet(), Map.Entry::getKey))
            .with("serials", joined(serialsByQuantity.entrySet(), Map.Entry::getValue))
            .with("pending", GenerationStatus.PENDING.code())
            .update();
    }

    /** The one side of each pair, comma-separated: both sides are joined from one iteration, so they line up. */
    private static String joined(Collection<Map.Entry<Long, Long>> pairs, Function<Map.Entry<Long, Long>, Long> side) {
        return pairs.stream().map(side).map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The work orders of these wo_ids, locked FOR UPDATE (in id order, as every batch takes them). */
    Uni<List<WorkOrder>> lockedByWoIds(Collection<String> woIds) {
        return find("woId in ?1 order by id", woIds).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The SSCC demands stored for these wo_ids. */
    Uni<List<AggregationDemand>> demands(Collection<String> woIds) {
        return AggregationDemand.list("woId in ?1", woIds);
    }

    /**
     * The work orders a {@link WorkOrderQuery} selects, one page of them; the id breaks ties in every ordering. A page
     * past the middle is read from the other end (opposite order, then turned round), so no page skips more than half
     * of what matches: at 100 000 work orders the last page costs what the first does.
     */
    public Uni<Found> list(WorkOrderQuery query, PageRequest page) {
        Uni<Long> count = WorkOrderCounts.answer(query) ? counts.count(query) : selected(query, false).count();
        return count.flatMap(matching -> {
            long from = (long) page.index() * page.size();
            if (from >= matching || from <= matching / 2) {
                return selected(query, false).page(page.index(), page.size()).list()
                    .map(rows -> new Found(matching, rows));
            }
            long to = Math.min(from + page.size(), matching); // exclusive
            int fromEnd = (int) (matching - to);
            return selected(query, true).range(fromEnd, fromEnd + (int) (to - from) - 1).list()
                .map(rows -> new Found(matching, reversed(rows)));
        });
    }

    /** Rows {@code from} to {@code from + size} of what a {@link WorkOrderQuery} selects, in its order. */
    Uni<List<WorkOrder>> range(WorkOrderQuery query, int from, int size) {
        return selected(query, false).range(from, from + size - 1).list();
    }

    private static List<WorkOrder> reversed(List<WorkOrder> rows) {
        List<WorkOrder> turned = new ArrayList<>(rows);
        Collections.reverse(turned);
        return turned;
    }

    /** What the query selects, in its order or (reversed) the opposite one. */
    private PanacheQuery<WorkOrder> selected(WorkOrderQuery query, boolean reversed) {
        HqlWhere where = query.statusAndOrigin(new HqlWhere(), "sscc.status", "serials.status", "origin");
        if (query.search() != null) {
            // one column holds every searched field (V16), under a trigram index
            where.and("searchText like :search", "search", "%" + query.search().replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.createdFrom() != null) {
            where.and("createdAt >= :createdFrom", "createdFrom", query.createdFrom());
        }
        if (query.createdBefore() != null) {
            where.and("createdAt < :createdBefore", "createdBefore", query.createdBefore());
        }
        Sort.Direction direction = query.descending() != reversed ? Sort.Direction.Descending
            : Sort.Direction.Ascending;
        Sort sort = Sort.by(query.ordering().field(), direction).and("id", direction);
        return where.isEmpty() ? findAll(sort) : find(where.hql(), sort, where.parameters());
    }
}
