package org.serialgen.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class IdentifierPropertiesTest {

    @Provide
    Arbitrary<Gtin> gtins() {
        return Arbitraries.strings().numeric().ofLength(13).map(body -> new Gtin(body + CheckDigit.compute(body)));
    }

    @Provide
    Arbitrary<SerialNumber> serials() {
        return Arbitraries.strings().withChars(CharacterSet82.CHARACTERS.toCharArray()).ofMinLength(1).ofMaxLength(20)
            .map(SerialNumber::new);
    }

    @Provide
    Arbitrary<Sscc> ssccs() {
        return Arbitraries.strings().numeric().ofLength(17).map(body -> new Sscc(body + CheckDigit.compute(body)));
    }

    @Provide
    Arbitrary<Sgtin> sgtins() {
        return Combinators.combine(gtins(), serials()).as(Sgtin::new);
    }

    @Property
    void everyRenderingOfAnSgtinParsesBack(@ForAll("sgtins") Sgtin sgtin, @ForAll @IntRange(min = 6, max = 12) int cpl) {
        assertEquals(sgtin, ElementString.parseSgtin(ElementString.of(sgtin)));
        assertEquals(sgtin, EpcUrn.parseSgtin(EpcUrn.of(sgtin, cpl)));
        assertEquals(sgtin, DigitalLink.parseSgtin(DigitalLink.gs1().of(sgtin)));
    }

    @Property
    void everyRenderingOfAnSsccParsesBack(@ForAll("ssccs") Sscc sscc, @ForAll @IntRange(min = 6, max = 12) int cpl) {
        assertEquals(sscc, ElementString.parseSscc(ElementString.of(sscc)));
        assertEquals(sscc, EpcUrn.parseSscc(EpcUrn.of(sscc, cpl)));
        assertEquals(sscc, DigitalLink.parseSscc(DigitalLink.gs1().of(sscc)));
    }

    @Property
    void everySingleDigitErrorIsDetected(@ForAll("ssccs") Sscc sscc, @ForAll @IntRange(min = 0, max = 17) int position,
                                         @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] digits = sscc.value().toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
        assertFalse(CheckDigit.isValid(new String(digits)));
    }

    @Property
    void everySingleDigitErrorInAGtinIsDetected(@ForAll("gtins") Gtin gtin, @ForAll @IntRange(min = 0, max = 13) int position,
                                                @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] digits = gtin.value().toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);
        assertFalse(Gtin.problem(new String(digits)).isEmpty());
    }
}
