package org.serialgen.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Container counts per packaging level for one work order ({@link Topics#AGGREGATION},
 * {@link EventTypes#AGGREGATION_COMPUTED}). {@code revision} grows with every recomputation for the work order
 * (new work-order revision or new rules); consumers apply only a higher revision than the one they hold.
 * {@code sscc_count} is what the work order needs in SSCCs (every logistic-unit container at every level).
 */
public record AggregationComputed(
    @JsonProperty("wo_id") String woId,
    @JsonProperty("quantity") long quantity,
    @JsonProperty("revision") long revision,
    @JsonProperty("rules_source") String rulesSource,
    @JsonProperty("levels") List<Level> levels,
    @JsonProperty("sscc_count") long ssccCount) {

    /**
     * One packaging level. {@code units_per_container} is the cumulative number of L1 units a full container holds;
     * {@code containers} counts the partial last one; {@code last_container_units} is how many units that last
     * container holds (equal to units_per_container when the quantity divides evenly).
     */
    public record Level(
        @JsonProperty("level") String level,
        @JsonProperty("units_per_container") long unitsPerContainer,
        @JsonProperty("containers") long containers,
        @JsonProperty("last_container_units") long lastContainerUnits,
        @JsonProperty("identified_by") String identifiedBy) {
    }
}
