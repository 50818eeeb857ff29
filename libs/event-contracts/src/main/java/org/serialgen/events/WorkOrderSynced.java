package org.serialgen.events;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A validated work order ({@link Topics#WORKORDERS}, {@link EventTypes#WORKORDER_SYNCED}): from the ERP through
 * erp-sync-service ({@code source} erp), or entered on the work-order form in generation-service (manual).
 * {@code revision} grows by one with each changed version of the same {@code wo_id}; consumers ignore a revision
 * lower than or equal to the one they hold.
 */
public record WorkOrderSynced(
    @JsonProperty("wo_id") String woId,
    @JsonProperty("wo_name") String woName,
    @JsonProperty("gtin") String gtin,
    @JsonProperty("lot") String lot,
    @JsonProperty("expiry") LocalDate expiry,
    @JsonProperty("quantity") long quantity,
    @JsonProperty("revision") long revision,
    @JsonProperty("synced_at") Instant syncedAt,
    @JsonProperty("source") String source) {

    public static final String ERP = "erp";
    public static final String MANUAL = "manual";

    /** Events written before {@code source} existed came from the ERP. */
    public WorkOrderSynced {
        source = source == null ? ERP : source;
    }
}
