package org.serialgen.generation.pool;

import org.serialgen.kit.persistence.Coded;
import org.serialgen.kit.persistence.CodedColumn;

import jakarta.persistence.Converter;

/**
 * What a work order is issued: serial numbers of its GTIN (SGTINs), SSCCs of a company prefix, or bundle serials —
 * SGTINs of the GTINs of its packaging's trade-item levels above the item (a bundle, a shelf pack). The URLs keep the
 * spec's spelling ({@code generate-serials}, {@code serials.csv}); everywhere else a kind is its code. A kind is also
 * what a task issues; a pool is of kind serial (per GTIN, bundles' GTINs too) or sscc.
 */
public enum Kind implements Coded {

    SERIAL("serial", "serials"),
    SSCC("sscc", "SSCCs"),
    BUNDLE("bundle", "bundle serials");

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

    /** The kind of pool the numbers come from: a bundle's serials from its own GTIN's serial pool. */
    public Kind pool() {
        return this == BUNDLE ? SERIAL : this;
    }

    /** Trade items (SGTINs: a GTIN and a serial), as opposed to logistic units (SSCCs). */
    public boolean tradeItem() {
        return this != SSCC;
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
