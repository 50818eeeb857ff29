package org.serialgen.kit.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.MDC;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventEnvelope;
import org.serialgen.kit.persistence.NativeSql;
import org.serialgen.kit.tracing.Traces;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The only way a service emits an event: it is stored in the caller's transaction, beside the state change it
 * announces, and {@link OutboxRelay} sends it after commit. Outside a transaction it refuses: an event stored on its
 * own could announce a change that never happened, or miss one that did. Many events of one transaction (a page of
 * work orders) are stored in one statement.
 */
@ApplicationScoped
public class Outbox {

    /** An event to publish: its topic, its key (what orders it), its type and payload. */
    public record Event(String topic, String key, String eventType, Object payload) {
    }

    public Uni<EventEnvelope> publish(String topic, String key, String eventType, Object payload) {
        return publishAll(List.of(new Event(topic, key, eventType, payload))).map(envelopes -> envelopes.get(0));
    }

    /** Stores the events in the caller's transaction, in one statement; answers their envelopes, in order. */
    public Uni<List<EventEnvelope>> publishAll(List<Event> events) {
        return Panache.currentTransaction().flatMap(transaction -> {
            if (transaction == null) {
                throw new IllegalStateException("an event is published only in the transaction of the change it "
                    + "announces: call the outbox inside Panache.withTransaction");
            }
            return events.isEmpty() ? Uni.createFrom().item(List.<EventEnvelope>of()) : store(events);
        });
    }

    private static Uni<List<EventEnvelope>> store(List<Event> events) {
        List<EventEnvelope> envelopes = new ArrayList<>(events.size());
        List<Map<String, Object>> rows = new ArrayList<>(events.size());
        // what the events were made in: one request (or one consumed batch), the same for all of them
        String traceParent = Traces.currentTraceParent();
        Object requestId = MDC.get("request_id");
        for (Event event : events) {
            EventEnvelope envelope = EventCodec.envelope(event.eventType(), event.payload());
            envelopes.add(envelope);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("event_id", envelope.eventId().toString());
            row.put("topic", event.topic());
            row.put("message_key", event.key());
            row.put("event_type", event.eventType());
            row.put("envelope", EventCodec.write(envelope));
            row.put("trace_parent", traceParent);
            row.put("request_id", requestId);
            rows.add(row);
        }
        return NativeSql.of("""
                INSERT INTO outbox_event (event_id, topic, message_key, event_type, envelope, trace_parent, request_id,
                                          created_at)
                SELECT r.event_id, r.topic, r.message_key, r.event_type, r.envelope, r.trace_parent, r.request_id, now()
                FROM jsonb_to_recordset(CAST(CAST(:rows AS text) AS jsonb))
                    AS r(event_id uuid, topic text, message_key text, event_type text, envelope text, trace_parent text,
                         request_id text)""")
            .with("rows", EventCodec.write(rows)).update().replaceWith(envelopes);
    }
}
