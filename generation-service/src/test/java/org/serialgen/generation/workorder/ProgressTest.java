package org.serialgen.generation.workorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.serialgen.generation.pool.Kind;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.errors.Refused;

/** How much a generate request issues, and the work order's progress as numbers arrive. */
class ProgressTest {

    static Progress asking(long requested) {
        Progress progress = new Progress();
        progress.requested = requested;
        return progress;
    }

    @Test
    void withoutAQuantityIssuesWhatIsStillNeeded() {
        Progress progress = asking(1_050);
        assertEquals(1_050, progress.quantityToIssue(Kind.SERIAL, null, false, false));
        progress.receive(1_000, false, Instant.now());
        assertEquals(GenerationStatus.IN_PROGRESS, progress.status);
        assertEquals(50, progress.quantityToIssue(Kind.SERIAL, null, false, false));
        progress.receive(50, false, Instant.now());
        assertEquals(GenerationStatus.COMPLETED, progress.status);
    }

    @Test
    void aCompletedWorkOrderIsIssuedAgainOnlyWhenForcedOrOverridden() {
        Progress progress = asking(10);
        progress.receive(10, false, Instant.now());
        Refused refused = assertThrows(Refused.class, () -> progress.quantityToIssue(Kind.SSCC, null, false, false));
        assertEquals("ALREADY_GENERATED", refused.code());
        // forced: what it held is voided, so it needs its whole demand again
        assertEquals(10, progress.quantityToIssue(Kind.SSCC, null, true, false));
        assertEquals(5, progress.quantityToIssue(Kind.SSCC, 5L, false, true));
        progress.receive(10, true, Instant.now());
        assertEquals(10, progress.generated);
    }

    @Test
    void moreThanTheDemandNeedsAnOverrideAndNothingLeftNeedsAQuantity() {
        Progress progress = asking(100);
        ApiException.Validation tooMany = assertThrows(ApiException.Validation.class,
            () -> progress.quantityToIssue(Kind.SERIAL, 101L, false, false));
        assertEquals("quantity", tooMany.details().keySet().iterator().next());
        assertEquals(101, progress.quantityToIssue(Kind.SERIAL, 101L, false, true));
        Refused nothing = assertThrows(Refused.class, () -> asking(0).quantityToIssue(Kind.SERIAL, null, false,
            false));
        assertEquals("NOTHING_REQUESTED", nothing.code());
    }
}
