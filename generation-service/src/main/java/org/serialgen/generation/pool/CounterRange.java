package org.serialgen.generation.pool;

/** The counters {@code [from, to)} of a pool: an allocation, or a run of counters external values hold. */
public record CounterRange(long from, long to) {

    public CounterRange {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("not a range of counters: [" + from + ", " + to + ")");
        }
    }

    public long size() {
        return to - from;
    }
}
