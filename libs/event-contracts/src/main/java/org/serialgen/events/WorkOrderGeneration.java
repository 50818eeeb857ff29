package org.serialgen.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A work order's generation state after one of its tasks ended ({@link Topics#GENERATION},
 * {@link EventTypes#WORKORDER_GENERATION}): both statuses ({@code pending}, {@code in_progress}, {@code completed},
 * {@code failed}) and both counts. {@code source} is the work order's {@code erp} or {@code manual}; erp-sync-service
 * confirms the ERP's to the ERP.
 */
public record WorkOrderGeneration(
    @JsonProperty("wo_id") String woId,
    @JsonProperty("source") String source,
    @JsonProperty("serial_generation_status") String serialGenerationStatus,
    @JsonProperty("sscc_generation_status") String ssccGenerationStatus,
    @JsonProperty("generated_serials") long generatedSerials,
    @JsonProperty("generated_sscc") long generatedSscc,
    @JsonProperty("at") Instant at) {
}
