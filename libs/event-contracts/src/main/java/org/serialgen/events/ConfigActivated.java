package org.serialgen.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The configuration that became active ({@link Topics#CONFIG}, {@link EventTypes#CONFIG_ACTIVATED}). Versions only
 * grow; a consumer applies a version only when it is newer than the one it holds.
 */
public record ConfigActivated(
    @JsonProperty("version") long version,
    @JsonProperty("serial_sources") List<Source> serialSources,
    @JsonProperty("sscc_sources") List<Source> ssccSources,
    @JsonProperty("manufacturing_percentage") BigDecimal manufacturingPercentage,
    @JsonProperty("discrepancy_tolerance") BigDecimal discrepancyTolerance,
    @JsonProperty("aggregation_rules") Map<String, AggregationRule> aggregationRules,
    @JsonProperty("updated_by") String updatedBy,
    @JsonProperty("activated_at") Instant activatedAt) {

    public record Source(
        @JsonProperty("name") String name,
        @JsonProperty("url") String url,
        @JsonProperty("enabled") boolean enabled) {
    }

    /** {@code multiplier}: L1 units per container at this level (cumulative, so l3 = 100 means 100 items per case). */
    public record AggregationRule(
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("multiplier") long multiplier) {
    }
}
