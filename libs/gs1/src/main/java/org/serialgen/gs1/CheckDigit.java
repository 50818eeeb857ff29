package org.serialgen.gs1;

/**
 * The GS1 mod-10 check digit (GS1 General Specifications §7.9.1): from the right, digits are weighted 3, 1, 3, 1 …
 * starting with the digit next to the check digit; the check digit brings the sum to a multiple of ten.
 */
public final class CheckDigit {

    private CheckDigit() {
    }

    /** The check digit for {@code digits} (all the digits before the check digit). */
    public static int compute(CharSequence digits) {
        int sum = 0;
        boolean triple = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit at position " + (i + 1));
            }
            sum += triple ? 3 * d : d;
            triple = !triple;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether the last digit of {@code digitsWithCheck} is the right check digit for the others. */
    public static boolean isValid(CharSequence digitsWithCheck) {
        int n = digitsWithCheck.length();
        if (n < 2 || !allDigits(digitsWithCheck)) {
            return false;
        }
        return compute(digitsWithCheck.subSequence(0, n - 1)) == digitsWithCheck.charAt(n - 1) - '0';
    }

    static boolean allDigits(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
