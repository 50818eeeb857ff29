package org.serialgen.kit.inbox;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.events.EventCodec;
import org.serialgen.kit.persistence.NativeSql;

import io.smallrye.mutiny.Uni;

/**
 * Transaction-scoped PostgreSQL advisory locks, for consumers whose events meet in the same rows from different
 * topics. Two handlers that each read what the other writes (a work order and its SSCC demand; a work order and the
 * configuration it is computed with) would otherwise both commit without seeing each other. Taking the lock of what
 * they share first makes one wait for the other; the waiting one's later statements then see the committed rows.
 * Locks end with the transaction. Keys are hashed to 32 bits: a collision only makes two unrelated handlers wait.
 */
@ApplicationScoped
public class ProcessingLocks {

    /** Waits for, then holds, the only lock on {@code key}. */
    public Uni<Void> exclusive(String key) {
        return exclusive(List.of(key));
    }

    /**
     * The only lock on each key, for a batch: taken in one statement and in the order of their hashes, so two
     * batches sharing keys wait for each other instead of deadlocking.
     */
    public Uni<Void> exclusive(Collection<String> keys) {
        return keys.isEmpty() ? Uni.createFrom().voidItem() : NativeSql.of("""
                SELECT count(*) FROM (
                    SELECT pg_advisory_xact_lock(h) FROM (
                        SELECT DISTINCT hashtext(k) AS h
                        FROM jsonb_array_elements_text(CAST(CAST(:keys AS text) AS jsonb)) AS k
                        ORDER BY h) AS ordered) AS locked""")
            .with("keys", EventCodec.write(keys)).column(Long.class).replaceWithVoid();
    }

    /** Waits for, then holds, a lock on {@code key} that other shared holders may hold too, but no exclusive one. */
    public Uni<Void> shared(String key) {
        return NativeSql.of("SELECT count(*) FROM (SELECT pg_advisory_xact_lock_shared(hashtext(:key))) AS locked")
            .with("key", key).column(Long.class).replaceWithVoid();
    }
}
