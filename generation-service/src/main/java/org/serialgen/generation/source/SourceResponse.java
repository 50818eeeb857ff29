package org.serialgen.generation.source;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An external source's answer: exactly {@code quantity} distinct values — serial numbers (GS1 AI 21: 1 to 20
 * characters of set 82) from a serial source, 18-digit SSCCs from an SSCC source.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SourceResponse(
    @Schema(description = "The request's request_id, echoed") @JsonProperty("request_id") String requestId,
    @Schema(description = "The serials (or SSCCs)") @JsonProperty("serials") List<String> serials) {
}
