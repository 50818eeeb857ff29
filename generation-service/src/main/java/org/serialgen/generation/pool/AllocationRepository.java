package org.serialgen.generation.pool;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.kit.persistence.NativeSql;

import io.smallrye.mutiny.Uni;

/**
 * Every query of {@code serial_allocation}: ranges of pool counters issued to work orders, under the exclusion
 * constraint that refuses two overlapping ranges of one pool; and the counters external values hold in a pool. What
 * kind a work order's numbers are is its task's kind, not its pool's: a bundle's serials come from a serial pool.
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
                + " AND status = 'active' AND task_id IN (SELECT id FROM generation_task WHERE workorder_id = :wo"
                + " AND kind = :kind)")
            .with("wo", workOrderId).with("kind", kind.code()).update();
    }

    /** The work order's active ranges of the kind, in the order they were issued. */
    public Uni<List<PooledRange>> activeRanges(int workOrderId, Kind kind) {
        return NativeSql.of("SELECT a.pool_id, lower(a.counters), upper(a.counters) FROM serial_allocation a"
                + " JOIN generation_task t ON t.id = a.task_id WHERE a.workorder_id = :wo AND a.status = 'active'"
                + " AND t.kind = :kind ORDER BY a.id")
            .with("wo", workOrderId).with("kind", kind.code())
            .list(row -> new PooledRange(row.getLong(0), new CounterRange(row.getLong(1), row.getLong(2))));
    }

    /**
     * Every range the work order was issued of the kind, void ones included, in the order they were issued: what an
     * EPCIS document commissions (and, for the void ones, decommissions).
     */
    public Uni<List<IssuedRange>> issuedRanges(int workOrderId, Kind kind) {
        return NativeSql.of("SELECT a.pool_id, lower(a.counters), upper(a.counters), a.task_id, a.created_at,"
                + " a.voided_at FROM serial_allocation a JOIN generation_task t ON t.id = a.task_id"
                + " WHERE a.workorder_id = :wo AND t.kind = :kind ORDER BY a.id")
            .with("wo", workOrderId).with("kind", kind.code())
            .list(row -> new IssuedRange(new PooledRange(row.getLong(0), new CounterRange(row.getLong(1),
                row.getLong(2))), row.getUuid(3), row.getInstant(4), row.getInstant(5)));
    }

    /** A range as issued: by which task, when, and when it was voided (null while active). */
    public record IssuedRange(PooledRange range, UUID task, Instant issuedAt, Instant voidedAt) {
    }

    /** The work order's active allocations of the kind, as rows, by pool and first counter. */
    public Uni<List<Allocation>> activeAllocations(int workOrderId, Kind kind) {
        return NativeSql.of("SELECT a.id, a.pool_id, lower(a.counters), upper(a.counters), a.task_id, a.key_id,"
                + " a.created_at FROM serial_allocation a JOIN generation_task t ON t.id = a.task_id"
                + " WHERE a.workorder_id = :wo AND a.status = 'active' AND t.kind = :kind"
                + " ORDER BY a.pool_id, lower(a.counters)")
            .with("wo", workOrderId).with("kind", kind.code())
            .list(row -> new Allocation(row.getLong(0), new PooledRange(row.getLong(1), new CounterRange(row.getLong(2),
                row.getLong(3))), row.getUuid(4), row.getNullableLong(5), row.getInstant(6)));
    }

    /** A work order's active range of a pool, with the kind of the task that issued it. */
    record KindRange(long poolId, Kind kind, long from, long to) {
    }

    /** The work order's active ranges of every kind, by pool and first counter. */
    Uni<List<KindRange>> activeByPool(int workOrderId) {
        return NativeSql.of("SELECT a.pool_id, t.kind, lower(a.counters), upper(a.counters) FROM serial_allocation a"
                + " JOIN generation_task t ON t.id = a.task_id WHERE a.workorder_id = :wo AND a.status = 'active'"
                + " ORDER BY a.pool_id, lower(a.counters)")
            .with("wo", workOrderId)
            .list(row -> new KindRange(row.getLong(0), Kind.of(row.getString(1)), row.getLong(2), row.getLong(3)));
    }

    /** An allocation row, active. */
    public record Allocation(long id, PooledRange range, UUID task, Long keyId, Instant issuedAt) {
    }

    /**
     * Replaces an active allocation by pieces of it: the runs of counters in {@code voided} void (at the
     * transaction's time, as {@link #voidActive} dates them), the rest still active; same task, key and issue time.
     * The pieces cover the allocation exactly, so the pool's totals and the exclusion constraint hold.
     */
    public Uni<Integer> split(int workOrderId, Allocation allocation, List<CounterRange> voided) {
        StringBuilder from = new StringBuilder();
        StringBuilder to = new StringBuilder();
        StringBuilder status = new StringBuilder();
        long at = allocation.range().counters().from();
        for (CounterRange run : voided) {
            if (run.from() > at) {
                piece(from, to, status, at, run.from(), "active");
            }
            piece(from, to, status, run.from(), run.to(), "void");
            at = run.to();
        }
        if (at < allocation.range().counters().to()) {
            piece(from, to, status, at, allocation.range().counters().to(), "active");
        }
        return NativeSql.of("DELETE FROM serial_allocation WHERE id = :id").with("id", allocation.id()).update()
            .chain(() -> NativeSql.of("""
                    INSERT INTO serial_allocation (pool_id, counters, workorder_id, task_id, status, key_id, created_at,
                                                   voided_at)
                    SELECT CAST(:pool AS bigint), int8range(CAST(f AS bigint), CAST(t AS bigint)), CAST(:wo AS integer),
                           CAST(:task AS uuid), s, CAST(:key AS bigint), CAST(:at AS timestamptz),
                           CASE WHEN s = 'void' THEN now() END
                    FROM unnest(string_to_array(:from, ','), string_to_array(:to, ','), string_to_array(:status, ','))
                         AS p(f, t, s)""")
                .with("pool", allocation.range().poolId()).with("wo", workOrderId)
                .with("task", allocation.task()).with("key", allocation.keyId()).with("at", allocation.issuedAt())
                .with("from", from.toString()).with("to", to.toString()).with("status", status.toString())
                .update());
    }

    private static void piece(StringBuilder from, StringBuilder to, StringBuilder status, long start, long end,
                              String state) {
        String comma = from.isEmpty() ? "" : ",";
        from.append(comma).append(start);
        to.append(comma).append(end);
        status.append(comma).append(state);
    }

    /** Every range the pool has issued, void ones included (they were issued once). */
    public Uni<List<CounterRange>> rangesOf(long poolId) {
        return NativeSql.of("SELECT lower(counters), upper(counters) FROM serial_allocation WHERE pool_id = :pool")
            .with("pool", poolId).list(row -> new CounterRange(row.getLong(0), row.getLong(1)));
    }

    /** What the work order holds and held: built-in ranges and external deliveries, by task, oldest first. */
    public Uni<List<Holding>> holdings(int workOrderId) {
        return NativeSql.of("""
                SELECT a.task_id, t.kind, 'builtin', upper(a.counters) - lower(a.counters), a.status,
                       lower(a.counters), upper(a.counters), a.created_at, p.gtin
                FROM serial_allocation a JOIN generation_task t ON t.id = a.task_id
                JOIN serial_pool p ON p.id = a.pool_id WHERE a.workorder_id = :wo
                UNION ALL
                SELECT e.task_id, t.kind, e.source, count(*), e.status, NULL, NULL, min(e.received_at), p.gtin
                FROM external_serial e JOIN generation_task t ON t.id = e.task_id
                JOIN serial_pool p ON p.id = e.pool_id WHERE e.workorder_id = :wo
                GROUP BY e.task_id, t.kind, e.source, e.status, p.gtin
                ORDER BY 8, 6""")
            .with("wo", workOrderId)
            .list(row -> new Holding(row.getUuid(0), Kind.of(row.getString(1)), row.getString(2),
                row.getLong(3), row.getString(4), row.getNullableLong(5), row.getNullableLong(6),
                row.getInstant(7), row.getString(8)));
    }

    /**
     * Of the work order's numbers of the kind, how many each GTIN's pool issued since the last forced regeneration
     * (which voided those before it): returned ones included, as the work order's generated count includes them.
     */
    public Uni<Map<String, Long>> issuedPerGtin(int workOrderId, Kind kind) {
        return NativeSql.of("""
                SELECT p.gtin, sum(upper(a.counters) - lower(a.counters)) FROM serial_allocation a
                JOIN serial_pool p ON p.id = a.pool_id JOIN generation_task t ON t.id = a.task_id
                WHERE a.workorder_id = :wo AND t.kind = :kind AND t.created_at >= coalesce(
                    (SELECT max(f.created_at) FROM generation_task f WHERE f.workorder_id = :wo AND f.kind = :kind
                     AND f.force_regenerate AND f.status = 'completed'), '-infinity')
                GROUP BY p.gtin""")
            .with("wo", workOrderId).with("kind", kind.code())
            .list(row -> Map.entry(row.getString(0).strip(), row.getLong(1)))
            .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey,
                Map.Entry::getValue)));
    }

    /** A range of counters of a pool. */
    public record PooledRange(long poolId, CounterRange counters) {
    }
}
