package org.serialgen.generation.report;

import java.time.LocalDate;
import java.util.List;

import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.gs1.Ai;
import org.serialgen.gs1.DigitalLink;
import org.serialgen.gs1.ElementString.Element;
import org.serialgen.gs1.PackCode;
import org.serialgen.gs1.ElementString;
import org.serialgen.gs1.EpcUrn;
import org.serialgen.gs1.Gtin;
import org.serialgen.gs1.SerialNumber;
import org.serialgen.gs1.Sgtin;
import org.serialgen.gs1.Sscc;

/**
 * Writes the identifier of each number of a report in one rendering: a serial as the SGTIN of the work order's GTIN
 * (or, as a pack code, with the work order's lot and expiry), an SSCC as itself.
 */
final class Identifiers {

    private final Rendering rendering;
    private final DigitalLink link;
    private final Gtin gtin;
    private final int gtinPrefixLength;
    private final String lot;
    private final LocalDate expiry;

    /**
     * {@code gtinPrefixLength}: the company prefix length of the GTIN, which only an SGTIN URN needs (else 0);
     * {@code lot} and {@code expiry}: the work order's, which pack codes carry.
     */
    Identifiers(Rendering rendering, DigitalLink link, Gtin gtin, int gtinPrefixLength, String lot, LocalDate expiry) {
        this.rendering = rendering;
        this.link = link;
        this.gtin = gtin;
        this.gtinPrefixLength = gtinPrefixLength;
        this.lot = lot;
        this.expiry = expiry;
    }

    /** For SGTINs of the work order's GTIN: an URN needs the GTIN's company prefix length (else 409). */
    static Identifiers ofSerials(Rendering rendering, DigitalLink link, IssuedNumbers issued) {
        WorkOrder wo = issued.workOrder();
        return new Identifiers(rendering, link, new Gtin(wo.gtin),
            rendering == Rendering.URN ? issued.companyPrefixLength() : 0, wo.lot, wo.expiry);
    }

    static Identifiers ofSscc(Rendering rendering, DigitalLink link) {
        return new Identifiers(rendering, link, null, 0, null, null);
    }

    Gtin gtin() {
        return gtin;
    }

    String sgtin(String serial) {
        SerialNumber number = new SerialNumber(serial);
        return switch (rendering) {
            case URN -> EpcUrn.of(new Sgtin(gtin, number), gtinPrefixLength);
            case ELEMENT -> ElementString.of(new Sgtin(gtin, number));
            case DL -> link.of(pack(number));
            case PACK -> pack(number).bracketed();
            case SCAN -> pack(number).scanData();
            case HRI -> pack(number).humanReadable();
        };
    }

    private PackCode pack(SerialNumber serial) {
        return new PackCode(gtin, expiry, lot, serial);
    }

    /** {@code prefixLength}: the length of the company prefix of the SSCC's pool. */
    String sscc(String value, int prefixLength) {
        Sscc sscc = new Sscc(value);
        List<Element> element = List.of(new Element(Ai.SSCC, value));
        return switch (rendering) {
            case URN -> EpcUrn.of(sscc, prefixLength);
            case DL -> link.of(sscc);
            case ELEMENT, PACK -> ElementString.of(sscc);
            case SCAN -> ElementString.scanData(element);
            case HRI -> ElementString.humanReadable(element);
        };
    }
}
