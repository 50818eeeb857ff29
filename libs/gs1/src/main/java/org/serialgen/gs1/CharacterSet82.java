package org.serialgen.gs1;

/**
 * GS1 AI encodable character set 82 (GS1 General Specifications §7.11, figure 7.11-1): the characters allowed in
 * serial numbers (AI 21) and batch/lot numbers (AI 10).
 */
public final class CharacterSet82 {

    public static final String CHARACTERS =
        "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private static final boolean[] ALLOWED = new boolean[128];

    static {
        for (char c : CHARACTERS.toCharArray()) {
            ALLOWED[c] = true;
        }
    }

    private CharacterSet82() {
    }

    public static boolean contains(char c) {
        return c < 128 && ALLOWED[c];
    }

    public static boolean containsAll(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (!contains(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
