package org.serialgen.kit.configreplica;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many serials a work order needs: ceil(quantity × manufacturing_percentage / 100 × (1 + discrepancy_tolerance /
 * 100)), computed exactly in decimal so that 1 000 × 100 % × 1.05 is 1 050 and never 1 051. Shared: generation-service
 * issues this many, and aggregation-service can package the units they mark.
 */
public final class SerialDemand {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private SerialDemand() {
    }

    public static long serialsFor(long quantity, BigDecimal manufacturingPercentage, BigDecimal discrepancyTolerance) {
        BigDecimal serials = BigDecimal.valueOf(quantity)
            .multiply(manufacturingPercentage)
            .multiply(HUNDRED.add(discrepancyTolerance))
            .divide(HUNDRED.multiply(HUNDRED), 0, RoundingMode.CEILING);
        return serials.longValueExact();
    }
}
