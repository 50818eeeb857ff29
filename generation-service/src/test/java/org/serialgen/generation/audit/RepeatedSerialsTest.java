package org.serialgen.generation.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.serialgen.generation.pool.CounterRange;
import org.serialgen.permutation.SerialCodec;

/** The audit's repeat count gives the same answer in one pass as in many, for long and for string serials. */
class RepeatedSerialsTest {

    static final byte[] KEY = new byte[16];
    static final String DIGITS = "0123456789";
    static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void countsCountersIssuedTwiceWhateverTheNumberOfPasses() {
        SerialCodec codec = new SerialCodec(KEY, DIGITS, 12);
        // two allocations overlapping on 5 000 counters: the overlap the exclusion constraint forbids
        List<CounterRange> ranges = List.of(new CounterRange(0, 20_000), new CounterRange(15_000, 25_000));
        assertEquals(5_000, RepeatedSerials.count(codec, ranges, 30_000, 1L << 30));
        assertEquals(5_000, RepeatedSerials.count(codec, ranges, 30_000, 20_000));
        assertEquals(0, RepeatedSerials.count(codec, List.of(new CounterRange(0, 20_000), new CounterRange(20_000, 25_000)),
            25_000, 20_000));
    }

    @Test
    void countsRepeatsOfSequentialSerials() {
        SerialCodec codec = new SerialCodec(null, DIGITS, 8);
        // 100 counters in the first two, one (100) in the first and third
        List<CounterRange> ranges = List.of(new CounterRange(100, 1_100), new CounterRange(1_000, 1_500), new CounterRange(99, 101));
        assertEquals(101, RepeatedSerials.count(codec, ranges, 1_502, 1L << 30));
        assertEquals(101, RepeatedSerials.count(codec, ranges, 1_502, 1_000));
    }

    @Test
    void countsRepeatsOfSerialsBeyondSixtyThreeBitsAsStrings() {
        SerialCodec codec = new SerialCodec(KEY, ALPHANUMERIC, 20);
        assertTrue(!codec.hasLongValues());
        List<CounterRange> ranges = List.of(new CounterRange(0, 2_000), new CounterRange(1_500, 2_500));
        assertEquals(500, RepeatedSerials.count(codec, ranges, 3_000, 1L << 30));
        assertEquals(500, RepeatedSerials.count(codec, ranges, 3_000, 50_000));
    }

    @Test
    void sequentialValuesSpreadEvenlyOverTheBuckets() {
        int buckets = 7;
        long[] sizes = new long[buckets];
        for (long value = 5_000_000; value < 6_000_000; value++) {
            sizes[RepeatedSerials.bucket(value, buckets)]++;
        }
        for (long size : sizes) {
            assertTrue(Math.abs(size - 1_000_000 / buckets) < 1_000_000 / buckets / 50, "bucket of " + size);
        }
    }
}
