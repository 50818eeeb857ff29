package org.serialgen.kit.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.serialgen.kit.persistence.NativeSql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** An exclusive processing lock makes a second transaction on the same key wait until the first has committed. */
@QuarkusTest
class ProcessingLocksTest {

    private final ProcessingLocks locks;

    ProcessingLocksTest(ProcessingLocks locks) {
        this.locks = locks;
    }

    /** Takes the lock, waits {@code seconds} inside it, then records {@code label}. */
    Uni<Integer> holdAndRecord(String key, String label, double seconds) {
        return Panache.withTransaction(() -> locks.exclusive(key)
            .flatMap(locked -> NativeSql.of("SELECT 1 FROM (SELECT pg_sleep(:s)) AS slept").with("s", seconds)
                .single(r -> r.getInt(0)))
            .flatMap(slept -> NativeSql.of("INSERT INTO probe_applied (event_id, payload) VALUES (:id, :label)")
                .with("id", UUID.randomUUID()).with("label", label).update()));
    }

    @Test
    void aSecondHolderOfTheSameKeyWaitsForTheFirst() throws Throwable {
        String key = "lock-" + UUID.randomUUID();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> await(() -> holdAndRecord(key, key + ":1", 1.0)));
        Thread.sleep(300); // the first holds the lock by now
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> await(() -> holdAndRecord(key, key + ":2", 0)));
        second.get(30, TimeUnit.SECONDS);
        first.get(30, TimeUnit.SECONDS);

        List<String> order = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> NativeSql.of(
                "SELECT payload FROM probe_applied WHERE payload LIKE :key ORDER BY id")
            .with("key", key + ":%").list(r -> r.getString(0))));
        assertEquals(List.of(key + ":1", key + ":2"), order, "the second waited for the first");
    }

    private static Integer await(java.util.function.Supplier<Uni<Integer>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
