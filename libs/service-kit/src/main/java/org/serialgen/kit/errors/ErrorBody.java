package org.serialgen.kit.errors;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The spec's one error body: {@code error}, {@code message}, then {@code details} or {@code code}, and the request id.
 * {@code current} is set where the answer helps to retry: a 409 for a stale edit carries the current resource.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(
    @JsonProperty("error") String error,
    @JsonProperty("message") String message,
    @JsonProperty("details") Map<String, List<String>> details,
    @JsonProperty("code") String code,
    @JsonProperty("request_id") String requestId,
    @JsonProperty("current") Object current) {

    public ErrorBody(String error, String message, Map<String, List<String>> details, String code, String requestId) {
        this(error, message, details, code, requestId, null);
    }
}
