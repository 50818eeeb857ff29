package org.serialgen.generation.report;

import org.serialgen.gs1.DigitalLink;
import org.serialgen.gs1.ElementString;
import org.serialgen.gs1.EpcUrn;
import org.serialgen.gs1.Gtin;
import org.serialgen.gs1.SerialNumber;
import org.serialgen.gs1.Sgtin;
import org.serialgen.gs1.Sscc;

/**
 * Writes the identifier of each number of a report in one rendering: a serial as the SGTIN of the work order's GTIN,
 * an SSCC as itself.
 */
final class Identifiers {

    private final Rendering rendering;
    private final DigitalLink link;
    private final Gtin gtin;
    private final int gtinPrefixLength;

    /** {@code gtinPrefixLength}: the company prefix length of the GTIN, which only an SGTIN URN needs (else 0). */
    Identifiers(Rendering rendering, DigitalLink link, Gtin gtin, int gtinPrefixLength) {
        this.rendering = rendering;
        this.link = link;
        this.gtin = gtin;
        this.gtinPrefixLength = gtinPrefixLength;
    }

    /** For SGTINs of the work order's GTIN: an URN needs the GTIN's company prefix length (else 409). */
    static Identifiers ofSerials(Rendering rendering, DigitalLink link, IssuedNumbers issued) {
        Gtin gtin = new Gtin(issued.workOrder().gtin);
        return new Identifiers(rendering, link, gtin, rendering == Rendering.URN ? issued.companyPrefixLength() : 0);
    }

    static Identifiers ofSscc(Rendering rendering, DigitalLink link) {
        return new Identifiers(rendering, link, null, 0);
    }

    Gtin gtin() {
        return gtin;
    }

    String sgtin(String serial) {
        Sgtin sgtin = new Sgtin(gtin, new SerialNumber(serial));
        return switch (rendering) {
            case URN -> EpcUrn.of(sgtin, gtinPrefixLength);
            case DL -> link.of(sgtin);
            case ELEMENT -> ElementString.of(sgtin);
        };
    }

    /** {@code prefixLength}: the length of the company prefix of the SSCC's pool. */
    String sscc(String value, int prefixLength) {
        Sscc sscc = new Sscc(value);
        return switch (rendering) {
            case URN -> EpcUrn.of(sscc, prefixLength);
            case DL -> link.of(sscc);
            case ELEMENT -> ElementString.of(sscc);
        };
    }
}
