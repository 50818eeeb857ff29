package org.serialgen.gs1;

import java.time.LocalDate;
import java.util.List;

import org.serialgen.gs1.ElementString.Element;

/**
 * What a serialised pack carries in its GS1 DataMatrix (the EU FMD's unique identifier): GTIN (01), expiry (17),
 * batch/lot (10) and serial (21), in that order — fixed-length AIs first, the serial last so that only the lot needs
 * a separator.
 */
public record PackCode(Gtin gtin, LocalDate expiry, String lot, SerialNumber serial) {

    public PackCode {
        if (lot == null || !Ai.BATCH_LOT.accepts(lot)) {
            throw new IllegalArgumentException("a batch/lot number has 1 to 20 characters of GS1 character set 82");
        }
    }

    public List<Element> elements() {
        return List.of(new Element(Ai.GTIN, gtin.value()), new Element(Ai.EXPIRY, Gs1Date.format(expiry)),
            new Element(Ai.BATCH_LOT, lot), new Element(Ai.SERIAL, serial.value()));
    }

    // written directly rather than through elements(): a report writes millions, and the fields are valid already

    /** {@code (01)…(17)…(10)…(21)…}, a literal {@code (} written {@code \(}. */
    public String bracketed() {
        return "(01)" + gtin.value() + "(17)" + Gs1Date.format(expiry) + "(10)" + ElementString.escaped(lot) + "(21)"
            + ElementString.escaped(serial.value());
    }

    /** What the DataMatrix encodes after its leading FNC1, GS after the lot. */
    public String scanData() {
        return "01" + gtin.value() + "17" + Gs1Date.format(expiry) + "10" + lot + ElementString.GS + "21"
            + serial.value();
    }

    /** The text printed beside the symbol. */
    public String humanReadable() {
        return "(01) " + gtin.value() + " (17) " + Gs1Date.format(expiry) + " (10) " + lot + " (21) " + serial.value();
    }

    /** The Digital Link with the lot in the path and the expiry as a data attribute. */
    public String digitalLink(DigitalLink link) {
        return link.of(this);
    }

    /** A pack code read back from scan data; {@code currentYear} places the expiry's century. */
    public static PackCode parseScanData(String data, int currentYear) {
        List<Element> elements = ElementString.parseScanData(data);
        if (elements.size() != 4 || elements.get(0).ai() != Ai.GTIN || elements.get(1).ai() != Ai.EXPIRY
            || elements.get(2).ai() != Ai.BATCH_LOT || elements.get(3).ai() != Ai.SERIAL) {
            throw new IllegalArgumentException("not 01…17…10…21…: " + data);
        }
        return new PackCode(new Gtin(elements.get(0).value()), Gs1Date.parse(elements.get(1).value(), currentYear),
            elements.get(2).value(), new SerialNumber(elements.get(3).value()));
    }
}
