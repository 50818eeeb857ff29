package org.serialgen.kit.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A coded enum has one spelling in the column, the JSON and the code. */
class CodedTest {

    enum Status implements Coded {
        IN_PROGRESS("in_progress"), DONE("done");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    static final class StatusColumn extends CodedColumn<Status> {
        StatusColumn() {
            super(Status.class);
        }
    }

    @Test
    void findsAConstantByItsCodeOnly() {
        assertEquals(Optional.of(Status.IN_PROGRESS), Coded.byCode(Status.class, "in_progress"));
        assertTrue(Coded.byCode(Status.class, "IN_PROGRESS").isEmpty());
        assertTrue(Coded.byCode(Status.class, null).isEmpty());
    }

    @Test
    void storesTheCodeAndRefusesAColumnValueItDoesNotKnow() {
        StatusColumn column = new StatusColumn();
        assertEquals("in_progress", column.convertToDatabaseColumn(Status.IN_PROGRESS));
        assertEquals(Status.DONE, column.convertToEntityAttribute("done"));
        assertNull(column.convertToEntityAttribute(null));
        assertThrows(IllegalStateException.class, () -> column.convertToEntityAttribute("gone"));
    }

    @Test
    void writesAndReadsTheCodeInJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("\"in_progress\"", json.writeValueAsString(Status.IN_PROGRESS));
        assertEquals(Status.DONE, json.readValue("\"done\"", Status.class));
    }
}
