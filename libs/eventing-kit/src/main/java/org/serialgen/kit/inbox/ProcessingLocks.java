package org.serialgen.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
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
        return lock("pg_advisory_xact_lock", key);
    }

    /** Waits for, then holds, a lock on {@code key} that other shared holders may hold too, but no exclusive one. */
    public Uni<Void> shared(String key) {
        return lock("pg_advisory_xact_lock_shared", key);
    }

    private static Uni<Void> lock(String function, String key) {
        return Panache.getSession()
            .flatMap(session -> session.createNativeQuery("SELECT 1 FROM (SELECT " + function
                    + "(hashtext(:key))) AS locked", Integer.class)
                .setParameter("key", key)
                .getSingleResult())
            .replaceWithVoid();
    }
}
