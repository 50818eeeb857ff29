package org.serialgen.generation.pool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.serialgen.gs1.CompanyPrefix;
import org.serialgen.gs1.Sscc;
import org.serialgen.permutation.SerialCodec;

/**
 * The built-in numbers a work order holds now, read once to look up many: its active counter ranges per pool, with
 * each serial pool's codec. A serial is held when its pool (by GTIN) maps it to a counter inside one of the ranges;
 * an SSCC when it is one of an SSCC pool's and its serial reference is inside one. Values an external source
 * delivered are not here (they have no ranges): callers ask the external values for what this does not place.
 * One per request and thread (a codec holds a cipher).
 */
public final class HeldNumbers {

    /** A number the work order holds: its pool, its counter there, and of what kind it is for the work order. */
    public record Placed(SerialPool pool, long counter, Kind kind) {
    }

    /** One pool's ranges, ascending and disjoint (the exclusion constraint), and how to read its numbers. */
    record Held(SerialPool pool, SerialCodec codec, Kind kind, long[] from, long[] to) {

        boolean holds(long counter) {
            int at = Arrays.binarySearch(from, counter);
            int range = at >= 0 ? at : -at - 2;
            return range >= 0 && counter < to[range];
        }
    }

    private final Map<String, Held> serialPools = new HashMap<>();
    private final List<Held> ssccPools = new ArrayList<>();

    HeldNumbers(List<Held> pools) {
        for (Held held : pools) {
            if (held.pool().kind == Kind.SSCC) {
                ssccPools.add(held);
            } else {
                serialPools.put(held.pool().gtin.strip(), held);
            }
        }
    }

    /** The serial of GTIN {@code gtin} (14 digits), if the work order holds it from a built-in pool. */
    public Optional<Placed> sgtin(String gtin, String serial) {
        Held held = serialPools.get(gtin);
        if (held == null) {
            return Optional.empty();
        }
        long counter = held.codec().counter(serial);
        return counter >= 0 && held.holds(counter) ? Optional.of(new Placed(held.pool(), counter, held.kind()))
            : Optional.empty();
    }

    /** The SSCC (18 digits), if the work order holds it. */
    public Optional<Placed> sscc(String sscc) {
        for (Held held : ssccPools) {
            SerialPool pool = held.pool();
            String prefix = pool.companyPrefix;
            if (sscc.length() == 18 && sscc.charAt(0) == (char) ('0' + pool.extensionDigit)
                && sscc.startsWith(prefix, 1)) {
                long counter = Long.parseLong(sscc.substring(1 + prefix.length(), 17));
                if (Sscc.of(pool.extensionDigit, new CompanyPrefix(prefix), counter).value().equals(sscc)
                    && held.holds(counter)) {
                    return Optional.of(new Placed(pool, counter, Kind.SSCC));
                }
            }
        }
        return Optional.empty();
    }

    /** The kind the work order's numbers of GTIN {@code gtin} are (serial or bundle), if it holds any built-in. */
    public Optional<Kind> kindOf(String gtin) {
        return Optional.ofNullable(serialPools.get(gtin)).map(Held::kind);
    }
}
