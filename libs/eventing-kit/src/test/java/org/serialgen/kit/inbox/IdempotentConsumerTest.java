package org.serialgen.kit.inbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventEnvelope;
import org.serialgen.kit.Probe;
import org.serialgen.kit.persistence.NativeSql;
import org.serialgen.testkit.TestKafka;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Consumption at most once: an event delivered again (Kafka redelivers; a producer may send twice) changes nothing
 * the second time, and a record that is not an event, or an event that cannot be applied, goes to the channel's
 * dead-letter topic on its own while the rest of its batch is applied.
 */
@QuarkusTest
class IdempotentConsumerTest {

    static long applied(UUID eventId) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> NativeSql.of(
                    "SELECT count(*) FROM probe_applied WHERE event_id = :id").with("id", eventId)
                .single(r -> r.getLong(0))));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() throws Throwable {
        EventEnvelope event = EventCodec.envelope(Probe.EVENT_TYPE, Map.of("n", 1));
        String text = EventCodec.write(event);
        EventEnvelope after = EventCodec.envelope(Probe.EVENT_TYPE, Map.of("n", 2));
        // twice in one batch, then again in the next
        TestKafka.publishAll(Probe.TOPIC, "k", List.of(text, text, EventCodec.write(after)));
        TestKafka.publish(Probe.TOPIC, "k", text);

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(after.eventId()) == 1);
        assertEquals(1, applied(event.eventId()));
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndTheNextIsApplied() throws Throwable {
        String marker = "not an event " + UUID.randomUUID();
        EventEnvelope next = EventCodec.envelope(Probe.EVENT_TYPE, Map.of("n", 3));
        TestKafka.publishAll(Probe.TOPIC, "k", List.of(marker, EventCodec.write(next)));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(next.eventId()) == 1);
        assertFalse(TestKafka.records("dead-letter-topic-probe-in", v -> v.equals(marker), 1, Duration.ofSeconds(30),
            Duration.ofSeconds(1)).isEmpty(), "dead-lettered");
    }

    @Test
    void anEventThatCannotBeAppliedGoesToTheDeadLetterTopicAloneAndItsBatchIsApplied() throws Throwable {
        EventEnvelope before = EventCodec.envelope(Probe.EVENT_TYPE, Map.of("n", 4));
        EventEnvelope poison = EventCodec.envelope(Probe.EVENT_TYPE, Map.of("n", Probe.POISON));
        EventEnvelope after = EventCodec.envelope(Probe.EVENT_TYPE, Map.of("n", 5));
        TestKafka.publishAll(Probe.TOPIC, "k", List.of(EventCodec.write(before), EventCodec.write(poison),
            EventCodec.write(after)));

        await().atMost(Duration.ofSeconds(90)).until(() -> applied(after.eventId()) == 1);
        assertEquals(1, applied(before.eventId()));
        assertEquals(0, applied(poison.eventId()));
        var dead = TestKafka.records("dead-letter-topic-probe-in", v -> v.contains(poison.eventId().toString())
            || v.contains(before.eventId().toString()) || v.contains(after.eventId().toString()), 1,
            Duration.ofSeconds(30), Duration.ofSeconds(2));
        assertEquals(1, dead.size(), "only the poison is dead-lettered");
        assertTrue(dead.get(0).value().contains(poison.eventId().toString()));
    }
}
