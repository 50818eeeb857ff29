package org.serialgen.events;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A validated work order from the ERP ({@link Topics#WORKORDERS}, {@link EventTypes#WORKORDER_SYNCED}).
 * {@code revision} grows by one each time erp-sync-service stores a changed version of the same {@code wo_id};
 * consumers ignore a revision lower than or equal to the one they hold.
 */
public record WorkOrderSynced(
    @JsonProperty("wo_id") String woId,
    @JsonProperty("wo_name") String woName,
    @JsonProperty("gtin") String gtin,
    @JsonProperty("lot") String lot,
    @JsonProperty("expiry") LocalDate expiry,
    @JsonProperty("quantity") long quantity,
    @JsonProperty("revision") long revision,
    @JsonProperty("synced_at") Instant syncedAt) {
}
