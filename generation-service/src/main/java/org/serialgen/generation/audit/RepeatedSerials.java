package org.serialgen.generation.audit;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.serialgen.generation.pool.CounterRange;
import org.serialgen.permutation.SerialCodec;

/**
 * Counts the serials that repeat among a pool's derived ones, within a memory budget. A pool can hold a hundred
 * million serials and the service a few hundred megabytes of heap, so the values are split by a hash of the value
 * into as many buckets as the budget requires, one pass per bucket: a repeat has equal values, so both land in the
 * same bucket. Each pass derives every serial again and keeps its bucket's; derivation runs at the cipher's speed.
 */
final class RepeatedSerials {

    /** What one serial costs in a pass: a long, or a String of the serial in a hash set. */
    static final long LONG_BYTES = Long.BYTES;
    static final long STRING_BYTES = 120;
    /** Counters derived per call: the batch FF1 works on. */
    static final int CHUNK = 4096;

    private RepeatedSerials() {
    }

    /** The number of derived serials equal to one derived before, over {@code ranges} of counters. */
    static long count(SerialCodec codec, List<CounterRange> ranges, long size, long memoryBytes) {
        boolean longs = codec.hasLongValues();
        // a quarter over the even share: buckets are not all the same size
        long needed = size * (longs ? LONG_BYTES : STRING_BYTES) * 5 / 4;
        int passes = (int) Math.max(1, (needed + memoryBytes - 1) / memoryBytes);
        long repeats = 0;
        for (int pass = 0; pass < passes; pass++) {
            repeats += longs ? longRepeats(codec, ranges, size, passes, pass)
                : stringRepeats(codec, ranges, size, passes, pass);
        }
        return repeats;
    }

    private static long longRepeats(SerialCodec codec, List<CounterRange> ranges, long size, int passes, int pass) {
        long[] kept = new long[(int) Math.min(Integer.MAX_VALUE - 16, size / passes + size / passes / 8 + 16)];
        int held = 0;
        Counters counters = new Counters(ranges);
        for (int count = counters.next(); count > 0; count = counters.next()) {
            long[] values = counters.chunk;
            codec.values(values, count);
            for (int i = 0; i < count; i++) {
                if (bucket(values[i], passes) == pass) {
                    if (held == kept.length) {
                        kept = Arrays.copyOf(kept, kept.length + kept.length / 2);
                    }
                    kept[held++] = values[i];
                }
            }
        }
        Arrays.sort(kept, 0, held);
        long repeats = 0;
        for (int i = 1; i < held; i++) {
            if (kept[i] == kept[i - 1]) {
                repeats++;
            }
        }
        return repeats;
    }

    private static long stringRepeats(SerialCodec codec, List<CounterRange> ranges, long size, int passes, int pass) {
        Set<String> seen = new HashSet<>((int) Math.min(1 << 24, size / passes * 2));
        long repeats = 0;
        String[] serials = new String[CHUNK];
        Counters counters = new Counters(ranges);
        for (int count = counters.next(); count > 0; count = counters.next()) {
            codec.serials(counters.chunk, count, serials);
            for (int i = 0; i < count; i++) {
                if (bucket(serials[i].hashCode(), passes) == pass && !seen.add(serials[i])) {
                    repeats++;
                }
            }
        }
        return repeats;
    }

    /** The counters of the ranges, in order, {@link #CHUNK} at a time into one array. */
    private static final class Counters {

        final long[] chunk = new long[CHUNK];
        private final List<CounterRange> ranges;
        private int range;
        private long next;

        Counters(List<CounterRange> ranges) {
            this.ranges = ranges;
            this.next = ranges.isEmpty() ? 0 : ranges.get(0).from();
        }

        /** Fills the chunk with the next counters and answers how many; 0 once all are given. */
        int next() {
            while (range < ranges.size() && next >= ranges.get(range).to()) {
                range++;
                next = range < ranges.size() ? ranges.get(range).from() : 0;
            }
            if (range == ranges.size()) {
                return 0;
            }
            int count = (int) Math.min(CHUNK, ranges.get(range).to() - next);
            for (int i = 0; i < count; i++) {
                chunk[i] = next + i;
            }
            next += count;
            return count;
        }
    }

    /** The bucket of a value: a multiplicative hash, so that sequential values spread as evenly as random ones. */
    static int bucket(long value, int buckets) {
        long mixed = value * 0x9E3779B97F4A7C15L;
        return (int) Long.remainderUnsigned(mixed ^ (mixed >>> 29), buckets);
    }
}
