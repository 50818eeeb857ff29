package org.serialgen.kit.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** One entry of the audit trail as the API shows it; {@code cursor} is where a page that ends with it goes on. */
public record AuditEntry(
    @JsonProperty("entry_id") UUID entryId,
    @JsonProperty("at") Instant at,
    @JsonProperty("service") String service,
    @JsonProperty("sequence") long sequence,
    @JsonProperty("actor") String actor,
    @JsonProperty("roles") List<String> roles,
    @JsonProperty("action") String action,
    @JsonProperty("entity_type") String entityType,
    @JsonProperty("entity_id") String entityId,
    @JsonProperty("outcome") String outcome,
    @JsonProperty("change") JsonNode change,
    @JsonProperty("request_id") String requestId,
    @JsonProperty("cursor") String cursor) {

    /** A page of one service's trail: how many entries the filters select in all, and the page. */
    public record Page(@JsonProperty("count") long count, @JsonProperty("results") List<AuditEntry> results) {
    }
}
