package org.serialgen.kit.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.serialgen.kit.errors.ApiException;

/**
 * What a reviewer asks of the audit trail: exact filters, a time window ({@code from} inclusive, {@code to}
 * exclusive), and a page of {@code limit} entries older than the cursor {@code before}. Entries of all services are
 * in one order — newest first by time, then service, then sequence — so the gateway can merge the services' answers
 * into one trail and go on from the last entry it showed.
 */
public record AuditQuery(String actor, String action, String entityType, String entityId, String outcome,
                         String requestId, Instant from, Instant to, Cursor before, int limit) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 1000;
    static final Set<String> OUTCOMES = Set.of("success", "refused", "failed");
    /** The earliest and latest instants a filter may name (PostgreSQL's timestamps hold far more; a person, not). */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    /** An entry's place in the trail's order: time (microseconds, as PostgreSQL keeps it), service, sequence. */
    public record Cursor(long atMicros, String service, long sequence) implements Comparable<Cursor> {

        public static Cursor of(Instant at, String service, long sequence) {
            return new Cursor(Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000),
                service, sequence);
        }

        /** {@code <microseconds>.<service>.<sequence>}; what {@link #toString} writes. */
        public static Cursor parse(String text) {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 3 || !parts[1].matches("[a-z0-9-]{1,60}")) {
                throw new IllegalArgumentException();
            }
            return new Cursor(Long.parseLong(parts[0]), parts[1], Long.parseLong(parts[2]));
        }

        public Instant at() {
            return Instant.ofEpochSecond(Math.floorDiv(atMicros, 1_000_000L),
                Math.floorMod(atMicros, 1_000_000L) * 1000);
        }

        @Override
        public int compareTo(Cursor other) {
            int byTime = Long.compare(atMicros, other.atMicros);
            if (byTime != 0) {
                return byTime;
            }
            int byService = service.compareTo(other.service);
            return byService != 0 ? byService : Long.compare(sequence, other.sequence);
        }

        @Override
        public String toString() {
            return atMicros + "." + service + "." + sequence;
        }
    }

    /** Reads the query parameters; every one that does not read is named in one 400. */
    public static AuditQuery of(Map<String, String> parameters) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        String outcome = parameters.get("outcome");
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            problems.put("outcome", List.of("Must be one of success, refused, failed"));
        }
        Instant from = instant(parameters, "from", problems);
        Instant to = instant(parameters, "to", problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.put("to", List.of("Must be after from"));
        }
        Cursor before = null;
        if (parameters.get("before") != null) {
            try {
                before = Cursor.parse(parameters.get("before"));
            } catch (IllegalArgumentException e) {
                problems.put("before", List.of("Must be the cursor of an entry"));
            }
        }
        int limit = DEFAULT_LIMIT;
        String limitText = parameters.get("limit");
        if (limitText != null) {
            limit = limitText.matches("[0-9]{1,4}") ? Integer.parseInt(limitText) : -1;
            if (limit < 1 || limit > MAX_LIMIT) {
                problems.put("limit", List.of("Must be a whole number between 1 and " + MAX_LIMIT));
            }
        }
        for (String name : List.of("actor", "action", "entity_type", "entity_id", "request_id")) {
            String value = parameters.get(name);
            if (value != null && (value.isEmpty() || value.length() > 200)) {
                problems.put(name, List.of("Must be 1 to 200 characters"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException.Validation(problems);
        }
        return new AuditQuery(parameters.get("actor"), parameters.get("action"), parameters.get("entity_type"),
            parameters.get("entity_id"), outcome, parameters.get("request_id"), from, to, before, limit);
    }

    /** The query's parameters, each given once (a repeated one is a 400, not a silent choice). */
    public static Map<String, String> parameters(jakarta.ws.rs.core.UriInfo uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (values.size() > 1) {
                throw ApiException.Validation.of(name, "Must be given once");
            }
            parameters.put(name, values.get(0));
        });
        return parameters;
    }

    /** The query as parameters again (for asking each service), encoded. */
    public String toQueryString() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("actor", actor);
        parameters.put("action", action);
        parameters.put("entity_type", entityType);
        parameters.put("entity_id", entityId);
        parameters.put("outcome", outcome);
        parameters.put("request_id", requestId);
        parameters.put("from", from == null ? null : from.toString());
        parameters.put("to", to == null ? null : to.toString());
        parameters.put("before", before == null ? null : before.toString());
        parameters.put("limit", String.valueOf(limit));
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** The same query, {@code limit} entries on from {@code cursor}. */
    public AuditQuery after(Cursor cursor, int limit) {
        return new AuditQuery(actor, action, entityType, entityId, outcome, requestId, from, to, cursor, limit);
    }

    private static Instant instant(Map<String, String> parameters, String name, Map<String, List<String>> problems) {
        String text = parameters.get(name);
        if (text == null) {
            return null;
        }
        try {
            Instant at = java.time.OffsetDateTime.parse(text).toInstant();
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                problems.put(name, List.of("Must be between 2000 and 2200"));
            }
            return at;
        } catch (DateTimeParseException e) {
            problems.put(name, List.of("Must be an ISO-8601 date-time with offset, e.g. 2026-12-01T08:00:00Z"));
            return null;
        }
    }
}
