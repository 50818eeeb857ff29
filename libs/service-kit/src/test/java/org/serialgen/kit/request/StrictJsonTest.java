package org.serialgen.kit.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** What the strict reading of request bodies lets through, and what it refuses with the field named. */
class StrictJsonTest {

    record Named(String name, List<String> tags, int count) {
    }

    private final ObjectMapper json = StrictJson.strict(new ObjectMapper());

    @Test
    void textWithControlCharactersOrHalfASurrogatePairIsRefusedAtItsField() throws Exception {
        assertEquals("Line one\nline two\twith a tab, and 😀",
            json.readValue("{\"name\": \"Line one\\nline two\\twith a tab, and \\ud83d\\ude00\", \"tags\": [],"
                + " \"count\": 1}", Named.class).name());
        for (String bad : List.of("a\\u0000b", "bell\\u0007", "\\u009bcsi", "lone \\ud800", "\\udc00 low first")) {
            InvalidFormatException refused = assertThrows(InvalidFormatException.class, () -> json.readValue(
                "{\"name\": \"ok\", \"tags\": [\"" + bad + "\"], \"count\": 1}", Named.class), bad);
            assertEquals("tags", refused.getPath().get(0).getFieldName());
        }
        // the coercion rules still hold: a number is no text
        assertThrows(MismatchedInputException.class, () -> json.readValue("{\"name\": 5, \"tags\": [], \"count\": 1}",
            Named.class));
    }
}
