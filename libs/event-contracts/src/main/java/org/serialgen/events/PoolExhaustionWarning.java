package org.serialgen.events;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A pool passed the configured exhaustion warning ({@link Topics#GENERATION}, once per pool). */
public record PoolExhaustionWarning(
    @JsonProperty("pool_id") long poolId,
    @JsonProperty("kind") String kind,
    @JsonProperty("gtin") String gtin,
    @JsonProperty("company_prefix") String companyPrefix,
    @JsonProperty("capacity") long capacity,
    @JsonProperty("issued") long issued,
    @JsonProperty("usage_percent") BigDecimal usagePercent) {
}
