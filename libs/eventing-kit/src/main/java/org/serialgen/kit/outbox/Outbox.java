package org.serialgen.kit.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.events.EventCodec;
import org.serialgen.events.EventEnvelope;

import io.smallrye.mutiny.Uni;

/**
 * The only way a service emits an event: it is stored in the caller's transaction, beside the state change it
 * announces, and {@link OutboxRelay} sends it after commit. Call it inside {@code Panache.withTransaction}.
 */
@ApplicationScoped
public class Outbox {

    public Uni<EventEnvelope> publish(String topic, String key, String eventType, Object payload) {
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
