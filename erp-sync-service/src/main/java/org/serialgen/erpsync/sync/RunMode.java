package org.serialgen.erpsync.sync;

import jakarta.persistence.Converter;

import org.serialgen.kit.persistence.Coded;
import org.serialgen.kit.persistence.CodedColumn;

/** What a run reads. */
public enum RunMode implements Coded {

    /** Everything changed since the high-water mark, page by page. */
    CHANGED_SINCE("changed_since"),
    /** The work orders asked for, one by one. */
    BY_IDS("by_ids"),
    /** What the ERP pushed. */
    PUSH("push");

    private final String code;

    RunMode(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Converter(autoApply = true)
    public static final class Column extends CodedColumn<RunMode> {
        public Column() {
            super(RunMode.class);
        }
    }
}
