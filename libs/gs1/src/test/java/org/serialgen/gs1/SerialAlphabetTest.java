package org.serialgen.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class SerialAlphabetTest {

    @Test
    void everyAlphabetIsSortedUniqueAndInsideCharacterSet82() {
        for (SerialAlphabet alphabet : SerialAlphabet.values()) {
            String chars = alphabet.characters();
            assertTrue(CharacterSet82.containsAll(chars), alphabet.id());
            for (int i = 1; i < chars.length(); i++) {
                assertTrue(chars.charAt(i - 1) < chars.charAt(i), alphabet.id() + " sorted and unique at " + i);
            }
        }
        assertEquals(82, SerialAlphabet.CS82.radix());
        assertEquals(BigInteger.TEN.pow(12), SerialAlphabet.NUMERIC.space(12));
        assertEquals(SerialAlphabet.ALPHANUMERIC_SAFE, SerialAlphabet.byId("alphanumeric_safe").orElseThrow());
    }
}
