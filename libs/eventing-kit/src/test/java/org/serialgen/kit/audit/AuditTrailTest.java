package org.serialgen.kit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.persistence.NativeSql;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The audit trail: an entry commits with its change or not at all, it is refused outside a transaction, the table
 * takes no UPDATE, DELETE or TRUNCATE, and pages read with cursors visit every entry once, newest first.
 */
@QuarkusTest
class AuditTrailTest {

    private final AuditTrail trail;
    private final AuditLog log;

    AuditTrailTest(AuditTrail trail, AuditLog log) {
        this.trail = trail;
        this.log = log;
    }

    static <T> T run(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    private AuditEntry.Page page(Map<String, String> parameters) throws Throwable {
        return run(() -> Panache.withSession(() -> log.page(AuditQuery.of(parameters))));
    }

    @Test
    void anEntryIsStoredWithItsChangeAndNamesTheSuiteWhereNoRequestIsServed() throws Throwable {
        String id = "wo-" + UUID.randomUUID();
        run(() -> Panache.withTransaction(() -> trail.record("workorder.create", "workorder", id,
            Map.of("quantity", 5))));
        AuditEntry.Page found = page(Map.of("entity_id", id));
        assertEquals(1, found.count());
        AuditEntry entry = found.results().get(0);
        assertEquals("eventing-kit-test", entry.service());
        assertEquals(AuditTrail.Actor.SYSTEM, entry.actor());
        assertEquals(List.of(), entry.roles());
        assertEquals("workorder.create", entry.action());
        assertEquals("workorder", entry.entityType());
        assertEquals("success", entry.outcome());
        assertEquals(5, entry.change().path("quantity").asInt());
        assertNull(entry.requestId());
    }

    @Test
    void anEntryOfATransactionThatRolledBackIsGoneWithItsChange() throws Throwable {
        String id = "wo-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> run(() -> Panache.withTransaction(() ->
            trail.record("workorder.create", "workorder", id, null).invoke(() -> {
                throw new IllegalStateException("the change failed");
            }))));
        assertEquals(0, page(Map.of("entity_id", id)).count());
    }

    @Test
    void refusesOutsideATransaction() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> run(() ->
            Panache.withSession(() -> trail.record("x", "y", "z", null))));
        assertTrue(refused.getMessage().contains("transaction"), refused.getMessage());
    }

    @Test
    void aRefusedWriteIsStoredOnItsOwn() throws Throwable {
        String id = "wo-" + UUID.randomUUID();
        run(() -> trail.refused(new AuditTrail.Actor("alice", List.of("manager"), "req-1"),
            AuditTrail.Outcome.REFUSED, new AuditTrail.Change("POST /x", "request", id, Map.of("status", 409))));
        AuditEntry entry = page(Map.of("entity_id", id, "outcome", "refused")).results().get(0);
        assertEquals("alice", entry.actor());
        assertEquals(List.of("manager"), entry.roles());
        assertEquals("req-1", entry.requestId());
        assertEquals(409, entry.change().path("status").asInt());
    }

    @Test
    void noEntryCanBeChangedOrRemovedWhoeverAsks() throws Throwable {
        String id = "wo-" + UUID.randomUUID();
        run(() -> Panache.withTransaction(() -> trail.record("workorder.create", "workorder", id, null)));
        for (String statement : List.of("UPDATE audit_entry SET actor = 'mallory' WHERE entity_id = :id",
            "DELETE FROM audit_entry WHERE entity_id = :id")) {
            Throwable refused = assertThrows(Throwable.class, () -> run(() -> Panache.withTransaction(() ->
                NativeSql.of(statement).with("id", id).update())));
            assertTrue(String.valueOf(refused.getMessage()).contains("append-only")
                || String.valueOf(refused.getCause()).contains("append-only"), statement + ": " + refused);
        }
        assertThrows(Throwable.class, () -> run(() -> Panache.withTransaction(() ->
            NativeSql.of("TRUNCATE audit_entry").update())));
        AuditEntry entry = page(Map.of("entity_id", id)).results().get(0);
        assertEquals(AuditTrail.Actor.SYSTEM, entry.actor());
    }

    @Test
    void pagesReadWithCursorsVisitEveryEntryOnceNewestFirst() throws Throwable {
        String type = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        List<AuditTrail.Change> changes = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            changes.add(new AuditTrail.Change("probe.write", type, "e" + i, Map.of("i", i)));
        }
        // one transaction: every entry has the same time, so the order rests on the sequence
        run(() -> Panache.withTransaction(() -> trail.recordAll(changes.subList(0, 13))));
        run(() -> Panache.withTransaction(() -> trail.recordAll(changes.subList(13, 23))));
        Set<String> seen = new HashSet<>();
        List<AuditQuery.Cursor> order = new ArrayList<>();
        String before = null;
        do {
            Map<String, String> parameters = before == null ? Map.of("entity_type", type, "limit", "5")
                : Map.of("entity_type", type, "limit", "5", "before", before);
            AuditEntry.Page found = page(parameters);
            assertEquals(23, found.count());
            for (AuditEntry entry : found.results()) {
                assertTrue(seen.add(entry.entityId()), "once: " + entry.entityId());
                order.add(AuditQuery.Cursor.parse(entry.cursor()));
            }
            before = found.results().size() == 5 ? found.results().get(4).cursor() : null;
        } while (before != null);
        assertEquals(23, seen.size());
        for (int i = 1; i < order.size(); i++) {
            assertTrue(order.get(i - 1).compareTo(order.get(i)) > 0, "newest first at " + i);
        }
    }

    @Test
    void aQueryThatDoesNotReadIsA400NamingEachParameter() {
        ApiException.Validation refused = assertThrows(ApiException.Validation.class, () -> AuditQuery.of(Map.of(
            "outcome", "maybe", "from", "yesterday", "limit", "1001", "before", "abc")));
        assertEquals(Set.of("outcome", "from", "limit", "before"), refused.details().keySet());
        assertThrows(ApiException.Validation.class, () -> AuditQuery.of(Map.of("from", "2026-12-02T00:00:00Z",
            "to", "2026-12-01T00:00:00Z")));
        assertThrows(ApiException.Validation.class, () -> AuditQuery.of(Map.of("to", "+99999-01-01T00:00:00Z")));
    }

    @Test
    void aCursorReadsAsItIsWrittenAndOrdersByTimeThenServiceThenSequence() {
        AuditQuery.Cursor cursor = AuditQuery.Cursor.of(java.time.Instant.parse("2026-12-06T10:00:00.123456Z"),
            "generation-service", 42);
        assertEquals(cursor, AuditQuery.Cursor.parse(cursor.toString()));
        assertEquals(java.time.Instant.parse("2026-12-06T10:00:00.123456Z"), cursor.at());
        assertTrue(cursor.compareTo(new AuditQuery.Cursor(cursor.atMicros(), "config-service", 99)) > 0);
        assertTrue(cursor.compareTo(new AuditQuery.Cursor(cursor.atMicros() + 1, "a", 1)) < 0);
        assertTrue(cursor.compareTo(new AuditQuery.Cursor(cursor.atMicros(), "generation-service", 41)) > 0);
    }
}
