package org.serialgen.erpsync.connector;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A page of work orders changed since an instant, in the ERP's {@code changed_at} order; each item as the ERP wrote
 * it (checked record by record by the intake). {@code nextPageToken} is null on the last page.
 */
public record ErpPage(List<JsonNode> items, String nextPageToken) {
}
