package org.serialgen.kit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.serialgen.kit.inbox.IdempotentConsumer;
import org.serialgen.kit.persistence.NativeSql;

import io.smallrye.mutiny.Uni;

/** A consumer of the kit's test topic, as a service's would be: each event applied through IdempotentConsumer. */
@ApplicationScoped
public class Probe {

    public static final String TOPIC = "serialgen.kit-test.v1";
    public static final String EVENT_TYPE = "probe.sent";

    private final IdempotentConsumer consumer;

    Probe(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("probe-in")
    public Uni<Void> onEvent(String envelope) {
        return consumer.consume("probe", envelope, event -> NativeSql.of(
                "INSERT INTO probe_applied (event_id, payload) VALUES (:id, :payload)")
            .with("id", event.eventId()).with("payload", event.payload().toString()).update().replaceWithVoid());
    }
}
