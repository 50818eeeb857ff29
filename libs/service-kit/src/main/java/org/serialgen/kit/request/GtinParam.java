package org.serialgen.kit.request;

import org.serialgen.gs1.Gtin;
import org.serialgen.kit.errors.ApiException;

/** A GTIN given in a request (body field or query parameter): GTIN-14, or a 400 naming the field and the reason. */
public final class GtinParam {

    private GtinParam() {
    }

    /** {@code raw} as GTIN-14 (GTIN-8, -12 and -13 padded), null for null. */
    public static String of(String field, String raw) {
        if (raw == null) {
            return null;
        }
        Gtin.problem(raw).ifPresent(problem -> {
            throw ApiException.Validation.of(field, problem);
        });
        return Gtin.parse(raw).value();
    }
}
