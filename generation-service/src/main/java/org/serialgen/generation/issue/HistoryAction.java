package org.serialgen.generation.issue;

import jakarta.persistence.Converter;

import org.serialgen.generation.pool.Kind;
import org.serialgen.kit.persistence.Coded;
import org.serialgen.kit.persistence.CodedColumn;

/** The spec's history {@code action_type}. */
public enum HistoryAction implements Coded {

    SERIAL_GENERATION("serial_generation"),
    SSCC_GENERATION("sscc_generation"),
    BUNDLE_SERIAL_GENERATION("bundle_serial_generation"),
    CONFIG_UPDATE("config_update"),
    SERIAL_DECOMMISSIONING("serial_decommissioning"),
    SSCC_DECOMMISSIONING("sscc_decommissioning"),
    BUNDLE_SERIAL_DECOMMISSIONING("bundle_serial_decommissioning");

    private final String code;

    HistoryAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    static HistoryAction generationOf(Kind kind) {
        return switch (kind) {
            case SERIAL -> SERIAL_GENERATION;
            case SSCC -> SSCC_GENERATION;
            case BUNDLE -> BUNDLE_SERIAL_GENERATION;
        };
    }

    static HistoryAction decommissioningOf(Kind kind) {
        return switch (kind) {
            case SERIAL -> SERIAL_DECOMMISSIONING;
            case SSCC -> SSCC_DECOMMISSIONING;
            case BUNDLE -> BUNDLE_SERIAL_DECOMMISSIONING;
        };
    }

    /** The spec's history {@code action_status}. */
    public enum Status implements Coded {
        STARTED("started"),
        COMPLETED("completed"),
        FAILED("failed");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    @Converter(autoApply = true)
    public static final class Column extends CodedColumn<HistoryAction> {
        public Column() {
            super(HistoryAction.class);
        }
    }

    @Converter(autoApply = true)
    public static final class StatusColumn extends CodedColumn<Status> {
        public StatusColumn() {
            super(Status.class);
        }
    }
}
