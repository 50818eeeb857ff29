package org.serialgen.configservice.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.serialgen.events.ConfigActivated.AggregationRule;
import org.serialgen.events.ConfigActivated.Source;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of POST and PUT: the whole configuration. {@code version} is the version the client edited, if it says. */
public record ConfigRequest(
    @Schema(description = "External serial number providers, tried in order when enabled")
    @JsonProperty("serial_sources") List<Source> serialSources,
    @Schema(description = "External SSCC providers, tried in order when enabled")
    @JsonProperty("sscc_sources") List<Source> ssccSources,
    @Schema(description = "Percent (0–100, two decimals) of the work-order quantity to serialise", minimum = "0",
        maximum = "100")
    @JsonProperty("manufacturing_percentage") BigDecimal manufacturingPercentage,
    @Schema(description = "Percent (0–100, two decimals) of extra serials for rejects and rework", minimum = "0",
        maximum = "100")
    @JsonProperty("discrepancy_tolerance") BigDecimal discrepancyTolerance,
    @Schema(description = "Packaging levels l1…l4: enabled and multiplier = L1 units per container at that level")
    @JsonProperty("aggregation_rules") Map<String, AggregationRule> aggregationRules,
    @Schema(description = "The version this edit was based on; a stale one is refused with 409")
    @JsonProperty("version") Long version) {
}
