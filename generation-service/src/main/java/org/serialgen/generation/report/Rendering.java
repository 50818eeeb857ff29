package org.serialgen.generation.report;

import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.persistence.Coded;

/** How a report writes each identifier: GS1 element string, EPC URN or GS1 Digital Link. */
public enum Rendering implements Coded {

    ELEMENT("element"),
    URN("urn"),
    DL("dl");

    private final String code;

    Rendering(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The rendering {@code format} names (default: element string); 400 for anything else. */
    static Rendering parse(String format) {
        if (format == null) {
            return ELEMENT;
        }
        return Coded.byCode(Rendering.class, format).orElseThrow(() -> ApiException.Validation.of("format",
            "Must be element, urn or dl"));
    }
}
