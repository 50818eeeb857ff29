package org.serialgen.kit.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.serialgen.kit.errors.ApiException;

/** Paging parameters: defaults, the allowed ranges, and one 400 naming every bad parameter. */
class PageRequestTest {

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        assertEquals(new PageRequest(1, 20), PageRequest.of(null, null));
        assertEquals(2, PageRequest.of(3, 100).index());
    }

    @Test
    void refusesOutOfRangeValuesByName() {
        ApiException.Validation refused = assertThrows(ApiException.Validation.class, () -> PageRequest.of(0, 101));
        assertEquals(List.of("Must be 1 or more"), refused.details().get("page"));
        assertEquals(List.of("Must be between 1 and 100"), refused.details().get("page_size"));
    }

    @Test
    void reportsTheCallersOwnProblemsTogetherWithItsOwn() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        problems.put("status", List.of("Must be one of …"));
        ApiException.Validation refused = assertThrows(ApiException.Validation.class,
            () -> PageRequest.of(1, 0, problems));
        assertEquals(2, refused.details().size());
        assertEquals(400, refused.status());
        assertEquals("validation_error", refused.error());
    }
}
