package org.serialgen.kit.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The spec's error body: the fields a failure has, and none it has not. */
class ErrorBodyTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aValidationErrorNamesItsFieldsAndARefusalItsCode() throws Exception {
        assertEquals("{\"error\":\"validation_error\",\"message\":\"Invalid input data\",\"details\":{\"quantity\":"
                + "[\"Must be between 1 and 10\"]},\"request_id\":\"req_1\"}",
            json.writeValueAsString(new ErrorBody("validation_error", "Invalid input data",
                Map.of("quantity", List.of("Must be between 1 and 10")), null, "req_1")));
        Refused refused = new Refused("POOL_EXHAUSTED", "The pool has 0 left");
        assertEquals("{\"error\":\"conflict\",\"message\":\"The pool has 0 left\",\"code\":\"POOL_EXHAUSTED\","
                + "\"request_id\":\"req_2\"}",
            json.writeValueAsString(new ErrorBody("conflict", refused.getMessage(), null, refused.code(), "req_2")));
    }

    @Test
    void anAnswerStaysSmallWhateverTheInputWas() throws Exception {
        Map<String, List<String>> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            many.put("field_" + i, java.util.Collections.nCopies(50, "Not a GTIN: " + "9".repeat(2_000)));
        }
        ErrorBody bounded = new ErrorBody("validation_error", "x".repeat(100_000), many, null, "req_3").bounded();
        assertEquals(ErrorBody.MAX_FIELDS + 1, bounded.details().size());
        assertEquals("9900 more fields with problems", bounded.details().get("more_fields").get(0));
        List<String> first = bounded.details().get("field_0");
        assertEquals(ErrorBody.MAX_PER_FIELD + 1, first.size());
        assertEquals("40 more problems", first.get(ErrorBody.MAX_PER_FIELD));
        assertEquals(ErrorBody.MAX_TEXT + 1, first.get(0).length());
        assertEquals(ErrorBody.MAX_TEXT + 1, bounded.message().length());
        org.junit.jupiter.api.Assertions.assertTrue(json.writeValueAsString(bounded).length() < 600_000);
        ErrorBody small = new ErrorBody("conflict", "short", null, "X", "req_4");
        assertEquals(small, small.bounded());
    }

    @Test
    void fieldNamesAreTheJsonOnes() {
        assertEquals("wo_id", ErrorMappers.snakeCase("woId"));
        assertEquals("expected_volume_per_gtin", ErrorMappers.snakeCase("expectedVolumePerGtin"));
        assertEquals("body", ErrorMappers.snakeCase("body"));
    }
}
