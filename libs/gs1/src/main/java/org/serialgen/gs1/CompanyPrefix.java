package org.serialgen.gs1;

/**
 * A GS1 Company Prefix: 6 to 12 digits (GS1 General Specifications §1.4.4). Its length decides where the company
 * part of a GTIN or SSCC ends, which the EPC URN forms need (EPC Tag Data Standard §6.3).
 */
public record CompanyPrefix(String value) {

    public CompanyPrefix {
        if (value == null || value.length() < 6 || value.length() > 12 || !CheckDigit.allDigits(value)) {
            throw new IllegalArgumentException("a GS1 company prefix has 6 to 12 digits: " + value);
        }
    }

    public int length() {
        return value.length();
    }

    @Override
    public String toString() {
        return value;
    }
}
