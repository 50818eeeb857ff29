package org.serialgen.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Container counts per packaging level for one work order ({@link Topics#AGGREGATION},
 * {@link EventTypes#AGGREGATION_COMPUTED}). {@code revision} grows with every recomputation for the work order
 * (new work-order revision, recipe or configuration); consumers apply only a higher revision than the one they hold.
 * {@code sscc_count} is what the work order needs in SSCCs (every logistic-unit container at every level);
 * {@code bundle_serial_count} what it needs in serials of its bundles' own GTINs (trade-item levels above L1).
 * {@code rules_source} says where the levels came from: {@code recipe:<id>:v<version>} or {@code config:v<version>}.
 */
public record AggregationComputed(
    @JsonProperty("wo_id") String woId,
    @JsonProperty("quantity") long quantity,
    @JsonProperty("revision") long revision,
    @JsonProperty("rules_source") String rulesSource,
    @JsonProperty("levels") List<Level> levels,
    @JsonProperty("sscc_count") long ssccCount,
    @JsonProperty("bundle_serial_count") long bundleSerialCount) {

    /**
     * One packaging level. {@code units_per_container} is the cumulative number of L1 units a full container holds
     * and {@code children_per_container} the number of containers of the level below it holds (L1: 0);
     * {@code containers} counts the partial last one, and {@code last_container_units} /
     * {@code last_container_children} say what that last container holds (the full figures when the quantity divides
     * evenly). {@code identified_by} is {@code sgtin} (a trade item, with {@code gtin}) or {@code sscc}.
     */
    public record Level(
        @JsonProperty("level") String level,
        @JsonProperty("name") String name,
        @JsonProperty("units_per_container") long unitsPerContainer,
        @JsonProperty("children_per_container") long childrenPerContainer,
        @JsonProperty("containers") long containers,
        @JsonProperty("last_container_units") long lastContainerUnits,
        @JsonProperty("last_container_children") long lastContainerChildren,
        @JsonProperty("identified_by") String identifiedBy,
        @JsonProperty("gtin") String gtin) {
    }
}
