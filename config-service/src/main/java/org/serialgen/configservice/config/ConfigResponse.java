package org.serialgen.configservice.config;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.serialgen.events.ConfigActivated.AggregationRule;
import org.serialgen.events.ConfigActivated.Source;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The spec's configuration shape, plus its version and who saved it. */
public record ConfigResponse(
    @JsonProperty("id") Integer id,
    @JsonProperty("version") long version,
    @JsonProperty("serial_sources") List<Source> serialSources,
    @JsonProperty("sscc_sources") List<Source> ssccSources,
    @JsonProperty("manufacturing_percentage") BigDecimal manufacturingPercentage,
    @JsonProperty("discrepancy_tolerance") BigDecimal discrepancyTolerance,
    @JsonProperty("aggregation_rules") Map<String, AggregationRule> aggregationRules,
    @JsonProperty("is_active") boolean active,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt,
    @JsonProperty("created_by") String createdBy,
    @JsonProperty("updated_by") String updatedBy) {

    static ConfigResponse of(ConfigVersion v) {
        return new ConfigResponse(v.id, v.version, v.serialSources, v.ssccSources, v.manufacturingPercentage,
            v.discrepancyTolerance, v.aggregationRules, v.active, v.createdAt, v.updatedAt, v.createdBy, v.updatedBy);
    }
}
