package org.serialgen.erpsync.connector;

import org.serialgen.kit.persistence.Coded;

/** A call to the ERP that did not give what was asked, classified so a run and the status can say why. */
public final class ErpFailure extends RuntimeException {

    /** Why the ERP did not deliver. */
    public enum Kind implements Coded {
        /** The ERP refused the token (401, 403). */
        UNAUTHORIZED("unauthorized"),
        /** No connection (refused, unknown host, or the breaker open after repeated failures). */
        UNREACHABLE("unreachable"),
        /** No answer in time. */
        TIMEOUT("timeout"),
        /** The ERP failed (5xx, 429, or another answer it should not give). */
        SERVER_ERROR("server_error"),
        /** An answer that is not a page of work orders. */
        MALFORMED_PAGE("malformed_page"),
        /** A record that breaks the rules (kept as a failed record; the run goes on). */
        INVALID_RECORD("invalid_record");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        /** What may pass on a second try. */
        boolean mayPassOnRetry() {
            return this == UNREACHABLE || this == TIMEOUT || this == SERVER_ERROR;
        }
    }

    private final Kind kind;

    public ErpFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
