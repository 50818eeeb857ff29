package org.serialgen.gs1;

/** A serialised trade item: a GTIN and a serial number (AI 01 + AI 21). */
public record Sgtin(Gtin gtin, SerialNumber serial) {
}
