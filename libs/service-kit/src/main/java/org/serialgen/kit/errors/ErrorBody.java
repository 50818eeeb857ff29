package org.serialgen.kit.errors;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The spec's one error body: {@code error}, {@code message}, then {@code details} or {@code code}, and the request id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(
    @JsonProperty("error") String error,
    @JsonProperty("message") String message,
    @JsonProperty("details") Map<String, List<String>> details,
    @JsonProperty("code") String code,
    @JsonProperty("request_id") String requestId) {
}
