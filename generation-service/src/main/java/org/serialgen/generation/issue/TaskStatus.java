package org.serialgen.generation.issue;

import java.util.List;

import jakarta.persistence.Converter;

import org.serialgen.kit.persistence.Coded;
import org.serialgen.kit.persistence.CodedColumn;

/** Where a generation task stands. */
public enum TaskStatus implements Coded {

    /** Accepted; the spec's answer to a generate request says so. */
    INITIATED("initiated"),
    /** Waiting for its numbers from an external source. */
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    FAILED("failed");

    /** Tasks still waiting for their numbers. */
    public static final List<TaskStatus> OPEN = List.of(INITIATED, IN_PROGRESS);

    private final String code;

    TaskStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public boolean open() {
        return OPEN.contains(this);
    }

    @Converter(autoApply = true)
    public static final class Column extends CodedColumn<TaskStatus> {
        public Column() {
            super(TaskStatus.class);
        }
    }
}
