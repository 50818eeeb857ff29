package org.serialgen.gs1;

import java.util.Optional;

/**
 * A Global Trade Item Number held as GTIN-14. GTIN-8, -12 and -13 are accepted and padded with leading zeros, which
 * keeps the check digit valid (GS1 General Specifications §3.3.2). An instance always has a valid check digit.
 */
public record Gtin(String value) {

    public Gtin {
        Optional<String> problem = problem(value);
        if (problem.isPresent() || value.length() != 14) {
            throw new IllegalArgumentException(problem.orElse("a Gtin holds 14 digits; use Gtin.parse to pad"));
        }
    }

    /** {@code raw} as a GTIN-14; throws with the reason when it is not a valid GTIN. */
    public static Gtin parse(String raw) {
        Optional<String> problem = problem(raw);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return new Gtin("0".repeat(14 - raw.length()) + raw);
    }

    /** Why {@code raw} is not a GTIN (any of the four lengths), or empty when it is one. */
    public static Optional<String> problem(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.of("GTIN is required");
        }
        if (!CheckDigit.allDigits(raw)) {
            return Optional.of("GTIN must contain digits only");
        }
        int n = raw.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            return Optional.of("GTIN must have 8, 12, 13 or 14 digits");
        }
        if (!CheckDigit.isValid(raw)) {
            return Optional.of("GTIN check digit is wrong (expected " + CheckDigit.compute(raw.substring(0, n - 1)) + ")");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
