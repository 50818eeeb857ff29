package org.serialgen.generation.workorder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
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
    @JsonProperty("total_requested_bundle_serials") long totalRequestedBundleSerials,
    @JsonProperty("generated_serials") long generatedSerials,
    @JsonProperty("generated_sscc") long generatedSscc,
    @JsonProperty("sscc_generation_status") String ssccGenerationStatus,
    @JsonProperty("serial_generation_status") String serialGenerationStatus,
    @JsonProperty("config_version") Long configVersion,
    @JsonProperty("error_message") String errorMessage,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt,
    @Schema(description = "What the work order holds and held, by task (in the detail view only)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonProperty("allocations") List<Holding> allocations) {

    /**
     * Numbers a task issued to the work order: a range of pool counters (built-in) or a count of values from an
     * external source; {@code void} once a forced regeneration replaced them.
     */
    public record Holding(
        @JsonProperty("task_id") UUID taskId,
        @JsonProperty("kind") String kind,
        @JsonProperty("source") String source,
        @JsonProperty("quantity") long quantity,
        @JsonProperty("status") String status,
        @Schema(description = "Built-in: the first pool counter of the range") @JsonProperty("counter_from") Long from,
        @Schema(description = "Built-in: the counter after the range") @JsonProperty("counter_to") Long to,
        @JsonProperty("created_at") Instant createdAt) {
    }

    static WorkOrderView of(WorkOrder wo) {
        return of(wo, null);
    }

    static WorkOrderView of(WorkOrder wo, List<Holding> allocations) {
        return new WorkOrderView(wo.id, wo.woId, wo.woName, wo.woSource, wo.gtin, wo.lot, wo.expiry, wo.quantity,
            wo.totalRequestedSerials, wo.totalRequestedSscc, wo.totalRequestedBundleSerials, wo.generatedSerials,
            wo.generatedSscc,
            wo.ssccGenerationStatus, wo.serialGenerationStatus, wo.configVersion, wo.errorMessage, wo.createdAt,
            wo.updatedAt, allocations);
    }
}
