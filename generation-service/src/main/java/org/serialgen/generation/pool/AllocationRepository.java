package org.serialgen.generation.pool;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.kit.persistence.NativeSql;

import io.smallrye.mutiny.Uni;

/**
 * Every query of {@code serial_allocation}: ranges of pool counters issued to work orders, under the exclusion
 * constraint that refuses two overlapping ranges of one pool; and the counters external values hold in a pool.
 */
@ApplicationScoped
public class AllocationRepository {

    Uni<Integer> insert(SerialPool pool, CounterRange range, int workOrderId, UUID taskId, Instant at) {
        return NativeSql.of("INSERT INTO serial_allocation (pool_id, counters, workorder_id, task_id, status, key_id,"
                + " created_at) VALUES (:pool, int8range(:from, :to), :wo, :task, 'active', :key, :at)")
            .with("pool", pool.id).with("from", range.from()).with("to", range.to()).with("wo", workOrderId)
            .with("task", taskId).with("key", pool.keyId).with("at", at)
            .update();
    }

    /** The runs of counters external values hold in {@code [from, to)} of the pool, ascending (gaps and islands). */
    Uni<List<CounterRange>> heldByExternalValues(long poolId, long from, long to) {
        return NativeSql.of("""
                SELECT min(counter), max(counter) + 1 FROM (
                    SELECT counter, counter - row_number() OVER (ORDER BY counter) AS island
                    FROM external_serial WHERE pool_id = :pool AND counter >= :from AND counter < :to) runs
                GROUP BY island ORDER BY 1""")
            .with("pool", poolId).with("from", from).with("to", to)
            .list(row -> new CounterRange(row.getLong(0), row.getLong(1)));
    }

    /** Marks the work order's active allocations of the kind void: their counters stay taken for good. */
    public Uni<Integer> voidActive(int workOrderId, Kind kind) {
        return NativeSql.of("UPDATE serial_allocation SET status = 'void', voided_at = now() WHERE workorder_id = :wo"
                + " AND status = 'active' AND pool_id IN (SELECT id FROM serial_pool WHERE kind = :kind)")
            .with("wo", workOrderId).with("kind", kind.code()).update();
    }

    /** The work order's active ranges of the kind, in the order they were issued. */
    public Uni<List<PooledRange>> activeRanges(int workOrderId, Kind kind) {
        return NativeSql.of("SELECT a.pool_id, lower(a.counters), upper(a.counters) FROM serial_allocation a"
                + " JOIN serial_pool p ON p.id = a.pool_id WHERE a.workorder_id = :wo AND a.status = 'active'"
                + " AND p.kind = :kind ORDER BY a.id")
            .with("wo", workOrderId).with("kind", kind.code())
            .list(row -> new PooledRange(row.getLong(0), new CounterRange(row.getLong(1), row.getLong(2))));
    }

    /** Every range the pool has issued, void ones included (they were issued once). */
    public Uni<List<CounterRange>> rangesOf(long poolId) {
        return NativeSql.of("SELECT lower(counters), upper(counters) FROM serial_allocation WHERE pool_id = :pool")
            .with("pool", poolId).list(row -> new CounterRange(row.getLong(0), row.getLong(1)));
    }

    /** What the work order holds and held: built-in ranges and external deliveries, by task, oldest first. */
    public Uni<List<Holding>> holdings(int workOrderId) {
        return NativeSql.of("""
                SELECT a.task_id, p.kind, 'builtin', upper(a.counters) - lower(a.counters), a.status,
                       lower(a.counters), upper(a.counters), a.created_at
                FROM serial_allocation a JOIN serial_pool p ON p.id = a.pool_id WHERE a.workorder_id = :wo
                UNION ALL
                SELECT e.task_id, p.kind, e.source, count(*), e.status, NULL, NULL, min(e.received_at)
                FROM external_serial e JOIN serial_pool p ON p.id = e.pool_id WHERE e.workorder_id = :wo
                GROUP BY e.task_id, p.kind, e.source, e.status
                ORDER BY 8, 6""")
            .with("wo", workOrderId)
            .list(row -> new Holding(row.getUuid(0), Kind.of(row.getString(1)), row.getString(2),
                row.getLong(3), row.getString(4), row.getNullableLong(5), row.getNullableLong(6),
                row.getInstant(7)));
    }

    /** A range of counters of a pool. */
    public record PooledRange(long poolId, CounterRange counters) {
    }
}
