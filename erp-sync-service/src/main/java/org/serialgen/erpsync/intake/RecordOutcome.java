package org.serialgen.erpsync.intake;

import org.serialgen.kit.persistence.Coded;

/** What the intake did with one ERP record. */
public enum RecordOutcome implements Coded {

    /** A new work order, forwarded to the suite. */
    CREATED("created"),
    /** A change of a known one, forwarded with the next revision. */
    UPDATED("updated"),
    /** Nothing new (the same content, or older than what was stored): nothing forwarded. */
    UNCHANGED("unchanged"),
    /** It breaks the rules: kept as a failed record with its reasons, never forwarded. */
    FAILED("failed"),
    /** An override holds: the ERP's new values are kept beside it, the override's are what the suite has. */
    SKIPPED_BY_OVERRIDE("skipped_by_override"),
    /** A manual work order has its wo_id: forwarded so that the suite shows it on that work order, never applied. */
    CONFLICT("conflict");

    private final String code;

    RecordOutcome(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
