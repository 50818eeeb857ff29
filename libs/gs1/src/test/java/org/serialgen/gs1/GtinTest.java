package org.serialgen.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GtinTest {

    @Test
    void computesTheCheckDigitOfTheGeneralSpecificationsExample() {
        // GS1 General Specifications §7.9.1: GTIN-13 629104150021 → check digit 3
        assertEquals(3, CheckDigit.compute("629104150021"));
        // SSCC example of the same section: 37610425002123456 → 9
        assertEquals(9, CheckDigit.compute("37610425002123456"));
    }

    @Test
    void padsShorterGtinsToFourteenDigits() {
        assertEquals("06291041500213", Gtin.parse("6291041500213").value());
        assertEquals("09506000134352", Gtin.parse("09506000134352").value());
        assertEquals("00000096385074", Gtin.parse("96385074").value());
    }

    @Test
    void rejectsEverySingleDigitChange() {
        String valid = "09506000134352";
        for (int i = 0; i < valid.length(); i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d != valid.charAt(i)) {
                    String changed = valid.substring(0, i) + d + valid.substring(i + 1);
                    assertFalse(Gtin.problem(changed).isEmpty(), changed);
                }
            }
        }
    }

    @Test
    void explainsWhatIsWrong() {
        assertTrue(Gtin.problem("0950600013435").get().contains("check digit"));
        assertTrue(Gtin.problem("12345").get().contains("8, 12, 13 or 14"));
        assertTrue(Gtin.problem("0950600013435X").get().contains("digits only"));
        assertThrows(IllegalArgumentException.class, () -> new Gtin("6291041500213"));
    }

    @Test
    void knowsCharacterSet82() {
        assertTrue(CharacterSet82.containsAll("LOT-2024/A_1"));
        assertFalse(CharacterSet82.containsAll("LOT 1"));
        assertFalse(CharacterSet82.containsAll("LOT#1"));
    }
}
