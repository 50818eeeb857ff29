package org.serialgen.generation.workorder;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A work order in the spec's list shape, with its product data and the last error. */
public record WorkOrderView(
    @JsonProperty("id") int id,
    @JsonProperty("wo_id") String woId,
    @JsonProperty("wo_name") String woName,
    @JsonProperty("wo_source") String woSource,
    @JsonProperty("gtin") String gtin,
    @JsonProperty("lot") String lot,
    @JsonProperty("expiry") LocalDate expiry,
    @JsonProperty("quantity") long quantity,
    @JsonProperty("total_requested_serials") long totalRequestedSerials,
    @JsonProperty("total_requested_sscc") long totalRequestedSscc,
    @JsonProperty("generated_serials") long generatedSerials,
    @JsonProperty("generated_sscc") long generatedSscc,
    @JsonProperty("sscc_generation_status") String ssccGenerationStatus,
    @JsonProperty("serial_generation_status") String serialGenerationStatus,
    @JsonProperty("config_version") Long configVersion,
    @JsonProperty("error_message") String errorMessage,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

    static WorkOrderView of(WorkOrder wo) {
        return new WorkOrderView(wo.id, wo.woId, wo.woName, wo.woSource, wo.gtin, wo.lot, wo.expiry, wo.quantity,
            wo.totalRequestedSerials, wo.totalRequestedSscc, wo.generatedSerials, wo.generatedSscc,
            wo.ssccGenerationStatus, wo.serialGenerationStatus, wo.configVersion, wo.errorMessage, wo.createdAt,
            wo.updatedAt);
    }
}
