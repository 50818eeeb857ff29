package org.serialgen.gs1;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * The alphabets a site may choose for serial numbers (AI 21). Each is a subset of GS1 character set 82 and is
 * listed in ascending character order, so a serial's digit values follow the alphabet's order.
 */
public enum SerialAlphabet {

    /** Digits only: what most national verification systems and many printers handle best. */
    NUMERIC("numeric", "0123456789"),
    /** Digits and upper-case letters. */
    ALPHANUMERIC_UPPER("alphanumeric_upper", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    /** Digits and upper-case letters without the look-alikes 0/O, 1/I/L, for codes people read and type. */
    ALPHANUMERIC_SAFE("alphanumeric_safe", "23456789ABCDEFGHJKMNPQRSTUVWXYZ"),
    /** All of GS1 character set 82. */
    CS82("cs82", CharacterSet82.CHARACTERS);

    private final String id;
    private final String characters;

    SerialAlphabet(String id, String characters) {
        this.id = id;
        this.characters = characters;
    }

    public String id() {
        return id;
    }

    public String characters() {
        return characters;
    }

    public int radix() {
        return characters.length();
    }

    /** radix^length: how many distinct serials of {@code length} characters exist. */
    public BigInteger space(int length) {
        return BigInteger.valueOf(radix()).pow(length);
    }

    public static Optional<SerialAlphabet> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }
}
