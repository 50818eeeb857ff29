package org.serialgen.kit.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A native row's values in the type asked for, whichever one the driver chose. */
class RowTest {

    @Test
    void readsNumbersOfEveryWidthAsTheWidthAskedFor() {
        Row row = new Row(new Object[] {7, 8L, new BigDecimal("9"), null});
        assertEquals(7L, row.getLong(0));
        assertEquals(8, row.getInt(1));
        assertEquals(9L, row.getLong(2));
        assertNull(row.getNullableLong(3));
    }

    @Test
    void readsTimesDatesAndIdsInTheirDriverForms() {
        Instant at = Instant.parse("2026-12-01T10:15:30Z");
        UUID id = UUID.randomUUID();
        Row row = new Row(new Object[] {OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(2)), java.sql.Timestamp.from(at),
            java.sql.Date.valueOf("2028-06-30"), LocalDate.of(2028, 6, 30), id, id.toString()});
        assertEquals(at, row.getInstant(0));
        assertEquals(at, row.getInstant(1));
        assertEquals(LocalDate.of(2028, 6, 30), row.getDate(2));
        assertEquals(LocalDate.of(2028, 6, 30), row.getDate(3));
        assertEquals(id, row.getUuid(4));
        assertEquals(id, row.getUuid(5));
    }
}
