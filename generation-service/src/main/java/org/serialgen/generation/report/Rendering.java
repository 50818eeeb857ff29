package org.serialgen.generation.report;

import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.persistence.Coded;

/**
 * How a report writes each identifier: the GS1 element string of the identifier alone ({@code (01)(21)}), the EPC
 * URN, or the pack code a serial's DataMatrix carries — {@code (01)(17)(10)(21)} bracketed, as scan data (GS after
 * the lot), as the human-readable text, or as a GS1 Digital Link with lot and expiry. An SSCC is {@code (00)} in each.
 */
public enum Rendering implements Coded {

    ELEMENT("element"),
    URN("urn"),
    DL("dl"),
    PACK("pack"),
    SCAN("scan"),
    HRI("hri");

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
            "Must be element, urn, dl, pack, scan or hri"));
    }
}
