package org.serialgen.generation.pool;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Numbers a task issued to a work order: a range of pool counters (built-in) or a count of values from an external
 * source; {@code void} once a forced regeneration replaced them.
 */
public record Holding(
    @JsonProperty("task_id") UUID taskId,
    @JsonProperty("kind") Kind kind,
    @JsonProperty("source") String source,
    @JsonProperty("quantity") long quantity,
    @JsonProperty("status") String status,
    @Schema(description = "Built-in: the first pool counter of the range") @JsonProperty("counter_from") Long from,
    @Schema(description = "Built-in: the counter after the range") @JsonProperty("counter_to") Long to,
    @JsonProperty("created_at") Instant createdAt,
    @Schema(description = "The GTIN of the serials (a bundle's own for bundle serials); null for SSCCs")
    @JsonProperty("gtin") String gtin) {
}
