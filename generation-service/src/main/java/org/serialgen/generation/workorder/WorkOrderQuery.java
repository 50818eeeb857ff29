package org.serialgen.generation.workorder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.serialgen.kit.persistence.Coded;

/**
 * What the work-order list (and its CSV export) selects: a status either generation is in, an origin, text a work
 * order's wo_id, name, GTIN or lot contains (lower-cased), a range of creation days (UTC, both ends included: from
 * {@code createdFrom}, before {@code createdBefore}), and the ordering.
 */
public record WorkOrderQuery(GenerationStatus status, Origin origin, String search, Instant createdFrom,
                             Instant createdBefore, Ordering ordering, boolean descending) {

    /** What {@code ordering} may name, and the field behind each. */
    public enum Ordering implements Coded {
        ID("id", "id"),
        WO_ID("wo_id", "woId"),
        WO_NAME("wo_name", "woName"),
        CREATED_AT("created_at", "createdAt"),
        UPDATED_AT("updated_at", "updatedAt"),
        QUANTITY("quantity", "quantity"),
        TOTAL_REQUESTED_SERIALS("total_requested_serials", "serials.requested"),
        TOTAL_REQUESTED_SSCC("total_requested_sscc", "sscc.requested");

        private final String code;
        private final String field;

        Ordering(String code, String field) {
            this.code = code;
            this.field = field;
        }

        @Override
        public String code() {
            return code;
        }

        String field() {
            return field;
        }
    }

    /**
     * The query the list's parameters ask for. A parameter that names nothing known is added to {@code problems}
     * (the caller answers them together with its own, as one 400) and left out of the query.
     */
    public static WorkOrderQuery parse(String status, String source, String search, String createdFrom,
                                       String createdTo, String ordering, Map<String, List<String>> problems) {
        Optional<GenerationStatus> byStatus = status == null ? Optional.empty()
            : Coded.byCode(GenerationStatus.class, status);
        if (status != null && byStatus.isEmpty()) {
            problems.put("status", List.of("Must be one of " + codes(GenerationStatus.values())));
        }
        Optional<Origin> byOrigin = source == null ? Optional.empty() : Coded.byCode(Origin.class, source);
        if (source != null && byOrigin.isEmpty()) {
            problems.put("source", List.of("Must be erp or manual"));
        }
        String order = ordering == null || ordering.isBlank() ? "-id" : ordering.strip();
        boolean descending = order.startsWith("-");
        Optional<Ordering> by = Coded.byCode(Ordering.class, descending ? order.substring(1) : order);
        if (by.isEmpty()) {
            problems.put("ordering", List.of("Must be one of " + Arrays.stream(Ordering.values()).map(Ordering::code)
                .sorted().toList() + ", with '-' first for descending"));
        }
        String text = search == null || search.isBlank() ? null : search.strip().toLowerCase(Locale.ROOT);
        if (text != null && text.chars().anyMatch(Character::isISOControl)) {
            // the searched text separates its fields by a control character (V16): none may be searched for
            problems.put("search", List.of("Must not contain control characters"));
            text = null;
        }
        LocalDate from = day("created_from", createdFrom, problems);
        LocalDate to = day("created_to", createdTo, problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.put("created_to", List.of("Must not be before created_from"));
        }
        return new WorkOrderQuery(byStatus.orElse(null), byOrigin.orElse(null), text,
            from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
            to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), by.orElse(Ordering.ID),
            descending);
    }

    /**
     * Adds the status and origin conditions over the fields that hold them (a work order's, or a row of
     * {@link WorkOrderCount}), so the list and its count select by the same rule.
     */
    HqlWhere statusAndOrigin(HqlWhere where, String ssccStatus, String serialsStatus, String originField) {
        if (status != null) {
            where.and("(" + ssccStatus + " = :status or " + serialsStatus + " = :status)", "status", status);
        }
        if (origin != null) {
            where.and(originField + " = :origin", "origin", origin);
        }
        return where;
    }

    private static LocalDate day(String field, String value, Map<String, List<String>> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.put(field, List.of("Must be a date, yyyy-MM-dd"));
            return null;
        }
    }

    private static String codes(Coded[] values) {
        return Arrays.stream(values).map(Coded::code).collect(Collectors.joining(", "));
    }
}
