package org.serialgen.kit.inbox;

import java.time.Duration;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventCodec.MalformedEventException;
import org.serialgen.events.EventEnvelope;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies each event at most once per consumer: the event id goes into {@code consumed_event} in the same
 * transaction as the handler's changes, so a redelivered event finds its id there and changes nothing. Transient
 * failures (database briefly away) are retried; an event that cannot be read fails for good and goes to the
 * channel's dead-letter topic.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    public Uni<Void> consume(String consumer, String rawEnvelope, Function<EventEnvelope, Uni<Void>> handler) {
        EventEnvelope envelope;
        try {
            envelope = EventCodec.readEnvelope(rawEnvelope);
        } catch (MalformedEventException e) {
            LOG.errorf("%s: dropping unreadable event to the dead-letter topic: %s", consumer, e.getMessage());
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                        "INSERT INTO consumed_event (event_id, consumer, event_type) VALUES (:id, :consumer, :type)"
                            + " ON CONFLICT DO NOTHING")
                    .setParameter("id", envelope.eventId())
                    .setParameter("consumer", consumer)
                    .setParameter("type", envelope.eventType())
                    .executeUpdate())
                .flatMap(inserted -> inserted == 0 ? Uni.createFrom().voidItem() : handler.apply(envelope)))
            .onFailure(e -> !(e instanceof MalformedEventException))
            .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8);
    }
}
