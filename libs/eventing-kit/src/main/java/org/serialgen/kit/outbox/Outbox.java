package org.serialgen.kit.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.events.EventCodec;
import org.serialgen.events.EventEnvelope;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The only way a service emits an event: it is stored in the caller's transaction, beside the state change it
 * announces, and {@link OutboxRelay} sends it after commit. Outside a transaction it refuses: an event stored on its
 * own could announce a change that never happened, or miss one that did.
 */
@ApplicationScoped
public class Outbox {

    public Uni<EventEnvelope> publish(String topic, String key, String eventType, Object payload) {
        return Panache.currentTransaction().flatMap(transaction -> {
            if (transaction == null) {
                throw new IllegalStateException("an event is published only in the transaction of the change it "
                    + "announces: call the outbox inside Panache.withTransaction");
            }
            return store(topic, key, eventType, payload);
        });
    }

    private static Uni<EventEnvelope> store(String topic, String key, String eventType, Object payload) {
        EventEnvelope envelope = EventCodec.envelope(eventType, payload);
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = topic;
        row.messageKey = key;
        row.eventType = eventType;
        row.envelope = EventCodec.write(envelope);
        row.createdAt = Instant.now();
        return row.persist().replaceWith(envelope);
    }
}
