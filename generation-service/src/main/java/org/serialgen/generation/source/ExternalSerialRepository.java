package org.serialgen.generation.source;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.generation.pool.Kind;
import org.serialgen.kit.persistence.NativeSql;

import io.smallrye.mutiny.Uni;

/**
 * Every query of {@code external_serial}: the values external sources delivered, one row each, unique per pool by
 * the primary key; a value that is also one of the pool's own serials-to-be keeps its counter there.
 */
@ApplicationScoped
public class ExternalSerialRepository {

    /** Values per INSERT: one text parameter each for values and counters. */
    public static final int STORE_CHUNK = 50_000;

    /** A value and the pool it belongs to. */
    public record PooledValue(long poolId, String value) {
    }

    /**
     * Stores every received value for a task, a chunk per statement. A value stored before (by a source, or held as
     * a serial the pool will issue) fails it with {@link SourceRejected}: the caller's transaction rolls back whole.
     */
    public Uni<Void> store(long poolId, int workOrderId, UUID taskId, ReceivedSerials received) {
        return storeFrom(poolId, workOrderId, taskId, received, 0);
    }

    private Uni<Void> storeFrom(long poolId, int workOrderId, UUID taskId, ReceivedSerials received, int from) {
        if (from >= received.size()) {
            return Uni.createFrom().voidItem();
        }
        int to = Math.min(received.size(), from + STORE_CHUNK);
        return insert(poolId, workOrderId, taskId, received, from, to).flatMap(inserted -> {
            if (inserted != to - from) {
                throw new SourceRejected((to - from - inserted) + " of the values were delivered before (by a source,"
                    + " or as serials the pool will issue)");
            }
            return storeFrom(poolId, workOrderId, taskId, received, to);
        });
    }

    /**
     * Stores {@code received[from, to)} for a task; answers how many were new. Set 82 has no line break, so the values
     * travel as one text parameter and a chunk is one statement.
     */
    private Uni<Integer> insert(long poolId, int workOrderId, UUID taskId, ReceivedSerials received, int from, int to) {
        StringBuilder values = new StringBuilder((to - from) * 21);
        StringBuilder counters = new StringBuilder((to - from) * 8);
        for (int i = from; i < to; i++) {
            if (i > from) {
                values.append('\n');
                counters.append(',');
            }
            values.append(received.values()[i]);
            if (received.counters()[i] >= 0) {
                counters.append(received.counters()[i]);
            }
        }
        return NativeSql.of("""
                INSERT INTO external_serial (pool_id, value, counter, workorder_id, task_id, source, status, received_at)
                SELECT :pool, v, CAST(NULLIF(c, '') AS bigint), :wo, :task, :source, 'active', :at
                FROM unnest(string_to_array(:values, chr(10)), string_to_array(:counters, ',')) AS t(v, c)
                ON CONFLICT DO NOTHING""")
            .with("pool", poolId).with("wo", workOrderId).with("task", taskId).with("source", received.source())
            .with("at", Instant.now()).with("values", values.toString()).with("counters", counters.toString())
            .update();
    }

    /** Marks the work order's active values of the kind void: they keep their key, so they never come back. */
    public Uni<Integer> voidActive(int workOrderId, Kind kind) {
        return NativeSql.of("UPDATE external_serial SET status = 'void' WHERE workorder_id = :wo AND status = 'active'"
                + " AND pool_id IN (SELECT id FROM serial_pool WHERE kind = :kind)")
            .with("wo", workOrderId).with("kind", kind.code()).update();
    }

    /** The pools of which the work order holds active values of the kind. */
    public Uni<List<Long>> poolsHeldBy(int workOrderId, Kind kind) {
        return NativeSql.of("SELECT DISTINCT e.pool_id FROM external_serial e JOIN serial_pool p ON p.id = e.pool_id"
                + " WHERE e.workorder_id = :wo AND e.status = 'active' AND p.kind = :kind")
            .with("wo", workOrderId).with("kind", kind.code()).column(Long.class);
    }

    /** The work order's active values of the kind after {@code after}, in the order of the key, {@code limit} at most. */
    public Uni<List<PooledValue>> pageHeldBy(int workOrderId, Kind kind, PooledValue after, int limit) {
        return NativeSql.of("""
                SELECT e.pool_id, e.value FROM external_serial e JOIN serial_pool p ON p.id = e.pool_id
                WHERE e.workorder_id = :wo AND e.status = 'active' AND p.kind = :kind
                  AND (e.pool_id, e.value) > (:pool, :value)
                ORDER BY e.pool_id, e.value LIMIT :page""")
            .with("wo", workOrderId).with("kind", kind.code()).with("pool", after.poolId())
            .with("value", after.value()).with("page", limit)
            .list(row -> new PooledValue(row.getLong(0), row.getString(1)));
    }
}
