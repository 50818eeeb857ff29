package org.serialgen.generation.issue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of generate-serials, generate-sscc and generate-bundle-serials (every field optional; {} is allowed). */
public record GenerateRequest(
    @Schema(description = "How many to issue now (1 to 100 000 000). Default: what the work order still needs "
        + "(serials: from the quantity and the configuration; SSCCs and bundle serials: from the aggregation "
        + "breakdown, bundle serials per bundle GTIN)")
    @JsonProperty("quantity") Long quantity,
    @Schema(description = "Bundle serials only: the bundle GTIN a quantity is for (needed when the packaging has more "
        + "than one trade-item level above the item)")
    @JsonProperty("gtin") String gtin,
    @Schema(description = "Serials and bundle serials: allow more than the work order asks for")
    @JsonProperty("override_config") Boolean overrideConfig,
    @Schema(description = "Void what the work order holds (those numbers are never issued again) and issue anew; "
        + "required once generation has completed")
    @JsonProperty("force_regenerate") Boolean forceRegenerate) {

    public static final long MAX_QUANTITY = 100_000_000L;

    static GenerateRequest orEmpty(GenerateRequest request) {
        return request == null ? new GenerateRequest(null, null, null, null) : request;
    }
}
