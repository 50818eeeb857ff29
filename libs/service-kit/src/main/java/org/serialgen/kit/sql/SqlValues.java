package org.serialgen.kit.sql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Values of native query rows, whichever Java type the reactive driver chose for them (it has changed between
 * versions): one conversion, used wherever a row is read by hand.
 */
public final class SqlValues {

    private SqlValues() {
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return value instanceof Instant i ? i : ((java.sql.Timestamp) value).toInstant();
    }

    public static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}
