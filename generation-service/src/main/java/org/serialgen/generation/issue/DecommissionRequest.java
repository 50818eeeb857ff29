package org.serialgen.generation.issue;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Numbers a work order returns unused: some of them, or all it holds, with the reason. */
public record DecommissionRequest(
    @Schema(description = "serial, sscc or bundle (bundle serials)")
    @JsonProperty("kind") String kind,
    @Schema(description = "Bundle serials only: the bundle GTIN the numbers are of (needed when the work order holds "
        + "serials of more than one)")
    @JsonProperty("gtin") String gtin,
    @Schema(description = "The serials (as issued) or 18-digit SSCCs returned: 1 to 100 000, each held by the work "
        + "order; or leave out and send all")
    @JsonProperty("numbers") List<String> numbers,
    @Schema(description = "Return every number of the kind the work order holds")
    @JsonProperty("all") Boolean all,
    @Schema(description = "Why they are returned (1 to 200 characters), kept in the history", maxLength = 200)
    @JsonProperty("reason") String reason) {

    public static final int MAX_NUMBERS = 100_000;
    public static final int MAX_REASON = 200;
}
