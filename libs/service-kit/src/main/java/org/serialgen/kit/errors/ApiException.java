package org.serialgen.kit.errors;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller caused and can act on; {@link ErrorMappers} turns it into its status and error body. The
 * subclasses are the only kinds a service throws on purpose.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String error;

    protected ApiException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Map<String, List<String>> details() {
        return null;
    }

    public String code() {
        return null;
    }

    /** The resource as it is now, for answers that should help the caller retry. */
    public Object current() {
        return null;
    }

    /** In how many seconds the caller may try again (the Retry-After header), or null. */
    public Long retryAfterSeconds() {
        return null;
    }

    /** 400: input that breaks a rule; {@code details} names each field and what is wrong with it. */
    public static final class Validation extends ApiException {
        private final Map<String, List<String>> details;

        public Validation(Map<String, List<String>> details) {
            this("Invalid input data", details);
        }

        public Validation(String message, Map<String, List<String>> details) {
            super(400, "validation_error", message);
            this.details = Map.copyOf(details);
        }

        public static Validation of(String field, String problem) {
            return new Validation(Map.of(field, List.of(problem)));
        }

        @Override
        public Map<String, List<String>> details() {
            return details;
        }
    }

    /** 404 with a machine-readable code such as {@code WO_NOT_FOUND}. */
    public static final class NotFound extends ApiException {
        private final String code;

        public NotFound(String code, String message) {
            super(404, "not_found", message);
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** 409: the request is valid but the resource's state does not allow it (stale version, wrong status). */
    public static final class Conflict extends ApiException {
        private final String code;
        private final Object current;

        public Conflict(String code, String message) {
            this(code, message, null);
        }

        public Conflict(String code, String message, Object current) {
            super(409, "conflict", message);
            this.code = code;
            this.current = current;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public Object current() {
            return current;
        }
    }

    /** 422: the request is well formed but contradicts an earlier one it claims to repeat (an Idempotency-Key). */
    public static final class Unprocessable extends ApiException {
        private final String code;

        public Unprocessable(String code, String message) {
            super(422, "unprocessable", message);
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** 428: a write that must say which version it edited (If-Match or {@code version}) did not. */
    public static final class PreconditionRequired extends ApiException {
        private final String code;

        public PreconditionRequired(String code, String message) {
            super(428, "precondition_required", message);
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** 401 for credentials that do not check out (a bad token is handled by the security layer itself). */
    public static final class Unauthenticated extends ApiException {
        private final String code;

        public Unauthenticated(String code, String message) {
            super(401, "unauthorized", message);
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** 413: a body larger than the operation takes, found while it was being read. */
    public static final class TooLarge extends ApiException {

        public TooLarge(String message) {
            super(413, "payload_too_large", message);
        }

        @Override
        public String code() {
            return "PAYLOAD_TOO_LARGE";
        }
    }

    /** 429: too many attempts (failed sign-ins); try again after {@link #retryAfterSeconds()}. */
    public static final class TooManyRequests extends ApiException {
        private final String code;
        private final long retryAfter;

        public TooManyRequests(String code, String message, long retryAfterSeconds) {
            super(429, "too_many_requests", message);
            this.code = code;
            this.retryAfter = retryAfterSeconds;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public Long retryAfterSeconds() {
            return retryAfter;
        }
    }

    /** 503: a service this one depends on cannot be reached right now; the request may be retried. */
    public static final class Unavailable extends ApiException {
        private final String code;

        public Unavailable(String code, String message) {
            super(503, "service_unavailable", message);
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }
}
