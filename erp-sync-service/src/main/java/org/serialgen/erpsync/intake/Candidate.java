package org.serialgen.erpsync.intake;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An ERP record to take in, as it arrived, and where from: a pull run ({@code runId}) or a push (topic, partition,
 * offset; its hourly run too). {@code missing}: a work order asked for by id that the ERP does not have.
 */
public record Candidate(JsonNode record, String raw, boolean pulled, UUID runId, String topic, Integer partition,
                        Long offset, boolean missing) {

    public static Candidate pulled(JsonNode record, UUID runId) {
        return new Candidate(record, record.toString(), true, runId, null, null, null, false);
    }

    /** A work order asked for by id that the ERP answered it does not have. */
    public static Candidate missing(String woId, UUID runId) {
        JsonNode record = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("wo_id", woId);
        return new Candidate(record, record.toString(), true, runId, null, null, null, true);
    }

    public static Candidate pushed(JsonNode record, String raw, UUID runId, String topic, int partition, long offset) {
        return new Candidate(record, raw, false, runId, topic, partition, offset, false);
    }
}
