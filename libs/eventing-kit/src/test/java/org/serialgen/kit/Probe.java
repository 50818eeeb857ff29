package org.serialgen.kit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.serialgen.events.EventEnvelope;
import org.serialgen.kit.inbox.IdempotentConsumer;
import org.serialgen.kit.persistence.NativeSql;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * A consumer of the kit's test topic, as a service's would be: each event applied through IdempotentConsumer. An
 * event whose payload says {@code poison} cannot be applied (its insert breaks a constraint), as a bug or a row the
 * database refuses would.
 */
@ApplicationScoped
public class Probe {

    public static final String TOPIC = "serialgen.kit-test.v1";
    public static final String EVENT_TYPE = "probe.sent";
    public static final String POISON = "poison";

    private final IdempotentConsumer consumer;

    Probe(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("probe-in")
    public Uni<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeEach("probe", batch, this::apply);
    }

    private Uni<Void> apply(EventEnvelope event) {
        String payload = event.payload().toString();
        return NativeSql.of("INSERT INTO probe_applied (event_id, payload) VALUES (:id, :payload)")
            .with("id", event.eventId()).with("payload", payload.contains(POISON) ? null : payload)
            .update().replaceWithVoid();
    }
}
