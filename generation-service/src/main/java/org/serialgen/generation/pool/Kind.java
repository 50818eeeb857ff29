package org.serialgen.generation.pool;

import org.serialgen.kit.persistence.Coded;
import org.serialgen.kit.persistence.CodedColumn;

import jakarta.persistence.Converter;

/**
 * What a work order is issued: serial numbers of its GTIN (SGTINs) or SSCCs of a company prefix. The URLs keep the
 * spec's spelling ({@code generate-serials}, {@code serials.csv}); everywhere else a kind is its code.
 */
public enum Kind implements Coded {

    SERIAL("serial", "serials"),
    SSCC("sscc", "SSCCs");

    private final String code;
    private final String plural;

    Kind(String code, String plural) {
        this.code = code;
        this.plural = plural;
    }

    @Override
    public String code() {
        return code;
    }

    /** The kind's numbers in a sentence: "serials", "SSCCs". */
    public String plural() {
        return plural;
    }

    /** The kind spelt {@code code}. */
    public static Kind of(String code) {
        return Coded.byCode(Kind.class, code).orElseThrow(() -> new IllegalArgumentException("no kind " + code));
    }

    @Converter(autoApply = true)
    public static final class Column extends CodedColumn<Kind> {
        public Column() {
            super(Kind.class);
        }
    }
}
