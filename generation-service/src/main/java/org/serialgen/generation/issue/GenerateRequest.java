package org.serialgen.generation.issue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of generate-serials and generate-sscc (both fields optional; an empty body is allowed). */
public record GenerateRequest(
    @Schema(description = "How many to issue now (1 to 100 000 000). Default: what the work order still needs "
        + "(serials: from the quantity and the configuration; SSCCs: from the aggregation breakdown)")
    @JsonProperty("quantity") Long quantity,
    @Schema(description = "Serials only: allow more than the configuration asks for the work order")
    @JsonProperty("override_config") Boolean overrideConfig,
    @Schema(description = "Void what the work order holds (those numbers are never issued again) and issue anew; "
        + "required once generation has completed")
    @JsonProperty("force_regenerate") Boolean forceRegenerate) {

    public static final long MAX_QUANTITY = 100_000_000L;

    static GenerateRequest orEmpty(GenerateRequest request) {
        return request == null ? new GenerateRequest(null, null, null) : request;
    }
}
