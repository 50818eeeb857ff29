package org.serialgen.kit.csv;

/** CSV as RFC 4180 writes it: the one way the suite's exports write a field. */
public final class Csv {

    private Csv() {
    }

    /** A field holding a comma, a quote or a line break is quoted, its quotes doubled; a null is empty. */
    public static StringBuilder field(StringBuilder out, String field) {
        if (field == null) {
            return out;
        }
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return out.append(field);
        }
        return out.append('"').append(field.replace("\"", "\"\"")).append('"');
    }

    /**
     * Text from the ERP, a form or a token, made safe for a spreadsheet: a leading = + - @ would be read as a formula
     * (CSV injection, OWASP), so such a field is prefixed with an apostrophe. (Numbers the suite made — serials,
     * SSCCs — are written with {@link #field}: they are data, and a serial may begin with a minus.)
     */
    public static StringBuilder text(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        boolean formula = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
        return field(out, formula ? "'" + value : value);
    }
}
