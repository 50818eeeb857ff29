package org.serialgen.erpsync.sync;

import jakarta.persistence.Converter;

import org.serialgen.kit.persistence.Coded;
import org.serialgen.kit.persistence.CodedColumn;

/** Where a run stands. */
public enum RunStatus implements Coded {

    RUNNING("running"),
    SUCCEEDED("succeeded"),
    /** The ERP failed it (its failure class says how); what was stored before stays. */
    FAILED("failed"),
    /** Its replica went away; another took the lease and started anew from the high-water mark. */
    ABANDONED("abandoned");

    private final String code;

    RunStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Converter(autoApply = true)
    public static final class Column extends CodedColumn<RunStatus> {
        public Column() {
            super(RunStatus.class);
        }
    }
}
