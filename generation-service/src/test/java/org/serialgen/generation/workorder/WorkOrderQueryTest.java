package org.serialgen.generation.workorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The work-order list's parameters: what each selects, and every unknown one reported by name. */
class WorkOrderQueryTest {

    @Test
    void readsStatusOriginSearchAndOrdering() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        WorkOrderQuery query = WorkOrderQuery.parse("in_progress", "manual", "  WO-12 ", null, null, "-updated_at",
            problems);
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
        WorkOrderQuery query = WorkOrderQuery.parse(null, null, " ", null, null, null, problems);
        assertEquals(WorkOrderQuery.Ordering.ID, query.ordering());
        assertTrue(query.descending());
        assertNull(query.search());
        WorkOrderQuery.parse("done", "sap", null, null, null, "colour", problems);
        assertEquals(List.of("status", "source", "ordering"), List.copyOf(problems.keySet()));
    }

    @Test
    void aDayRangeIncludesBothDaysInUtc() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        WorkOrderQuery query = WorkOrderQuery.parse(null, null, null, "2026-11-30", "2026-12-01", null, problems);
        assertTrue(problems.isEmpty());
        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), query.createdFrom());
        assertEquals(Instant.parse("2026-12-02T00:00:00Z"), query.createdBefore());
    }

    @Test
    void aRangeThatIsNoDateOrRunsBackwardsIsRefusedByField() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        WorkOrderQuery.parse(null, null, null, "30.11.2026", null, null, problems);
        assertEquals(List.of("created_from"), List.copyOf(problems.keySet()));
        problems.clear();
        WorkOrderQuery.parse(null, null, null, "2026-12-02", "2026-12-01", null, problems);
        assertEquals(List.of("created_to"), List.copyOf(problems.keySet()));
    }
}
