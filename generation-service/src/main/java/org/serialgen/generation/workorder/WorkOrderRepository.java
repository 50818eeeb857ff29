package org.serialgen.generation.workorder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.serialgen.kit.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Every query of work orders and the SSCC demand stored for them. */
@ApplicationScoped
public class WorkOrderRepository implements PanacheRepositoryBase<WorkOrder, Integer> {

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

    /** Work orders whose serial generation has not started, locked: a new configuration recomputes their demand. */
    Uni<List<WorkOrder>> lockedPendingSerials() {
        return find("serials.status", GenerationStatus.PENDING).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The work orders of these wo_ids, locked FOR UPDATE (in id order, as every batch takes them). */
    Uni<List<WorkOrder>> lockedByWoIds(Collection<String> woIds) {
        return find("woId in ?1 order by id", woIds).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The SSCC demands stored for these wo_ids. */
    Uni<List<AggregationDemand>> demands(Collection<String> woIds) {
        return AggregationDemand.list("woId in ?1", woIds);
    }

    /** The work orders a {@link WorkOrderQuery} selects, one page of them; the id breaks ties in every ordering. */
    public Uni<Found> list(WorkOrderQuery query, PageRequest page) {
        var found = selected(query);
        return found.count().flatMap(count -> found.page(page.index(), page.size()).list()
            .map(rows -> new Found(count, rows)));
    }

    /** Rows {@code from} to {@code from + size} of what a {@link WorkOrderQuery} selects, in its order. */
    Uni<List<WorkOrder>> range(WorkOrderQuery query, int from, int size) {
        return selected(query).range(from, from + size - 1).list();
    }

    private io.quarkus.hibernate.reactive.panache.PanacheQuery<WorkOrder> selected(WorkOrderQuery query) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (query.status() != null) {
            where.add("(sscc.status = :status or serials.status = :status)");
            params.and("status", query.status());
        }
        if (query.origin() != null) {
            where.add("origin = :origin");
            params.and("origin", query.origin());
        }
        if (query.search() != null) {
            where.add("(lower(woId) like :search or lower(woName) like :search or gtin like :search"
                + " or lower(lot) like :search)");
            params.and("search", "%" + query.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%");
        }
        if (query.createdFrom() != null) {
            where.add("createdAt >= :createdFrom");
            params.and("createdFrom", query.createdFrom());
        }
        if (query.createdBefore() != null) {
            where.add("createdAt < :createdBefore");
            params.and("createdBefore", query.createdBefore());
        }
        Sort.Direction direction = query.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending;
        Sort sort = Sort.by(query.ordering().field(), direction).and("id", direction);
        return where.isEmpty() ? findAll(sort) : find(String.join(" and ", where), sort, params);
    }
}
