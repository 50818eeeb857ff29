package org.serialgen.generation.issue;

import org.serialgen.generation.pool.Kind;
import org.serialgen.kit.errors.ApiException;

/** A generate request, checked: the kind, the quantity asked for (null: what the work order still needs), who asks. */
record IssueRequest(Kind kind, Long quantity, boolean force, boolean override, String idempotencyKey, String user) {

    static final int MAX_IDEMPOTENCY_KEY = 200;

    static IssueRequest of(Kind kind, GenerateRequest request, String idempotencyKey, String user) {
        GenerateRequest body = GenerateRequest.orEmpty(request);
        if (body.quantity() != null && (body.quantity() <= 0 || body.quantity() > GenerateRequest.MAX_QUANTITY)) {
            throw ApiException.Validation.of("quantity", "Must be between 1 and " + GenerateRequest.MAX_QUANTITY);
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ApiException.Validation.of("Idempotency-Key", "1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        return new IssueRequest(kind, body.quantity(), Boolean.TRUE.equals(body.forceRegenerate()),
            Boolean.TRUE.equals(body.overrideConfig()), idempotencyKey, user);
    }
}
