package org.serialgen.erpsync.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.serialgen.events.ErpWorkOrder;
import org.serialgen.events.WorkOrderRules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An ERP record, read strictly and then checked by the suite's one set of work-order rules: text fields are JSON
 * strings (a GTIN sent as a number has lost its leading zeros), the quantity a JSON integer (never {@code 1.5}, never
 * {@code "12"}), {@code changed_at} (pulled records) an instant. Every problem is reported under its field.
 */
public final class ErpRecordReader {

    static final List<String> TEXT_FIELDS = List.of("wo_id", "wo_name", "gtin", "lot", "expiry");

    /** A record that passed, or every field's problems (and the wo_id, where it could be read). */
    public record Read(WorkOrderRules.Valid valid, Instant changedAt, String woId, Map<String, List<String>> problems) {

        public boolean ok() {
            return valid != null;
        }
    }

    private ErpRecordReader() {
    }

    /**
     * @param pulled        whether the record came from the pull (it must then say when it changed)
     * @param earliestExpiry the earliest expiry accepted: today, or earlier by the configured grace
     */
    public static Read read(JsonNode record, boolean pulled, LocalDate earliestExpiry) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (record == null || !record.isObject()) {
            problems.put("record", List.of("Not a JSON object"));
            return new Read(null, null, null, problems);
        }
        String[] texts = new String[TEXT_FIELDS.size()];
        for (int i = 0; i < texts.length; i++) {
            JsonNode value = record.get(TEXT_FIELDS.get(i));
            if (value != null && !value.isNull() && !value.isTextual()) {
                add(problems, TEXT_FIELDS.get(i), "Must be a string");
            } else {
                texts[i] = value == null || value.isNull() ? null : value.asText();
            }
        }
        Long quantity = null;
        JsonNode quantityNode = record.get("quantity");
        if (quantityNode != null && !quantityNode.isNull()) {
            if (quantityNode.isIntegralNumber() && quantityNode.canConvertToLong()) {
                quantity = quantityNode.asLong();
            } else {
                add(problems, "quantity", "Must be a whole number (not text, not a fraction)");
            }
        }
        Instant changedAt = null;
        if (pulled) {
            JsonNode changed = record.get("changed_at");
            try {
                changedAt = changed != null && changed.isTextual() ? Instant.parse(changed.asText()) : null;
            } catch (DateTimeParseException e) {
                changedAt = null;
            }
            if (changedAt == null) {
                add(problems, "changed_at", "Must be an ISO-8601 instant, e.g. 2026-12-01T10:15:30Z");
            }
        }
        WorkOrderRules.Outcome outcome = WorkOrderRules.check(new ErpWorkOrder(texts[0], texts[1], texts[2], texts[3],
            texts[4], quantity), earliestExpiry);
        if (outcome.problems() != null) {
            outcome.problems().forEach((field, list) -> {
                // a field whose type was wrong is reported once, for its type
                if (!problems.containsKey(field) && !(field.equals("quantity") && quantityNode != null
                    && !quantityNode.isNull() && problems.containsKey("quantity"))) {
                    list.forEach(problem -> add(problems, field, problem));
                }
            });
        }
        String woId = texts[0] == null ? null : texts[0].strip();
        if (!problems.isEmpty()) {
            return new Read(null, changedAt, woId, problems);
        }
        return new Read(outcome.valid(), changedAt, outcome.valid().woId(), problems);
    }

    private static void add(Map<String, List<String>> problems, String field, String problem) {
        problems.computeIfAbsent(field, k -> new ArrayList<>()).add(problem);
    }
}
