package org.serialgen.generation.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an allocation of {@code quantity} counters from {@code from} lies when some counters are held by external
 * values: the unbroken runs around them. Pure arithmetic over one window of counters; the caller asks again from the
 * window's end for what is still owed.
 */
final class CounterRuns {

    /** The free runs inside the window, and how many counters the window could not give. */
    record Window(List<CounterRange> free, long owed, long end) {
    }

    private CounterRuns() {
    }

    /**
     * @param held the runs of held counters inside {@code [from, from + quantity)}, in ascending order
     */
    static Window around(long from, long quantity, List<CounterRange> held) {
        List<CounterRange> free = new ArrayList<>();
        long at = from;
        long owed = quantity;
        for (CounterRange run : held) {
            if (run.from() > at) {
                free.add(new CounterRange(at, run.from()));
                owed -= run.from() - at;
            }
            at = run.to();
        }
        long end = from + quantity;
        if (at < end) {
            free.add(new CounterRange(at, end));
            owed -= end - at;
        }
        return new Window(free, owed, end);
    }

    /** {@code first} followed by {@code rest}, a run that continues across the two joined into one. */
    static List<CounterRange> join(List<CounterRange> first, List<CounterRange> rest) {
        List<CounterRange> joined = new ArrayList<>(first);
        for (CounterRange run : rest) {
            int last = joined.size() - 1;
            if (last >= 0 && joined.get(last).to() == run.from()) {
                joined.set(last, new CounterRange(joined.get(last).from(), run.to()));
            } else {
                joined.add(run);
            }
        }
        return joined;
    }
}
