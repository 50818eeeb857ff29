package org.serialgen.generation.workorder;

import jakarta.persistence.Converter;

import org.serialgen.kit.persistence.Coded;
import org.serialgen.kit.persistence.CodedColumn;

/** Where a work order's serials (or its SSCCs) stand: the spec's {@code *_generation_status}. */
public enum GenerationStatus implements Coded {

    PENDING("pending"),
    IN_PROGRESS("in_progress"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String code;

    GenerationStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @Converter(autoApply = true)
    public static final class Column extends CodedColumn<GenerationStatus> {
        public Column() {
            super(GenerationStatus.class);
        }
    }
}
