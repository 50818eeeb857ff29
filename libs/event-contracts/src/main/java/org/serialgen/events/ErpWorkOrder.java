package org.serialgen.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A work order exactly as the ERP publishes it on {@link Topics#ERP_WORKORDERS}. Every field arrives as the ERP wrote
 * it (strings, possibly blank or malformed); erp-sync-service validates it before anything else sees it.
 * {@code expiry} is an ISO date (yyyy-MM-dd); {@code quantity} is the number of saleable units (L1 items).
 */
public record ErpWorkOrder(
    @JsonProperty("wo_id") String woId,
    @JsonProperty("wo_name") String woName,
    @JsonProperty("gtin") String gtin,
    @JsonProperty("lot") String lot,
    @JsonProperty("expiry") String expiry,
    @JsonProperty("quantity") Long quantity) {
}
