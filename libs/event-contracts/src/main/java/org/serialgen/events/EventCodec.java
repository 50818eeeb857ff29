package org.serialgen.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Reads and writes envelopes and payloads as JSON, the one encoding on every topic. */
public final class EventCodec {

    /** Decimals stay as written (100.00, never 1E+2): percentages are compared and shown to people. */
    private static final ObjectMapper JSON = new ObjectMapper()
        .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {
    }

    /** A new envelope around {@code payload}, with a fresh event id. */
    public static EventEnvelope envelope(String eventType, Object payload) {
        return new EventEnvelope(UUID.randomUUID(), eventType, Instant.now(), EventTypes.SCHEMA_VERSION,
            JSON.valueToTree(payload));
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + value.getClass().getName(), e);
        }
    }

    /** @throws MalformedEventException when the text is not an envelope of a known schema version */
    public static EventEnvelope readEnvelope(String json) {
        try {
            EventEnvelope envelope = JSON.readValue(json, EventEnvelope.class);
            if (envelope.schemaVersion() != EventTypes.SCHEMA_VERSION) {
                throw new MalformedEventException("unknown schema_version " + envelope.schemaVersion());
            }
            return envelope;
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("not an event envelope: " + e.getMessage());
        }
    }

    /** @throws MalformedEventException when the payload does not fit {@code type} */
    public static <T> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return JSON.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("payload is not a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The payloads of a batch of events, in order. @throws MalformedEventException when one does not fit */
    public static <T> List<T> payloads(List<EventEnvelope> envelopes, Class<T> type) {
        return envelopes.stream().map(envelope -> payload(envelope, type)).toList();
    }

    /** @throws MalformedEventException when the text does not fit {@code type} */
    public static <T> T read(String json, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("not a " + type.getType().getTypeName() + ": " + e.getMessage());
        }
    }

    /** @throws MalformedEventException when the text does not fit {@code type} */
    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("not a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Jackson's messages for records; kept here so callers never catch Jackson types. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
