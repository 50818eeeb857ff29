package org.serialgen.generation.workorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The work-order list's parameters: what each selects, and every unknown one reported by name. */
class WorkOrderQueryTest {

    @Test
    void readsStatusOriginSearchAndOrdering() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        WorkOrderQuery query = WorkOrderQuery.parse("in_progress", "manual", "  WO-12 ", "-updated_at", problems);
        assertTrue(problems.isEmpty());
        assertEquals(GenerationStatus.IN_PROGRESS, query.status());
        assertEquals(Origin.MANUAL, query.origin());
        assertEquals("wo-12", query.search());
        assertEquals(WorkOrderQuery.Ordering.UPDATED_AT, query.ordering());
        assertTrue(query.descending());
    }

    @Test
    void defaultsToNewestFirstAndReportsWhatItDoesNotKnow() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        WorkOrderQuery query = WorkOrderQuery.parse(null, null, " ", null, problems);
        assertEquals(WorkOrderQuery.Ordering.ID, query.ordering());
        assertTrue(query.descending());
        assertNull(query.search());
        WorkOrderQuery.parse("done", "sap", null, "colour", problems);
        assertEquals(List.of("status", "source", "ordering"), List.copyOf(problems.keySet()));
    }
}
