package org.serialgen.kit.errors;

/**
 * A rule of the domain refuses what was asked, in the state things are in (a pool exhausted, no company prefix
 * configured, no configuration yet). Application code raises it whether a request or background work runs it, and
 * background work handles it by its code; an HTTP answer makes it a 409 {@code conflict} with that code.
 */
public class Refused extends RuntimeException {

    private final String code;

    public Refused(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
