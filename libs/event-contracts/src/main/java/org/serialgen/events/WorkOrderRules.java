package org.serialgen.events;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.serialgen.gs1.CharacterSet82;
import org.serialgen.gs1.Gtin;

/**
 * What a valid work order is, wherever it comes from (the ERP's records, FR-003, or the work-order form): surrounding
 * blanks are trimmed, a short GTIN is padded to GTIN-14, and every rule that fails is reported under its field.
 */
public final class WorkOrderRules {

    public static final long MAX_QUANTITY = 100_000_000L;
    /** How far ahead an expiry may lie: beyond, it is a typing error, not a product's shelf life. */
    public static final int MAX_SHELF_LIFE_YEARS = 50;
    private static final Pattern WO_ID = Pattern.compile("[A-Za-z0-9._/-]{1,50}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** A work order that passed every rule, in canonical form. */
    public record Valid(String woId, String woName, String gtin, String lot, LocalDate expiry, long quantity) {
    }

    /** Exactly one of the two is set. */
    public record Outcome(Valid valid, Map<String, List<String>> problems) {
    }

    private WorkOrderRules() {
    }

    /** The rules as of today (UTC): an expiry in the past is refused. */
    public static Outcome check(ErpWorkOrder record) {
        return check(record, LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /** The rules with an expiry allowed from {@code earliestExpiry} on (today, or earlier by a grace period). */
    public static Outcome check(ErpWorkOrder record, LocalDate earliestExpiry) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        String woId = trim(record.woId());
        String woName = trim(record.woName());
        String gtin = trim(record.gtin());
        String lot = trim(record.lot());
        String expiry = trim(record.expiry());

        if (woId == null) {
            add(problems, "wo_id", "This field is required");
        } else if (!WO_ID.matcher(woId).matches()) {
            add(problems, "wo_id", "1–50 characters of letters, digits, '.', '_', '/' or '-'");
        }
        if (woName == null) {
            add(problems, "wo_name", "This field is required");
        } else if (woName.length() > 200) {
            add(problems, "wo_name", "At most 200 characters");
        }
        Gtin.problem(gtin).ifPresent(p -> add(problems, "gtin", p));
        if (lot == null) {
            add(problems, "lot", "This field is required");
        } else if (lot.length() > 20 || !CharacterSet82.containsAll(lot)) {
            add(problems, "lot", "1–20 characters of GS1 character set 82 (AI 10)");
        }
        LocalDate expiryDate = null;
        if (expiry == null) {
            add(problems, "expiry", "This field is required");
        } else {
            try {
                expiryDate = DATE.matcher(expiry).matches() ? LocalDate.parse(expiry) : null;
            } catch (DateTimeParseException e) {
                expiryDate = null;
            }
            if (expiryDate == null) {
                add(problems, "expiry", "Must be a date as yyyy-MM-dd");
            } else if (expiryDate.isBefore(earliestExpiry)) {
                add(problems, "expiry", "Must not be in the past (earliest " + earliestExpiry + ")");
            } else if (expiryDate.isAfter(earliestExpiry.plusYears(MAX_SHELF_LIFE_YEARS + 1))) {
                add(problems, "expiry", "Must be within " + MAX_SHELF_LIFE_YEARS + " years");
            }
        }
        if (record.quantity() == null) {
            add(problems, "quantity", "This field is required");
        } else if (record.quantity() <= 0 || record.quantity() > MAX_QUANTITY) {
            add(problems, "quantity", "Must be between 1 and " + MAX_QUANTITY);
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        return new Outcome(new Valid(woId, woName, Gtin.parse(gtin).value(), lot, expiryDate, record.quantity()), null);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void add(Map<String, List<String>> problems, String field, String problem) {
        problems.computeIfAbsent(field, k -> new ArrayList<>()).add(problem);
    }
}
