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
    void fieldNamesAreTheJsonOnes() {
        assertEquals("wo_id", ErrorMappers.snakeCase("woId"));
        assertEquals("expected_volume_per_gtin", ErrorMappers.snakeCase("expectedVolumePerGtin"));
        assertEquals("body", ErrorMappers.snakeCase("body"));
    }
}
