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

    /** The longest message or detail an answer carries: what names the problem, not a copy of the input. */
    static final int MAX_TEXT = 500;
    /** The most fields, and messages per field, an answer names; a note says how many more there were. */
    static final int MAX_FIELDS = 100;
    static final int MAX_PER_FIELD = 10;

    public ErrorBody(String error, String message, Map<String, List<String>> details, String code, String requestId) {
        this(error, message, details, code, requestId, null);
    }

    /**
     * The same body within bounds (a 200 KB body once answered 9 MB of details): texts cut at {@link #MAX_TEXT}
     * characters, at most {@link #MAX_FIELDS} fields of at most {@link #MAX_PER_FIELD} messages, the rest counted.
     */
    public ErrorBody bounded() {
        Map<String, List<String>> kept = null;
        if (details != null) {
            kept = new java.util.LinkedHashMap<>();
            int fields = 0;
            for (Map.Entry<String, List<String>> field : details.entrySet()) {
                if (++fields > MAX_FIELDS) {
                    kept.put("more_fields", List.of((details.size() - MAX_FIELDS) + " more fields with problems"));
                    break;
                }
                List<String> messages = field.getValue() == null ? List.of() : field.getValue();
                List<String> cut = new java.util.ArrayList<>(Math.min(messages.size(), MAX_PER_FIELD + 1));
                messages.stream().limit(MAX_PER_FIELD).map(ErrorBody::cut).forEach(cut::add);
                if (messages.size() > MAX_PER_FIELD) {
                    cut.add((messages.size() - MAX_PER_FIELD) + " more problems");
                }
                kept.put(cut(field.getKey()), cut);
            }
        }
        return new ErrorBody(error, cut(message), kept, code, requestId, current);
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
