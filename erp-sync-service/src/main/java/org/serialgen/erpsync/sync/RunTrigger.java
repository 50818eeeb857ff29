package org.serialgen.erpsync.sync;

import jakarta.persistence.Converter;

import org.serialgen.kit.persistence.Coded;
import org.serialgen.kit.persistence.CodedColumn;

/** What started a run. */
public enum RunTrigger implements Coded {

    SCHEDULE("schedule"),
    /** Someone asked for it (its {@code triggered_by}). */
    USER("user"),
    /** The ERP pushed records over Kafka: one run per hour of pushes. */
    PUSH("push");

    private final String code;

    RunTrigger(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Converter(autoApply = true)
    public static final class Column extends CodedColumn<RunTrigger> {
        public Column() {
            super(RunTrigger.class);
        }
    }
}
