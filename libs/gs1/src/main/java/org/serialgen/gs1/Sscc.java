package org.serialgen.gs1;

/**
 * A Serial Shipping Container Code (AI 00): extension digit, company prefix and serial reference make 17 digits,
 * then the mod-10 check digit (GS1 General Specifications §2.2.1). An instance is always valid.
 */
public record Sscc(String value) {

    public Sscc {
        if (value == null || value.length() != 18 || !CheckDigit.isValid(value)) {
            throw new IllegalArgumentException("an SSCC has 18 digits with a valid check digit: " + value);
        }
    }

    /** The SSCC with {@code serialReference} under {@code prefix}; the reference fills the 16 − prefix-length digits. */
    public static Sscc of(int extensionDigit, CompanyPrefix prefix, long serialReference) {
        if (extensionDigit < 0 || extensionDigit > 9) {
            throw new IllegalArgumentException("the extension digit is 0 to 9");
        }
        int referenceDigits = serialReferenceDigits(prefix);
        String reference = Long.toString(serialReference);
        if (serialReference < 0 || reference.length() > referenceDigits) {
            throw new IllegalArgumentException("serial reference " + serialReference + " does not fit in "
                + referenceDigits + " digits");
        }
        String body = extensionDigit + prefix.value() + "0".repeat(referenceDigits - reference.length()) + reference;
        return new Sscc(body + CheckDigit.compute(body));
    }

    /** How many serial references a company prefix offers per extension digit: 10^(16 − prefix length). */
    public static long capacity(CompanyPrefix prefix) {
        long capacity = 1;
        for (int i = 0; i < serialReferenceDigits(prefix); i++) {
            capacity *= 10;
        }
        return capacity;
    }

    static int serialReferenceDigits(CompanyPrefix prefix) {
        return 16 - prefix.length();
    }

    public int extensionDigit() {
        return value.charAt(0) - '0';
    }

    /** The serial reference digits, for a prefix of the given length. */
    public String serialReference(int companyPrefixLength) {
        return value.substring(1 + companyPrefixLength, 17);
    }

    @Override
    public String toString() {
        return value;
    }
}
