package org.serialgen.generation.issue;

import org.serialgen.generation.pool.Kind;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.request.GtinParam;

/**
 * A generate request, checked: the kind, the quantity asked for (null: what the work order still needs) and, for
 * bundle serials, of which GTIN; who asks.
 */
record IssueRequest(Kind kind, Long quantity, String gtin, boolean force, boolean override, String idempotencyKey,
                    String user) {

    static final int MAX_IDEMPOTENCY_KEY = 200;

    /** What the request asks for, whoever sends it: equal for a true repeat, different for another request. */
    String fingerprint() {
        return "quantity=" + quantity + ";gtin=" + gtin + ";force=" + force + ";override=" + override;
    }

    static IssueRequest of(Kind kind, GenerateRequest request, String idempotencyKey, String user) {
        GenerateRequest body = GenerateRequest.orEmpty(request);
        if (body.quantity() != null && (body.quantity() <= 0 || body.quantity() > GenerateRequest.MAX_QUANTITY)) {
            throw ApiException.Validation.of("quantity", "Must be between 1 and " + GenerateRequest.MAX_QUANTITY);
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ApiException.Validation.of("Idempotency-Key", "1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        if (body.gtin() != null && kind != Kind.BUNDLE) {
            throw ApiException.Validation.of("gtin", "Only bundle serials name a GTIN: serials are the work order's "
                + "own GTIN's, SSCCs have none");
        }
        return new IssueRequest(kind, body.quantity(), GtinParam.of("gtin", body.gtin()), Boolean.TRUE.equals(body.forceRegenerate()),
            Boolean.TRUE.equals(body.overrideConfig()), idempotencyKey, user);
    }
}
