package org.serialgen.kit.configreplica;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class SerialDemandTest {

    @Test
    void roundsUpExactlyAndNeverAddsOneForBinaryFractions() {
        assertEquals(1_050, SerialDemand.serialsFor(1_000, new BigDecimal("100.00"), new BigDecimal("5.00")));
        assertEquals(525, SerialDemand.serialsFor(1_000, new BigDecimal("50"), new BigDecimal("5")));
        assertEquals(1_001, SerialDemand.serialsFor(1_000, new BigDecimal("100"), new BigDecimal("0.01")));
        assertEquals(11_719, SerialDemand.serialsFor(12_345, new BigDecimal("94.9"), new BigDecimal("0.03")));
        assertEquals(0, SerialDemand.serialsFor(1_000, BigDecimal.ZERO, new BigDecimal("5")));
    }
}
