package org.serialgen.gs1;

/** A serial number (AI 21): 1 to 20 characters of GS1 character set 82. */
public record SerialNumber(String value) {

    public static final int MAX_LENGTH = 20;

    public SerialNumber {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !CharacterSet82.containsAll(value)) {
            throw new IllegalArgumentException("a serial number has 1 to 20 characters of GS1 character set 82");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
