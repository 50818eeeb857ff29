package org.serialgen.generation.workorder;

import jakarta.persistence.Converter;

import org.serialgen.events.WorkOrderSynced;
import org.serialgen.kit.persistence.Coded;
import org.serialgen.kit.persistence.CodedColumn;

/** Where a work order comes from: the spec's {@code wo_source}. */
public enum Origin implements Coded {

    /** From the ERP, through erp-sync-service; it changes in the ERP. */
    ERP(WorkOrderSynced.ERP),
    /** Entered on the work-order form here; it changes here until its generation starts. */
    MANUAL(WorkOrderSynced.MANUAL);

    private final String code;

    Origin(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The origin a {@link WorkOrderSynced#source()} names. */
    public static Origin of(String code) {
        return Coded.byCode(Origin.class, code).orElseThrow(() -> new IllegalArgumentException("no origin " + code));
    }

    @Converter(autoApply = true)
    public static final class Column extends CodedColumn<Origin> {
        public Column() {
            super(Origin.class);
        }
    }
}
