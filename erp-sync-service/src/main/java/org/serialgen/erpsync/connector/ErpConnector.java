package org.serialgen.erpsync.connector;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * The ERP, as the pull sees it: work orders changed since an instant, page by page; one work order; the serialization
 * confirmation; its health. Every failure is an {@link ErpFailure} of a kind. Another ERP's API (an OData service, a
 * SOAP one) is one more implementation of this interface.
 */
public interface ErpConnector {

    /** The page after {@code pageToken} (null: the first) of what changed after {@code since} (null: everything). */
    Uni<ErpPage> changedSince(Instant since, String pageToken, int limit);

    /** One work order as the ERP has it now; empty when the ERP has none of that wo_id. */
    Uni<Optional<JsonNode>> workOrder(String woId);

    /** Tells the ERP where a work order's serialization stands; the ERP treats a repeated event id as the same. */
    Uni<Void> confirm(String woId, JsonNode confirmation);

    /** Whether the ERP answers its health endpoint. */
    Uni<Void> health();
}
