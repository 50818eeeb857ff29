package org.serialgen.gs1;

/**
 * The human-readable GS1 element string (GS1 General Specifications §3.2): {@code (01)…(21)…} for a serialised trade
 * item, {@code (00)…} for an SSCC. AI 21 comes last, so the serial is everything after {@code (21)} even if it holds
 * parentheses itself.
 */
public final class ElementString {

    private ElementString() {
    }

    public static String of(Sgtin sgtin) {
        return "(01)" + sgtin.gtin().value() + "(21)" + sgtin.serial().value();
    }

    public static String of(Sscc sscc) {
        return "(00)" + sscc.value();
    }

    public static Sgtin parseSgtin(String text) {
        if (text == null || !text.startsWith("(01)") || text.length() < 4 + 14 + 4 + 1
            || !text.startsWith("(21)", 18)) {
            throw new IllegalArgumentException("not (01)<GTIN-14>(21)<serial>: " + text);
        }
        return new Sgtin(new Gtin(text.substring(4, 18)), new SerialNumber(text.substring(22)));
    }

    public static Sscc parseSscc(String text) {
        if (text == null || !text.startsWith("(00)") || text.length() != 22) {
            throw new IllegalArgumentException("not (00)<SSCC>: " + text);
        }
        return new Sscc(text.substring(4));
    }
}
