package org.serialgen.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkOrderRulesTest {

    @Test
    void namesEveryBrokenField() {
        var outcome = WorkOrderRules.check(new ErpWorkOrder(" ", null, "123", "LOT 1", "31/12/2028", -5L));
        assertNull(outcome.valid());
        assertEquals(Set.of("wo_id", "wo_name", "gtin", "lot", "expiry", "quantity"), outcome.problems().keySet());
    }

    @Test
    void cleansAValidRecord() {
        var outcome = WorkOrderRules.check(
            new ErpWorkOrder(" WO-7 ", " Batch 7 ", "96385074", "A1", "2029-01-31", 10L));
        assertEquals(new WorkOrderRules.Valid("WO-7", "Batch 7", "00000096385074", "A1", LocalDate.of(2029, 1, 31), 10),
            outcome.valid());
    }

    @Test
    void refusesAnExpiryInThePastOrBeyondAnyShelfLife() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        assertEquals(java.util.List.of("Must not be in the past (earliest 2026-12-01)"), WorkOrderRules.check(
            new ErpWorkOrder("WO-1", "B", "96385074", "A1", "2026-11-30", 1L), today).problems().get("expiry"));
        assertEquals(LocalDate.of(2026, 12, 1), WorkOrderRules.check(
            new ErpWorkOrder("WO-1", "B", "96385074", "A1", "2026-12-01", 1L), today).valid().expiry());
        assertEquals(Set.of("expiry"), WorkOrderRules.check(
            new ErpWorkOrder("WO-1", "B", "96385074", "A1", "+99999-01-01", 1L), today).problems().keySet());
        assertEquals(Set.of("expiry"), WorkOrderRules.check(
            new ErpWorkOrder("WO-1", "B", "96385074", "A1", "2099-01-01", 1L), today).problems().keySet());
        // a grace period lets a just-expired batch through, as a site may allow for rework
        assertEquals(LocalDate.of(2026, 11, 30), WorkOrderRules.check(
            new ErpWorkOrder("WO-1", "B", "96385074", "A1", "2026-11-30", 1L), today.minusDays(7)).valid().expiry());
    }
}
