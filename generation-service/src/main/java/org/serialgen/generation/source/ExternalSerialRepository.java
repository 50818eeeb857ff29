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
        return NativeSql.of("UPDATE external_serial SET status = 'void', voided_at = now() WHERE workorder_id = :wo"
                + " AND status = 'active' AND pool_id IN (SELECT id FROM serial_pool WHERE kind = :kind)")
            .with("wo", workOrderId).with("kind", kind.code()).update();
    }

    /** Of {@code values}, those the work order holds active in the pool. */
    public Uni<List<String>> heldOf(int workOrderId, long poolId, List<String> values) {
        return NativeSql.of("SELECT value FROM external_serial WHERE pool_id = :pool AND workorder_id = :wo"
                + " AND status = 'active' AND value = ANY(string_to_array(:values, chr(10)))")
            .with("wo", workOrderId).with("pool", poolId).with("values", String.join("\n", values))
            .column(String.class);
    }

    /** Voids the work order's active values of the pool among {@code values}; answers how many. */
    public Uni<Integer> voidValues(int workOrderId, long poolId, List<String> values) {
        return NativeSql.of("UPDATE external_serial SET status = 'void', voided_at = now() WHERE pool_id = :pool"
                + " AND workorder_id = :wo AND status = 'active' AND value = ANY(string_to_array(:values, chr(10)))")
            .with("wo", workOrderId).with("pool", poolId).with("values", String.join("\n", values)).update();
    }

    /** How many values of the kind the work order holds active. */
    public Uni<Long> countHeld(int workOrderId, Kind kind) {
        return NativeSql.of("SELECT count(*) FROM external_serial e JOIN serial_pool p ON p.id = e.pool_id"
                + " WHERE e.workorder_id = :wo AND e.status = 'active' AND p.kind = :kind")
            .with("wo", workOrderId).with("kind", kind.code()).single(row -> row.getLong(0));
    }

    /** Whether the work order holds the pool's external value, active. */
    public Uni<Boolean> holds(int workOrderId, long poolId, String value) {
        return NativeSql.of("SELECT count(*) FROM external_serial WHERE pool_id = :pool AND value = :value"
                + " AND workorder_id = :wo AND status = 'active'")
            .with("wo", workOrderId).with("pool", poolId).with("value", value).single(row -> row.getLong(0) > 0);
    }

    /** The pools of which the work order holds active values of the kind. */
    public Uni<List<Long>> poolsHeldBy(int workOrderId, Kind kind) {
        return NativeSql.of("SELECT DISTINCT e.pool_id FROM external_serial e JOIN serial_pool p ON p.id = e.pool_id"
                + " WHERE e.workorder_id = :wo AND e.status = 'active' AND p.kind = :kind")
            .with("wo", workOrderId).with("kind", kind.code()).column(Long.class);
    }

    /**
     * Which values of a work order a report reads: those of a kind it holds now ({@code task} null), or all one task
     * delivered ({@code voidedAt} null), or those of one task voided at one time.
     */
    public record Selection(int workOrderId, Kind kind, UUID task, Instant voidedAt) {

        public static Selection held(int workOrderId, Kind kind) {
            return new Selection(workOrderId, kind, null, null);
        }

        String where() {
            if (task == null) {
                return "e.workorder_id = :wo AND e.status = 'active' AND p.kind = :kind";
            }
            return voidedAt == null ? "e.task_id = :task" : "e.task_id = :task AND e.voided_at = :voided";
        }

        NativeSql bind(NativeSql sql) {
            if (task == null) {
                return sql.with("wo", workOrderId).with("kind", kind.code());
            }
            return voidedAt == null ? sql.with("task", task) : sql.with("task", task).with("voided", voidedAt);
        }
    }

    /** The selected values after {@code after}, in the order of the key, {@code limit} at most. */
    public Uni<List<PooledValue>> page(Selection selection, PooledValue after, int limit) {
        return selection.bind(NativeSql.of("SELECT e.pool_id, e.value FROM external_serial e JOIN serial_pool p"
                + " ON p.id = e.pool_id WHERE " + selection.where()
                + " AND (e.pool_id, e.value) > (:pool, :value) ORDER BY e.pool_id, e.value LIMIT :page"))
            .with("pool", after.poolId()).with("value", after.value()).with("page", limit)
            .list(row -> new PooledValue(row.getLong(0), row.getString(1)));
    }

    /**
     * What the work order's tasks delivered of the kind, for EPCIS: per task its first arrival (commissioning), and
     * per task and time of voiding the values voided then (decommissioning), with the pools they are in.
     */
    public Uni<List<Delivery>> deliveries(int workOrderId, Kind kind) {
        return NativeSql.of("""
                SELECT e.task_id, min(e.received_at), NULL::timestamptz, string_agg(DISTINCT e.pool_id::text, ',')
                FROM external_serial e JOIN serial_pool p ON p.id = e.pool_id
                WHERE e.workorder_id = :wo AND p.kind = :kind GROUP BY e.task_id
                UNION ALL
                SELECT e.task_id, e.voided_at, e.voided_at, string_agg(DISTINCT e.pool_id::text, ',')
                FROM external_serial e JOIN serial_pool p ON p.id = e.pool_id
                WHERE e.workorder_id = :wo AND p.kind = :kind AND e.status = 'void' GROUP BY e.task_id, e.voided_at""")
            .with("wo", workOrderId).with("kind", kind.code())
            .list(row -> new Delivery(row.getUuid(0), row.getInstant(1), row.getInstant(2),
                java.util.Arrays.stream(row.getString(3).split(",")).map(Long::valueOf).toList()));
    }

    /** A task's values: delivered at {@code at}, or voided then ({@code voidedAt} = {@code at}). */
    public record Delivery(UUID task, Instant at, Instant voidedAt, List<Long> poolIds) {
    }
}
