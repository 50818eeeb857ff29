package org.serialgen.aggregation.recipe;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a bulk import did: rows read, valid and invalid, recipes written, and the rows' errors (the first 1 000). */
public record ImportReport(
    @JsonProperty("import_id") UUID importId,
    @JsonProperty("mode") String mode,
    @JsonProperty("rows") long rows,
    @JsonProperty("valid") long valid,
    @JsonProperty("invalid") long invalid,
    @JsonProperty("imported") long imported,
    @JsonProperty("errors") List<RowError> errors,
    @JsonProperty("errors_truncated") boolean errorsTruncated) {

    /** A row that failed: its number (1 = the first recipe), what it named, and every failure by field. */
    public record RowError(
        @JsonProperty("row") int row,
        @JsonProperty("gtin") String gtin,
        @JsonProperty("variant") String variant,
        @JsonProperty("details") Map<String, List<String>> details) {
    }
}
