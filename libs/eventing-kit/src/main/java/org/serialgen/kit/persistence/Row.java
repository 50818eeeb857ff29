package org.serialgen.kit.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One row of a native query, read by column position: a value in the Java type the caller wants, whichever one the
 * reactive driver chose (it has changed between versions).
 */
public final class Row {

    private final Object[] values;

    Row(Object[] values) {
        this.values = values;
    }

    public long getLong(int column) {
        return ((Number) values[column]).longValue();
    }

    public int getInt(int column) {
        return ((Number) values[column]).intValue();
    }

    public Long getNullableLong(int column) {
        return values[column] == null ? null : getLong(column);
    }

    public String getString(int column) {
        return (String) values[column];
    }

    public boolean getBoolean(int column) {
        return (Boolean) values[column];
    }

    public UUID getUuid(int column) {
        Object value = values[column];
        return value == null || value instanceof UUID ? (UUID) value : UUID.fromString(value.toString());
    }

    public Instant getInstant(int column) {
        Object value = values[column];
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return value instanceof Instant i ? i : ((java.sql.Timestamp) value).toInstant();
    }

    public LocalDate getDate(int column) {
        Object value = values[column];
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}
