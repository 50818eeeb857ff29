package org.serialgen.generation.workorder;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.serialgen.kit.persistence.NativeSql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * How many work orders a status or source filter selects, read from the counts the work-order table's triggers keep
 * (V16) instead of counting the table: at 100 000 work orders a count(*) under a filter is most of a list request.
 */
@ApplicationScoped
public class WorkOrderCounts {

    private static final Logger LOG = Logger.getLogger(WorkOrderCounts.class);

    /** Whether the counts answer this query: they know origin and status, not the search or the creation days. */
    static boolean answer(WorkOrderQuery query) {
        return query.search() == null && query.createdFrom() == null && query.createdBefore() == null;
    }

    /** How many work orders match the query's status and origin, as of the caller's transaction. */
    Uni<Long> count(WorkOrderQuery query) {
        HqlWhere where = query.statusAndOrigin(new HqlWhere(), "ssccStatus", "serialsStatus", "origin");
        return Panache.getSession().flatMap(session -> {
            var count = session.createSelectionQuery(
                "select coalesce(sum(workOrders), 0) from WorkOrderCount where " + where.hql(), Long.class);
            where.parameters().map().forEach(count::setParameter);
            return count.getSingleResult();
        });
    }

    /** Folds the appended rows into one per group, so a count stays a sum over a few rows. */
    @Scheduled(every = "${serialgen.workorders.count-fold-every:5s}", delayed = "5s",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> fold() {
        return Panache.withTransaction(() -> fold(100))
            .onFailure().invoke(failure -> LOG.warnf("work-order counts could not be folded: %s", failure.getMessage()))
            .onFailure().recoverWithNull()
            .replaceWithVoid();
    }

    /**
     * Folds when more than {@code above} rows are there; answers the rows written back. A row appended by a transaction
     * still open is not seen, stays, and is folded next time: a concurrent fold deletes only what it read.
     */
    Uni<Integer> fold(int above) {
        return NativeSql.of("""
            WITH folded AS (
                DELETE FROM workorder_count WHERE (SELECT count(*) FROM workorder_count) > :above
                RETURNING wo_source, sscc_generation_status, serial_generation_status, work_orders)
            INSERT INTO workorder_count (wo_source, sscc_generation_status, serial_generation_status, work_orders)
            SELECT wo_source, sscc_generation_status, serial_generation_status, sum(work_orders)
            FROM folded
            GROUP BY wo_source, sscc_generation_status, serial_generation_status
            HAVING sum(work_orders) <> 0""").with("above", above).update();
    }
}
