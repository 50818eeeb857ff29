package org.serialgen.generation.packing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.serialgen.events.ConfigDocument;
import org.serialgen.gs1.ElementString;
import org.serialgen.gs1.ElementString.Element;
import org.serialgen.gs1.EpcUrn;
import org.serialgen.gs1.Gs1Date;
import org.serialgen.gs1.Gtin;
import org.serialgen.gs1.SerialNumber;
import org.serialgen.gs1.Sgtin;
import org.serialgen.gs1.Sscc;

/**
 * A number of the packing hierarchy: an SSCC, or an SGTIN (GTIN and serial). Kept as its GS1 key — {@code 00} +
 * SSCC, or {@code 01} + GTIN-14 + {@code 21} + serial — and read from what a packing line sends: a bracketed element
 * string ({@code (00)…}, {@code (01)…(21)…}, or the pack code with {@code (17)} and {@code (10)}, which must then be
 * the work order's) or an EPC URN.
 */
record Gs1Key(String gtin, String serial, String sscc) {

    boolean isSscc() {
        return sscc != null;
    }

    String key() {
        return isSscc() ? "00" + sscc : "01" + gtin + "21" + serial;
    }

    /** The key as a bracketed element string, for messages and answers. */
    String text() {
        return isSscc() ? ElementString.of(new Sscc(sscc)) : ElementString.of(new Sgtin(new Gtin(gtin),
            new SerialNumber(serial)));
    }

    /** The key's EPC URN; the company prefix length comes from the configured prefixes (else 409 upstream). */
    Optional<String> urn(ConfigDocument config) {
        if (isSscc()) {
            return config.gs1CompanyPrefixes() == null ? Optional.empty() : config.gs1CompanyPrefixes().stream()
                .filter(prefix -> sscc.startsWith(prefix.prefix(), 1)).findFirst()
                .map(prefix -> EpcUrn.of(new Sscc(sscc), prefix.prefix().length()));
        }
        return config.prefixOf(gtin).map(prefix -> EpcUrn.of(new Sgtin(new Gtin(gtin), new SerialNumber(serial)),
            prefix.prefix().length()));
    }

    static Gs1Key ofKey(String key) {
        return key.startsWith("00") ? new Gs1Key(null, null, key.substring(2))
            : new Gs1Key(key.substring(2, 16), key.substring(18), null);
    }

    /**
     * {@code text} read, or why not; a pack code's lot and expiry must be the work order's ({@code lot},
     * {@code expiry}), since the pack is the work order's.
     */
    static Gs1Key parse(String text, String lot, LocalDate expiry) {
        if (text == null || text.isEmpty() || text.length() > 120) {
            throw new IllegalArgumentException("an element string or EPC URN of 1 to 120 characters");
        }
        if (text.startsWith("urn:epc:id:sscc:")) {
            return new Gs1Key(null, null, EpcUrn.parseSscc(text).value());
        }
        if (text.startsWith("urn:epc:id:sgtin:")) {
            Sgtin sgtin = EpcUrn.parseSgtin(text);
            return new Gs1Key(sgtin.gtin().value(), sgtin.serial().value(), null);
        }
        List<Element> elements = ElementString.parseBracketed(text);
        String gtin = null;
        String serial = null;
        String sscc = null;
        for (Element element : elements) {
            switch (element.ai()) {
                case SSCC -> sscc = new Sscc(element.value()).value();
                case GTIN -> gtin = Gtin.parse(element.value()).value();
                case SERIAL -> serial = new SerialNumber(element.value()).value();
                case BATCH_LOT -> {
                    if (!element.value().equals(lot)) {
                        throw new IllegalArgumentException("lot " + element.value() + " is not the work order's ("
                            + lot + ")");
                    }
                }
                case EXPIRY -> {
                    if (!element.value().equals(Gs1Date.format(expiry))) {
                        throw new IllegalArgumentException("expiry " + element.value() + " is not the work order's");
                    }
                }
                default -> throw new IllegalArgumentException("(" + element.ai().code() + ") names no pack");
            }
        }
        if (sscc != null && gtin == null && serial == null) {
            return new Gs1Key(null, null, sscc);
        }
        if (sscc == null && gtin != null && serial != null) {
            return new Gs1Key(gtin, serial, null);
        }
        throw new IllegalArgumentException("(00) alone, or (01) with (21)");
    }
}
