package org.serialgen.erpsync.intake;

import jakarta.persistence.Converter;

import org.serialgen.kit.persistence.Coded;
import org.serialgen.kit.persistence.CodedColumn;

/** Where a failed record stands. */
public enum FailedRecordStatus implements Coded {

    OPEN("open"),
    /** A retry found it valid (fetched again from the ERP, or as it was) and took it. */
    RESOLVED("resolved"),
    /** Someone decided it needs nothing more, and said why. */
    DISMISSED("dismissed");

    private final String code;

    FailedRecordStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Converter(autoApply = true)
    public static final class Column extends CodedColumn<FailedRecordStatus> {
        public Column() {
            super(FailedRecordStatus.class);
        }
    }
}
