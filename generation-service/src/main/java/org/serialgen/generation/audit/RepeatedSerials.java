package org.serialgen.generation.audit;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    static long count(SerialCodec codec, List<long[]> ranges, long size, long memoryBytes) {
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

    private static long longRepeats(SerialCodec codec, List<long[]> ranges, long size, int passes, int pass) {
        long[] kept = new long[(int) Math.min(Integer.MAX_VALUE - 16, size / passes + size / passes / 8 + 16)];
        int held = 0;
        long[] chunk = new long[CHUNK];
        for (long[] range : ranges) {
            for (long from = range[0]; from < range[1]; from += CHUNK) {
                int count = (int) Math.min(CHUNK, range[1] - from);
                for (int i = 0; i < count; i++) {
                    chunk[i] = from + i;
                }
                codec.values(chunk, count);
                for (int i = 0; i < count; i++) {
                    if (bucket(chunk[i], passes) == pass) {
                        if (held == kept.length) {
                            kept = Arrays.copyOf(kept, kept.length + kept.length / 2);
                        }
                        kept[held++] = chunk[i];
                    }
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

    private static long stringRepeats(SerialCodec codec, List<long[]> ranges, long size, int passes, int pass) {
        Set<String> seen = new HashSet<>((int) Math.min(1 << 24, size / passes * 2));
        long repeats = 0;
        long[] chunk = new long[CHUNK];
        String[] serials = new String[CHUNK];
        for (long[] range : ranges) {
            for (long from = range[0]; from < range[1]; from += CHUNK) {
                int count = (int) Math.min(CHUNK, range[1] - from);
                for (int i = 0; i < count; i++) {
                    chunk[i] = from + i;
                }
                codec.serials(chunk, count, serials);
                for (int i = 0; i < count; i++) {
                    if (bucket(serials[i].hashCode(), passes) == pass && !seen.add(serials[i])) {
                        repeats++;
                    }
                }
            }
        }
        return repeats;
    }

    /** The bucket of a value: a multiplicative hash, so that sequential values spread as evenly as random ones. */
    static int bucket(long value, int buckets) {
        long mixed = value * 0x9E3779B97F4A7C15L;
        return (int) Long.remainderUnsigned(mixed ^ (mixed >>> 29), buckets);
    }
}
