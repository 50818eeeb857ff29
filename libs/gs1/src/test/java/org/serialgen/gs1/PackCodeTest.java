package org.serialgen.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.serialgen.gs1.ElementString.Element;

/**
 * The pack code in its forms, checked against GS1 General Specifications §3.2 (AI lengths, FNC1 after a
 * variable-length AI that is not last), §7.12 (YYMMDD and the century window) and the GS1 Barcode Syntax Resource's
 * bracketed syntax (a literal parenthesis escaped).
 */
class PackCodeTest {

    static final PackCode PACK = new PackCode(new Gtin("09506000134352"), LocalDate.of(2028, 6, 30), "LOT(1)",
        new SerialNumber("A(P)=N+A"));

    @Test
    void writesTheFourAisInGs1OrderInEveryForm() {
        assertEquals("(01)09506000134352(17)280630(10)LOT\\(1)(21)A\\(P)=N+A", PACK.bracketed());
        assertEquals("010950600013435217280630" + "10LOT(1)" + ElementString.GS + "21A(P)=N+A", PACK.scanData());
        assertEquals("(01) 09506000134352 (17) 280630 (10) LOT(1) (21) A(P)=N+A", PACK.humanReadable());
        assertEquals("https://id.gs1.org/01/09506000134352/10/LOT%281%29/21/A%28P%29%3DN%2BA?17=280630",
            PACK.digitalLink(DigitalLink.gs1()));
    }

    @Test
    void readsEachFormBackToTheSamePack() {
        assertEquals(PACK, PackCode.parseScanData(PACK.scanData(), 2026));
        assertEquals(PACK.elements(), ElementString.parseBracketed(PACK.bracketed()));
        Sgtin sgtin = new Sgtin(PACK.gtin(), PACK.serial());
        assertEquals(sgtin, ElementString.parseSgtin(ElementString.of(sgtin)));
        assertEquals(sgtin, DigitalLink.parseSgtin(PACK.digitalLink(DigitalLink.gs1())));
    }

    @Test
    void anUnescapedParenthesisInDataReadsAsAnotherAi() {
        // the defect reported against the old rendering: "(P)" inside the serial taken for an AI
        assertThrows(IllegalArgumentException.class,
            () -> ElementString.parseBracketed("(01)09506000134352(21).!slT(P)=N+A"));
        assertEquals(List.of(new Element(Ai.GTIN, "09506000134352"), new Element(Ai.SERIAL, ".!slT(P)=N+A")),
            ElementString.parseBracketed("(01)09506000134352(21).!slT\\(P)=N+A"));
    }

    @Test
    void separatesOnlyVariableLengthAisThatAreNotLast() {
        List<Element> label = List.of(new Element(Ai.SSCC, "106141412345678908"),
            new Element(Ai.CONTENT, "09506000134352"), new Element(Ai.COUNT, "24"),
            new Element(Ai.EXPIRY, "280630"), new Element(Ai.BATCH_LOT, "L1"));
        String data = "00106141412345678908" + "0209506000134352" + "3724" + ElementString.GS + "17280630" + "10L1";
        assertEquals(data, ElementString.scanData(label));
        assertEquals(label, ElementString.parseScanData(data));
    }

    @Test
    void refusesDataAnAiCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> new Element(Ai.EXPIRY, "28063"));
        assertThrows(IllegalArgumentException.class, () -> new Element(Ai.COUNT, "12a"));
        assertThrows(IllegalArgumentException.class, () -> new Element(Ai.BATCH_LOT, "x".repeat(21)));
        assertThrows(IllegalArgumentException.class, () -> new PackCode(PACK.gtin(), PACK.expiry(), "with space",
            PACK.serial()));
    }

    @Test
    void placesTheCenturyByTheSlidingWindow() {
        // §7.12: 51…99 years ahead is the last century, 50 or more behind the next
        assertEquals(LocalDate.of(2076, 1, 1), Gs1Date.parse("760101", 2026));
        assertEquals(LocalDate.of(1977, 1, 1), Gs1Date.parse("770101", 2026));
        assertEquals(LocalDate.of(2099, 12, 31), Gs1Date.parse("991231", 2050));
        assertEquals(LocalDate.of(2100, 1, 1), Gs1Date.parse("000101", 2050));
        // day 00: the last day of the month
        assertEquals(LocalDate.of(2028, 2, 29), Gs1Date.parse("280200", 2026));
        assertEquals("280229", Gs1Date.format(LocalDate.of(2028, 2, 29)));
    }
}
