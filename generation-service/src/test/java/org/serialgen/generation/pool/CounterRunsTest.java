package org.serialgen.generation.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Where an allocation lies around counters that external values hold. */
class CounterRunsTest {

    @Test
    void aWindowWithoutHeldCountersIsOneRun() {
        CounterRuns.Window window = CounterRuns.around(100, 50, List.of());
        assertEquals(List.of(new CounterRange(100, 150)), window.free());
        assertEquals(0, window.owed());
    }

    @Test
    void heldCountersSplitTheRunAndAreOwedFromTheWindowsEnd() {
        // 100..149 asked for; 110..112 and 149 are held: 4 counters are still owed from 150 on
        CounterRuns.Window window = CounterRuns.around(100, 50,
            List.of(new CounterRange(110, 113), new CounterRange(149, 150)));
        assertEquals(List.of(new CounterRange(100, 110), new CounterRange(113, 149)), window.free());
        assertEquals(4, window.owed());
        assertEquals(150, window.end());
    }

    @Test
    void aWindowStartingOnAHeldCounterSkipsIt() {
        CounterRuns.Window window = CounterRuns.around(10, 5, List.of(new CounterRange(10, 12)));
        assertEquals(List.of(new CounterRange(12, 15)), window.free());
        assertEquals(2, window.owed());
    }

    @Test
    void joinsARunThatContinuesIntoTheNextWindow() {
        assertEquals(List.of(new CounterRange(0, 20), new CounterRange(25, 30)), CounterRuns.join(
            List.of(new CounterRange(0, 10)), List.of(new CounterRange(10, 20), new CounterRange(25, 30))));
        assertEquals(List.of(new CounterRange(0, 10), new CounterRange(11, 12)), CounterRuns.join(
            List.of(new CounterRange(0, 10)), List.of(new CounterRange(11, 12))));
    }

    @Test
    void aRangeIsNeverEmptyOrNegative() {
        assertThrows(IllegalArgumentException.class, () -> new CounterRange(5, 5));
        assertThrows(IllegalArgumentException.class, () -> new CounterRange(-1, 5));
    }
}
