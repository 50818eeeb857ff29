package org.serialgen.generation.workorder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.serialgen.generation.pool.Holding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A work order in the spec's list shape, with its product data and the last error. */
public record WorkOrderView(
    @JsonProperty("id") int id,
    @JsonProperty("wo_id") String woId,
    @JsonProperty("wo_name") String woName,
    @JsonProperty("wo_source") Origin woSource,
    @JsonProperty("gtin") String gtin,
    @JsonProperty("lot") String lot,
    @JsonProperty("expiry") LocalDate expiry,
    @JsonProperty("quantity") long quantity,
    @JsonProperty("total_requested_serials") long totalRequestedSerials,
    @JsonProperty("total_requested_sscc") long totalRequestedSscc,
    @JsonProperty("total_requested_bundle_serials") long totalRequestedBundleSerials,
    @JsonProperty("generated_serials") long generatedSerials,
    @JsonProperty("generated_sscc") long generatedSscc,
    @Schema(description = "Serials issued of the bundles' own GTINs (trade-item packaging levels above the item)")
    @JsonProperty("generated_bundle_serials") long generatedBundleSerials,
    @Schema(description = "Of the generated serials, how many were returned unused (decommissioned)")
    @JsonProperty("decommissioned_serials") long decommissionedSerials,
    @Schema(description = "Of the generated SSCCs, how many were returned unused (decommissioned)")
    @JsonProperty("decommissioned_sscc") long decommissionedSscc,
    @JsonProperty("decommissioned_bundle_serials") long decommissionedBundleSerials,
    @JsonProperty("sscc_generation_status") GenerationStatus ssccGenerationStatus,
    @JsonProperty("serial_generation_status") GenerationStatus serialGenerationStatus,
    @JsonProperty("bundle_serial_generation_status") GenerationStatus bundleSerialGenerationStatus,
    @JsonProperty("last_sscc_generation_at") Instant lastSsccGenerationAt,
    @JsonProperty("last_serial_generation_at") Instant lastSerialGenerationAt,
    @JsonProperty("last_bundle_serial_generation_at") Instant lastBundleSerialGenerationAt,
    @JsonProperty("config_version") Long configVersion,
    @Schema(description = "The serial demand was given (ERP override or the form), not computed from the configuration")
    @JsonProperty("serials_fixed") boolean serialsFixed,
    @JsonProperty("error_message") String errorMessage,
    @Schema(description = "The ERP sent a work order of this wo_id while it is a manual one: what it sent")
    @JsonProperty("erp_conflict") String erpConflict,
    @JsonProperty("erp_confirmed_at") Instant erpConfirmedAt,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt,
    @Schema(description = "What the work order holds and held, by task (in the detail view only)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonProperty("allocations") List<Holding> allocations) {

    static WorkOrderView of(WorkOrder wo) {
        return of(wo, null);
    }

    static WorkOrderView of(WorkOrder wo, List<Holding> allocations) {
        return new WorkOrderView(wo.id, wo.woId, wo.woName, wo.origin, wo.gtin, wo.lot, wo.expiry, wo.quantity,
            wo.serials.requested, wo.sscc.requested, wo.bundles.requested, wo.serials.generated, wo.sscc.generated,
            wo.bundles.generated, wo.serials.decommissioned, wo.sscc.decommissioned, wo.bundles.decommissioned,
            wo.sscc.status, wo.serials.status, wo.bundles.status, wo.sscc.lastGenerationAt,
            wo.serials.lastGenerationAt, wo.bundles.lastGenerationAt, wo.configVersion, wo.serialsFixed, wo.errorMessage, wo.erpConflict,
            wo.erpConfirmedAt, wo.createdAt, wo.updatedAt, allocations);
    }
}
