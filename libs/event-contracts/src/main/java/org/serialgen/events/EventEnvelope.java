package org.serialgen.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every serialgen topic carries. {@code event_id} is unique per event and is what consumers de-duplicate on;
 * the payload's own revision or version orders events about the same thing, since Kafka redelivers and a consumer
 * may see an older event after a newer one.
 */
public record EventEnvelope(
    @JsonProperty("event_id") UUID eventId,
    @JsonProperty("event_type") String eventType,
    @JsonProperty("occurred_at") Instant occurredAt,
    @JsonProperty("schema_version") int schemaVersion,
    @JsonProperty("payload") JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(eventType, "event_type");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(payload, "payload");
    }
}
