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
    private final OutboxRelay relay;
    private final io.quarkus.scheduler.Scheduler scheduler;
    private final io.micrometer.core.instrument.MeterRegistry registry;

    OutboxTest(Outbox outbox, OutboxRelay relay, io.quarkus.scheduler.Scheduler scheduler,
               io.micrometer.core.instrument.MeterRegistry registry) {
        this.outbox = outbox;
        this.relay = relay;
        this.scheduler = scheduler;
        this.registry = registry;
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

    @Test
    void theBacklogAndItsOldestEventAreGaugedWhileTheRelayCannotSend() throws Throwable {
        // the relay held, as when the broker is away: an event a minute and a half old waits
        scheduler.pause(OutboxRelay.RELAY_JOB);
        try {
            String marker = UUID.randomUUID().toString();
            run(() -> Panache.withTransaction(() -> outbox.publish(Probe.TOPIC, marker, Probe.EVENT_TYPE,
                    Map.of("marker", marker))
                .call(stored -> NativeSql.of("UPDATE outbox_event SET created_at = now() - interval '90 seconds'"
                    + " WHERE event_id = :id").with("id", stored.eventId()).update())));
            run(relay::measure);
            assertTrue(gauge("serialgen.outbox.pending") >= 1, "pending");
            assertTrue(gauge("serialgen.outbox.oldest.age.seconds") >= 90, "the oldest's age");
        } finally {
            scheduler.resume(OutboxRelay.RELAY_JOB);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
            .untilAsserted(() -> {
                run(relay::measure);
                assertEquals(0, gauge("serialgen.outbox.pending"), "sent once the relay runs");
                assertEquals(0, gauge("serialgen.outbox.oldest.age.seconds"));
            });
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
