package org.serialgen.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Published examples: EPC Tag Data Standard 2.x §6.3.1/§6.3.2, GS1 Digital Link 1.1 §4, GS1 General Specifications. */
class RenderingsTest {

    // TDS: GTIN 80614141123458, serial 6789, company prefix 0614141 (7 digits)
    static final Sgtin TDS_SGTIN = new Sgtin(new Gtin("80614141123458"), new SerialNumber("6789"));
    // TDS: SSCC 106141412345678908, company prefix 0614141
    static final Sscc TDS_SSCC = new Sscc("106141412345678908");

    @Test
    void rendersTheTagDataStandardExamples() {
        assertEquals("urn:epc:id:sgtin:0614141.812345.6789", EpcUrn.of(TDS_SGTIN, 7));
        assertEquals("urn:epc:id:sscc:0614141.1234567890", EpcUrn.of(TDS_SSCC, 7));
        assertEquals(TDS_SGTIN, EpcUrn.parseSgtin("urn:epc:id:sgtin:0614141.812345.6789"));
        assertEquals(TDS_SSCC, EpcUrn.parseSscc("urn:epc:id:sscc:0614141.1234567890"));
    }

    @Test
    void escapesSerialCharactersAUrnCannotHold() {
        Sgtin odd = new Sgtin(new Gtin("80614141123458"), new SerialNumber("A/B%C\"D&E<F>G?H.I"));
        String urn = EpcUrn.of(odd, 7);
        assertEquals("urn:epc:id:sgtin:0614141.812345.A%2FB%25C%22D%26E%3CF%3EG%3FH.I", urn);
        assertEquals(odd, EpcUrn.parseSgtin(urn));
    }

    @Test
    void rendersElementStringsAndDigitalLinks() {
        assertEquals("(01)80614141123458(21)6789", ElementString.of(TDS_SGTIN));
        assertEquals("(00)106141412345678908", ElementString.of(TDS_SSCC));
        assertEquals("https://id.gs1.org/01/80614141123458/21/6789", DigitalLink.gs1().of(TDS_SGTIN));
        assertEquals("https://id.gs1.org/00/106141412345678908", DigitalLink.gs1().of(TDS_SSCC));
        assertEquals("https://resolver.example.com/01/09506000134352/21/AB%2F1%28x%29",
            new DigitalLink("https://resolver.example.com/").of(
                new Sgtin(new Gtin("09506000134352"), new SerialNumber("AB/1(x)"))));
        // Digital Link 1.1 §4: a GTIN-13 in the path is the same item as its GTIN-14 form
        assertEquals(new Gtin("09506000134352"),
            DigitalLink.parseSgtin("https://id.gs1.org/01/9506000134352/21/12345").gtin());
        assertEquals(TDS_SSCC, ElementString.parseSscc("(00)106141412345678908"));
        assertEquals(new Sgtin(new Gtin("80614141123458"), new SerialNumber("6(7)89")),
            ElementString.parseSgtin("(01)80614141123458(21)6\\(7)89"));
        assertEquals("(01)80614141123458(21)6\\(7)89",
            ElementString.of(new Sgtin(new Gtin("80614141123458"), new SerialNumber("6(7)89"))));
    }

    @Test
    void buildsSsccsFromTheirParts() {
        assertEquals(TDS_SSCC, Sscc.of(1, new CompanyPrefix("0614141"), 234567890L));
        assertEquals(1_000_000_000L, Sscc.capacity(new CompanyPrefix("0614141")));
        assertThrows(IllegalArgumentException.class, () -> Sscc.of(1, new CompanyPrefix("0614141"), 1_000_000_000L));
        assertThrows(IllegalArgumentException.class, () -> new Sscc("106141412345678907"));
        assertThrows(IllegalArgumentException.class, () -> new CompanyPrefix("12345"));
        assertThrows(IllegalArgumentException.class, () -> new SerialNumber("has space"));
        assertThrows(IllegalArgumentException.class, () -> new SerialNumber("x".repeat(21)));
    }
}
