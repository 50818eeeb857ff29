package org.serialgen.permutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SerialCodecTest {

    static final byte[] KEY = "0123456789abcdef".getBytes();

    @Test
    void sequentialSerialsAreTheCounterInTheAlphabet() {
        SerialCodec codec = new SerialCodec(null, "0123456789", 8);
        assertEquals("00000042", codec.serial(42));
        assertEquals("99999999", codec.serial(99_999_999));
        assertThrows(IllegalArgumentException.class, () -> codec.serial(100_000_000));
    }

    @Test
    void randomisedSerialsAreDistinctAndKeepTheFormat() {
        SerialCodec codec = new SerialCodec(KEY, "23456789ABCDEFGHJKMNPQRSTUVWXYZ", 10);
        Set<String> seen = new HashSet<>();
        long[] counters = new long[50_000];
        for (int i = 0; i < counters.length; i++) {
            counters[i] = i;
        }
        codec.values(counters, counters.length);
        for (long value : counters) {
            String serial = codec.render(value);
            assertEquals(10, serial.length());
            assertTrue(serial.chars().allMatch(c -> "23456789ABCDEFGHJKMNPQRSTUVWXYZ".indexOf(c) >= 0), serial);
            assertTrue(seen.add(serial), "duplicate " + serial);
        }
        assertEquals(codec.serial(7), codec.render(counters[7]), "batch and single agree");
        assertNotEquals(codec.serial(7), new SerialCodec("another key 1234".getBytes(), codec.alphabetForTest(), 10)
            .serial(7), "the key decides the permutation");
    }

    @Test
    void cycleWalksWhereTheFormatIsSmallerThanFf1Allows() {
        SerialCodec codec = new SerialCodec(KEY, "0123456789", 4);
        Set<String> seen = new HashSet<>();
        for (int counter = 0; counter < 10_000; counter++) {
            String serial = codec.serial(counter);
            assertEquals(4, serial.length());
            assertTrue(seen.add(serial));
        }
        assertEquals(10_000, seen.size(), "a permutation of all 4-digit serials");
    }

    @Test
    void handlesFormatsBeyondSixtyThreeBits() {
        String cs82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
        SerialCodec codec = new SerialCodec(KEY, cs82, 20);
        long[] counters = {0, 1, 2, 3};
        String[] serials = new String[4];
        codec.serials(counters, 4, serials);
        assertEquals(4, new HashSet<>(java.util.List.of(serials)).size());
        assertEquals(20, serials[0].length());
        assertEquals(serials[2], codec.serial(2));
        assertEquals("0000000000000000000z", new SerialCodec(null, "0123456789abcdefghijklmnopqrstuvwxyz", 20).serial(35));
    }

    @Test
    void findsTheCounterBehindASerialInEveryKindOfFormat() {
        String cs82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
        java.util.Random random = new java.util.Random(7);
        for (SerialCodec codec : java.util.List.of(new SerialCodec(KEY, "0123456789", 12),
                new SerialCodec(KEY, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 12),
                new SerialCodec(KEY, "0123456789", 4), new SerialCodec(null, "0123456789", 8),
                new SerialCodec(KEY, cs82, 20))) {
            for (int i = 0; i < 2_000; i++) {
                long counter = i < 1_000 ? i : Math.floorMod(random.nextLong(), Math.min(codec.domain(), 1L << 40));
                assertEquals(counter, codec.counter(codec.serial(counter)), () -> "counter " + counter);
            }
        }
        SerialCodec numeric = new SerialCodec(KEY, "0123456789", 12);
        assertEquals(-1, numeric.counter("12345"), "another length");
        assertEquals(-1, numeric.counter("12345678901A"), "outside the alphabet");
    }
}
