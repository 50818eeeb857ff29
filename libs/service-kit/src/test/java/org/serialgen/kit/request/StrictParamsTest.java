package org.serialgen.kit.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** What the strict parameters read, and what they refuse. */
class StrictParamsTest {

    @Test
    void aBooleanIsTrueOrFalse() {
        assertEquals(true, StrictParams.bool("true"));
        assertEquals(false, StrictParams.bool("false"));
        for (String lax : new String[] {"1", "0", "yes", "TRUE", "False", "", " true"}) {
            assertThrows(IllegalArgumentException.class, () -> StrictParams.bool(lax), lax);
        }
    }

    @Test
    void aWholeNumberIsDigitsInRange() {
        assertEquals(42, StrictParams.whole("42", Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertEquals(-3, StrictParams.whole("-3", Integer.MIN_VALUE, Integer.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, StrictParams.whole("9223372036854775807", Long.MIN_VALUE, Long.MAX_VALUE));
        for (String bad : new String[] {"1.5", "abc", "", "-", "+1", "1e3", "2147483648", " 1", "0x10"}) {
            assertThrows(IllegalArgumentException.class,
                () -> StrictParams.whole(bad, Integer.MIN_VALUE, Integer.MAX_VALUE), bad);
        }
        assertThrows(IllegalArgumentException.class,
            () -> StrictParams.whole("9223372036854775808", Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @Test
    void theParameterIsNamedInTheProblem() {
        var problem = new StrictParams.InvalidParameter("page", "Must be a whole number");
        assertEquals(java.util.Map.of("page", java.util.List.of("Must be a whole number")), problem.details());
        assertEquals(400, problem.getResponse().getStatus());
    }
}
