package org.serialgen.generation.issue;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The spec's 202 answer of generate-serials and generate-sscc. */
public record TaskAccepted(
    @JsonProperty("task_id") UUID taskId,
    @JsonProperty("status") String status,
    @JsonProperty("message") String message,
    @JsonProperty("estimated_completion") Instant estimatedCompletion) {
}
