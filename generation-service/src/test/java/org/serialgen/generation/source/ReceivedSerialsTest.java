package org.serialgen.generation.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.serialgen.gs1.CompanyPrefix;
import org.serialgen.gs1.Sscc;
import org.serialgen.permutation.SerialCodec;

/** An external source's answer is checked whole before anything of it is stored. */
class ReceivedSerialsTest {

    static final SerialCodec CODEC = new SerialCodec(new byte[16], "0123456789", 12);

    static Wanted serials(long quantity) {
        return new Wanted("09506000134352", null, 0, quantity, UUID.randomUUID(), CODEC, 100_000_000L);
    }

    @Test
    void refusesAWrongCountARepeatAndAnInvalidSerial() {
        assertThrows(SourceRejected.class, () -> ReceivedSerials.check("s", new SourceResponse("r",
            List.of("A1", "A2")), serials(3)));
        assertThrows(SourceRejected.class, () -> ReceivedSerials.check("s", new SourceResponse("r",
            List.of("A1", "A1")), serials(2)));
        assertThrows(SourceRejected.class, () -> ReceivedSerials.check("s", new SourceResponse("r",
            List.of("A1", "not a serial")), serials(2)));
        assertThrows(SourceRejected.class, () -> ReceivedSerials.check("s", new SourceResponse("r", null),
            serials(1)));
    }

    @Test
    void keepsTheCounterOfAValueThePoolWouldIssue() {
        String ours = CODEC.serial(42);
        ReceivedSerials received = ReceivedSerials.check("s", new SourceResponse("r", List.of(ours, "EXTERNAL-1")),
            serials(2));
        assertArrayEquals(new long[] {42, -1}, received.counters());
    }

    @Test
    void takesOnlySsccsOfThePoolsPrefixAndExtension() {
        CompanyPrefix prefix = new CompanyPrefix("9506000");
        Wanted wanted = new Wanted(null, prefix, 3, 1, UUID.randomUUID(), null, 0);
        String good = Sscc.of(3, prefix, 17).value();
        assertTrue(ReceivedSerials.check("s", new SourceResponse("r", List.of(good)), wanted).counters()[0] == 17);
        assertThrows(SourceRejected.class, () -> ReceivedSerials.check("s", new SourceResponse("r",
            List.of(Sscc.of(4, prefix, 17).value())), wanted));
        assertThrows(SourceRejected.class, () -> ReceivedSerials.check("s", new SourceResponse("r",
            List.of(Sscc.of(3, new CompanyPrefix("9506001"), 17).value())), wanted));
    }
}
