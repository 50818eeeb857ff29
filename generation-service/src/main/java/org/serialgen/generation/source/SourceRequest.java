package org.serialgen.generation.source;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What generation-service POSTs to an external source's URL. A serial source gets {@code gtin}; an SSCC source gets
 * {@code company_prefix} and {@code extension_digit}. {@code request_id} is the task's id: the same for every retry and
 * after a restart, so a provider can answer a repeated request with the same numbers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceRequest(
    @Schema(description = "GTIN-14 the serials are for (serial sources)") @JsonProperty("gtin") String gtin,
    @Schema(description = "GS1 company prefix the SSCCs are under (SSCC sources)")
    @JsonProperty("company_prefix") String companyPrefix,
    @Schema(description = "SSCC extension digit (SSCC sources)") @JsonProperty("extension_digit") Integer extensionDigit,
    @Schema(description = "How many to return, exactly") @JsonProperty("quantity") long quantity,
    @Schema(description = "Idempotency key of the request") @JsonProperty("request_id") String requestId) {
}
