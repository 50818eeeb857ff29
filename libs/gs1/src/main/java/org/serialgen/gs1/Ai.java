package org.serialgen.gs1;

import java.util.Arrays;
import java.util.Optional;

/**
 * The GS1 Application Identifiers the suite writes on packs and logistic labels (GS1 General Specifications §3.2,
 * figure 3.2-1): each with its data length and characters. A fixed-length AI needs no separator after it; a
 * variable-length one that is not last is ended by FNC1 (GS in transmitted data).
 */
public enum Ai {

    SSCC("00", 18, true, true),
    GTIN("01", 14, true, true),
    CONTENT("02", 14, true, true),
    BATCH_LOT("10", 20, false, false),
    EXPIRY("17", 6, true, true),
    SERIAL("21", 20, false, false),
    COUNT("37", 8, false, true);

    private final String code;
    private final int length;
    private final boolean fixed;
    private final boolean numeric;

    Ai(String code, int length, boolean fixed, boolean numeric) {
        this.code = code;
        this.length = length;
        this.fixed = fixed;
        this.numeric = numeric;
    }

    public String code() {
        return code;
    }

    /** Exact length when {@link #fixed()}, else the most characters. */
    public int length() {
        return length;
    }

    public boolean fixed() {
        return fixed;
    }

    public static Optional<Ai> of(String code) {
        return Arrays.stream(values()).filter(ai -> ai.code.equals(code)).findFirst();
    }

    /** Whether {@code value} is data this AI can carry (lengths, characters; check digits are the identifiers'). */
    public boolean accepts(String value) {
        if (value.isEmpty() || value.length() > length || fixed && value.length() != length) {
            return false;
        }
        return numeric ? value.chars().allMatch(c -> c >= '0' && c <= '9') : CharacterSet82.containsAll(value);
    }
}
