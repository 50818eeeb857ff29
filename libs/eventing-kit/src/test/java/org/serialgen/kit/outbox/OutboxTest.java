package org.serialgen.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventEnvelope;
import org.serialgen.kit.Probe;
import org.serialgen.kit.persistence.NativeSql;
import org.serialgen.testkit.TestKafka;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The outbox: an event stored in a transaction is relayed to Kafka with its topic and key and marked sent; an event
 * of a transaction that rolled back never leaves; outside a transaction the outbox refuses.
 */
@QuarkusTest
class OutboxTest {

    private final Outbox outbox;

    OutboxTest(Outbox outbox) {
        this.outbox = outbox;
    }

    static <T> T run(java.util.function.Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    @Test
    void anEventStoredInATransactionReachesItsTopicOnceWithItsKey() throws Throwable {
        String marker = UUID.randomUUID().toString();
        EventEnvelope sent = run(() -> Panache.withTransaction(() -> outbox.publish(Probe.TOPIC, "key-" + marker,
            Probe.EVENT_TYPE, Map.of("marker", marker))));

        List<ConsumerRecord<String, String>> received = TestKafka.records(Probe.TOPIC, v -> v.contains(marker), 1,
            Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertEquals(1, received.size(), "relayed once");
        assertEquals("key-" + marker, received.get(0).key());
        EventEnvelope envelope = EventCodec.readEnvelope(received.get(0).value());
        assertEquals(sent.eventId(), envelope.eventId());
        assertEquals(Probe.EVENT_TYPE, envelope.eventType());
        long unsent = run(() -> Panache.withSession(() -> NativeSql.of("SELECT count(*) FROM outbox_event"
            + " WHERE event_id = :id AND published_at IS NULL").with("id", sent.eventId()).single(r -> r.getLong(0))));
        assertEquals(0, unsent, "marked sent");
    }

    @Test
    void anEventOfATransactionThatRolledBackNeverLeaves() throws Throwable {
        String marker = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> run(() -> Panache.withTransaction(() ->
            outbox.publish(Probe.TOPIC, marker, Probe.EVENT_TYPE, Map.of("marker", marker))
                .invoke(stored -> {
                    throw new IllegalStateException("the state change failed");
                }))));
        assertTrue(TestKafka.records(Probe.TOPIC, v -> v.contains(marker), 0, Duration.ofSeconds(4),
            Duration.ofSeconds(4)).isEmpty());
    }

    @Test
    void refusesOutsideATransaction() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> run(() ->
            Panache.withSession(() -> outbox.publish(Probe.TOPIC, "k", Probe.EVENT_TYPE, Map.of()))));
        assertTrue(refused.getMessage().contains("transaction"), refused.getMessage());
    }
}
