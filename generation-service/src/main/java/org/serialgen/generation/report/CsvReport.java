package org.serialgen.generation.report;

import org.serialgen.generation.pool.Kind;
import org.serialgen.kit.csv.Csv;

import io.vertx.core.buffer.Buffer;

/**
 * A report as CSV (RFC 4180): serials and bundle serials as {@code gtin,serial,identifier}, SSCCs as
 * {@code sscc,identifier}, a chunk of numbers to a chunk of lines.
 */
public final class CsvReport {

    private final Kind kind;
    private final Identifiers identifiers;

    CsvReport(Kind kind, Identifiers identifiers) {
        this.kind = kind;
        this.identifiers = identifiers;
    }

    Buffer header() {
        return Buffer.buffer(kind.tradeItem() ? "gtin,serial,identifier\n" : "sscc,identifier\n");
    }

    Buffer lines(NumberChunk chunk) {
        StringBuilder out = new StringBuilder(chunk.count() * 64);
        for (int i = 0; i < chunk.count(); i++) {
            String value = chunk.values()[i];
            if (kind.tradeItem()) {
                out.append(identifiers.gtin(chunk.pool()).value()).append(',');
                Csv.field(out, value).append(',');
                Csv.field(out, identifiers.sgtin(chunk.pool(), value)).append('\n');
            } else {
                out.append(value).append(',')
                    .append(identifiers.sscc(value, chunk.pool().companyPrefix.length())).append('\n');
            }
        }
        return Buffer.buffer(out.toString());
    }
}
