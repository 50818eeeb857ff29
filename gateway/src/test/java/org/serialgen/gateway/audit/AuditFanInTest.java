package org.serialgen.gateway.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.serialgen.kit.audit.AuditEntry;
import org.serialgen.kit.audit.AuditQuery;

/** Merging the services' pages: one order (time, then service, then sequence, newest first), a page's worth. */
class AuditFanInTest {

    static AuditEntry entry(String service, long sequence, Instant at) {
        return new AuditEntry(UUID.randomUUID(), at, service, sequence, "a", List.of("admin"), "x", "y", "z", "success",
            null, null, AuditQuery.Cursor.of(at, service, sequence).toString());
    }

    @Test
    void mergesNewestFirstAndTellsWhetherMoreFollow() {
        Instant t = Instant.parse("2026-12-06T10:00:00Z");
        AuditEntry.Page config = new AuditEntry.Page(2, List.of(entry("config-service", 2, t.plusSeconds(3)),
            entry("config-service", 1, t)));
        AuditEntry.Page generation = new AuditEntry.Page(3, List.of(entry("generation-service", 9, t.plusSeconds(2)),
            entry("generation-service", 8, t), entry("generation-service", 7, t.minusSeconds(5))));

        AuditFanIn.Merged three = AuditFanIn.merge(List.of(config, generation), 3);
        assertEquals(5, three.count());
        assertEquals(List.of("config-service:2", "generation-service:9", "generation-service:8"),
            three.entries().stream().map(e -> e.service() + ":" + e.sequence()).toList(),
            "at the same time the service decides: generation-service sorts after config-service");
        assertTrue(three.more());

        AuditFanIn.Merged all = AuditFanIn.merge(List.of(config, generation), 10);
        assertEquals(5, all.entries().size());
        assertFalse(all.more());
        List<AuditQuery.Cursor> order = new ArrayList<>();
        all.entries().forEach(e -> order.add(AuditQuery.Cursor.parse(e.cursor())));
        for (int i = 1; i < order.size(); i++) {
            assertTrue(order.get(i - 1).compareTo(order.get(i)) > 0);
        }
    }

    @Test
    void aFullPageOfOneServiceMeansMayBeMore() {
        Instant t = Instant.parse("2026-12-06T10:00:00Z");
        AuditFanIn.Merged merged = AuditFanIn.merge(List.of(new AuditEntry.Page(9, List.of(
            entry("erp-sync-service", 2, t), entry("erp-sync-service", 1, t))), new AuditEntry.Page(0, List.of())), 2);
        assertEquals(2, merged.entries().size());
        assertTrue(merged.more());
    }
}
