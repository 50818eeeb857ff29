package org.serialgen.gs1;

import java.util.ArrayList;
import java.util.List;

/**
 * GS1 element strings (GS1 General Specifications §3.2, §7.8): AIs and their data in three forms.
 * <ul>
 *   <li>bracketed, {@code (01)…(21)…}: each AI in parentheses; a literal {@code (} in data is written {@code \(}
 *       (GS1 Barcode Syntax Resource), so that a serial holding {@code (P)} does not read as AI "P";</li>
 *   <li>scan data, as a barcode carries it after its leading FNC1: AIs and data run together, a variable-length AI
 *       that is not last ended by {@link #GS} (FNC1 in the symbol);</li>
 *   <li>human-readable interpretation, {@code (01) 0950… (17) 280630}: for people, the data as it is.</li>
 * </ul>
 */
public final class ElementString {

    /** The group separator that stands for FNC1 in transmitted data. */
    public static final char GS = '\u001d';

    /** One AI and its data. */
    public record Element(Ai ai, String value) {
        public Element {
            if (!ai.accepts(value)) {
                throw new IllegalArgumentException("AI (" + ai.code() + ") cannot carry \"" + value + "\"");
            }
        }
    }

    private ElementString() {
    }

    // a report writes millions of these: the identifiers are valid already, so no elements are built for them
    public static String of(Sgtin sgtin) {
        return "(01)" + sgtin.gtin().value() + "(21)" + escaped(sgtin.serial().value());
    }

    public static String of(Sscc sscc) {
        return "(00)" + sscc.value();
    }

    public static String bracketed(List<Element> elements) {
        StringBuilder out = new StringBuilder();
        for (Element element : elements) {
            out.append('(').append(element.ai().code()).append(')').append(escaped(element.value()));
        }
        return out.toString();
    }

    /** Data as the bracketed form writes it: a literal {@code (} as {@code \(}. */
    static String escaped(String value) {
        return value.indexOf('(') < 0 ? value : value.replace("(", "\\(");
    }

    public static String scanData(List<Element> elements) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < elements.size(); i++) {
            Element element = elements.get(i);
            out.append(element.ai().code()).append(element.value());
            if (!element.ai().fixed() && i < elements.size() - 1) {
                out.append(GS);
            }
        }
        return out.toString();
    }

    public static String humanReadable(List<Element> elements) {
        StringBuilder out = new StringBuilder();
        for (Element element : elements) {
            out.append(out.isEmpty() ? "" : " ").append('(').append(element.ai().code()).append(") ")
                .append(element.value());
        }
        return out.toString();
    }

    /** Reads a bracketed element string of the AIs the suite knows; {@code \(} is a literal parenthesis. */
    public static List<Element> parseBracketed(String text) {
        List<Element> elements = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int close = text.indexOf(')', at);
            if (text.charAt(at) != '(' || close < 0) {
                throw new IllegalArgumentException("an AI in parentheses expected at " + at + ": " + text);
            }
            Ai ai = Ai.of(text.substring(at + 1, close))
                .orElseThrow(() -> new IllegalArgumentException("unknown AI in " + text));
            StringBuilder value = new StringBuilder();
            at = close + 1;
            while (at < text.length() && text.charAt(at) != '(') {
                if (text.charAt(at) == '\\' && at + 1 < text.length() && text.charAt(at + 1) == '(') {
                    at++;
                }
                value.append(text.charAt(at++));
            }
            elements.add(new Element(ai, value.toString()));
        }
        return elements;
    }

    /** Reads scan data (without a symbology identifier): fixed-length AIs by their length, others up to GS or end. */
    public static List<Element> parseScanData(String data) {
        List<Element> elements = new ArrayList<>();
        int at = 0;
        while (at < data.length()) {
            Ai ai = Ai.of(data.substring(at, Math.min(at + 2, data.length())))
                .orElseThrow(() -> new IllegalArgumentException("unknown AI in " + data));
            at += 2;
            int end = ai.fixed() ? at + ai.length() : data.indexOf(GS, at) < 0 ? data.length() : data.indexOf(GS, at);
            if (end > data.length()) {
                throw new IllegalArgumentException("AI (" + ai.code() + ") cut short: " + data);
            }
            elements.add(new Element(ai, data.substring(at, end)));
            at = end < data.length() && data.charAt(end) == GS ? end + 1 : end;
        }
        return elements;
    }

    public static Sgtin parseSgtin(String text) {
        List<Element> elements = parseBracketed(text);
        if (elements.size() != 2 || elements.get(0).ai() != Ai.GTIN || elements.get(1).ai() != Ai.SERIAL) {
            throw new IllegalArgumentException("not (01)<GTIN-14>(21)<serial>: " + text);
        }
        return new Sgtin(new Gtin(elements.get(0).value()), new SerialNumber(elements.get(1).value()));
    }

    public static Sscc parseSscc(String text) {
        List<Element> elements = parseBracketed(text);
        if (elements.size() != 1 || elements.get(0).ai() != Ai.SSCC) {
            throw new IllegalArgumentException("not (00)<SSCC>: " + text);
        }
        return new Sscc(elements.get(0).value());
    }
}
