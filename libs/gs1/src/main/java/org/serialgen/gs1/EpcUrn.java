package org.serialgen.gs1;

/**
 * EPC Pure Identity URNs (EPC Tag Data Standard §6.3.1 SGTIN, §6.3.2 SSCC). They split the GTIN or SSCC at the end of
 * the company prefix, so rendering needs the prefix's length; the check digit is left out and recomputed on parsing.
 * In the serial, the characters of set 82 that are not allowed in a URN are percent-encoded (TDS §5, table 5-1).
 */
public final class EpcUrn {

    static final String SGTIN = "urn:epc:id:sgtin:";
    static final String SSCC = "urn:epc:id:sscc:";

    private EpcUrn() {
    }

    public static String of(Sgtin sgtin, int companyPrefixLength) {
        String gtin = sgtin.gtin().value();
        requirePrefixLength(companyPrefixLength);
        String companyPrefix = gtin.substring(1, 1 + companyPrefixLength);
        String itemReference = gtin.charAt(0) + gtin.substring(1 + companyPrefixLength, 13);
        return SGTIN + companyPrefix + "." + itemReference + "." + escape(sgtin.serial().value());
    }

    public static String of(Sscc sscc, int companyPrefixLength) {
        requirePrefixLength(companyPrefixLength);
        String value = sscc.value();
        return SSCC + value.substring(1, 1 + companyPrefixLength) + "." + value.charAt(0)
            + value.substring(1 + companyPrefixLength, 17);
    }

    public static Sgtin parseSgtin(String urn) {
        if (urn == null || !urn.startsWith(SGTIN)) {
            throw new IllegalArgumentException("not an SGTIN URN: " + urn);
        }
        String[] parts = urn.substring(SGTIN.length()).split("\\.", 3);
        if (parts.length != 3 || parts[0].length() + parts[1].length() != 13 || parts[1].isEmpty()
            || !CheckDigit.allDigits(parts[0] + parts[1])) {
            throw new IllegalArgumentException("not <company prefix>.<indicator+item reference>.<serial>: " + urn);
        }
        requirePrefixLength(parts[0].length());
        String body = parts[1].charAt(0) + parts[0] + parts[1].substring(1);
        return new Sgtin(new Gtin(body + CheckDigit.compute(body)), new SerialNumber(unescape(parts[2])));
    }

    public static Sscc parseSscc(String urn) {
        if (urn == null || !urn.startsWith(SSCC)) {
            throw new IllegalArgumentException("not an SSCC URN: " + urn);
        }
        String[] parts = urn.substring(SSCC.length()).split("\\.", -1);
        if (parts.length != 2 || parts[0].length() + parts[1].length() != 17 || parts[1].isEmpty()
            || !CheckDigit.allDigits(parts[0] + parts[1])) {
            throw new IllegalArgumentException("not <company prefix>.<extension+serial reference>: " + urn);
        }
        requirePrefixLength(parts[0].length());
        String body = parts[1].charAt(0) + parts[0] + parts[1].substring(1);
        return new Sscc(body + CheckDigit.compute(body));
    }

    private static void requirePrefixLength(int length) {
        if (length < 6 || length > 12) {
            throw new IllegalArgumentException("a company prefix has 6 to 12 digits");
        }
    }

    static String escape(String serial) {
        StringBuilder out = new StringBuilder(serial.length() + 8);
        for (int i = 0; i < serial.length(); i++) {
            char c = serial.charAt(i);
            switch (c) {
                case '"' -> out.append("%22");
                case '%' -> out.append("%25");
                case '&' -> out.append("%26");
                case '/' -> out.append("%2F");
                case '<' -> out.append("%3C");
                case '>' -> out.append("%3E");
                case '?' -> out.append("%3F");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String text) {
        return PercentEncoding.decode(text);
    }
}
