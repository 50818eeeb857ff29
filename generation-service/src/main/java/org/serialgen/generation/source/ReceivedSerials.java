package org.serialgen.generation.source;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.serialgen.gs1.CompanyPrefix;
import org.serialgen.gs1.SerialNumber;
import org.serialgen.gs1.Sscc;
import org.serialgen.permutation.SerialCodec;

/**
 * An external source's values, checked: exactly the quantity asked for, each a valid serial (or SSCC of the pool's
 * company prefix and extension digit), none twice. {@code counters[i]} is the pool counter whose serial equals
 * {@code values[i]} — the pool must then never issue that counter — or -1 where the value is outside the pool's
 * format or capacity and so can never be one of its serials.
 */
public record ReceivedSerials(String source, String[] values, long[] counters) {

    /** The answer of {@code source} to a request for {@code wanted}, checked; else {@link SourceRejected}. */
    static ReceivedSerials check(String source, SourceResponse response, Wanted wanted) {
        long quantity = wanted.quantity();
        List<String> values = response == null ? null : response.serials();
        if (values == null) {
            throw new SourceRejected("answered without a serials list");
        }
        if (values.size() != quantity) {
            throw new SourceRejected("answered " + values.size() + " values for " + quantity + " asked");
        }
        String[] checked = new String[values.size()];
        long[] counters = new long[values.size()];
        Set<String> seen = new HashSet<>(values.size() * 2);
        for (int i = 0; i < checked.length; i++) {
            String value = values.get(i);
            if (value == null) {
                throw new SourceRejected("value " + i + " is null");
            }
            if (!seen.add(value)) {
                throw new SourceRejected("value " + i + " (" + value + ") appears twice in the answer");
            }
            checked[i] = value;
            counters[i] = wanted.prefix() == null ? serialCounter(i, value, wanted.codec(), wanted.capacity())
                : ssccCounter(i, value, wanted.prefix(), wanted.extension());
        }
        return new ReceivedSerials(source, checked, counters);
    }

    private static long serialCounter(int i, String value, SerialCodec codec, long capacity) {
        try {
            new SerialNumber(value);
        } catch (IllegalArgumentException e) {
            throw new SourceRejected("value " + i + " is not a GS1 serial number (AI 21: 1 to 20 characters of set "
                + "82): " + e.getMessage());
        }
        long counter = codec.counter(value);
        return counter >= 0 && counter < capacity ? counter : -1;
    }

    private static long ssccCounter(int i, String value, CompanyPrefix prefix, int extension) {
        Sscc sscc;
        try {
            sscc = new Sscc(value);
        } catch (IllegalArgumentException e) {
            throw new SourceRejected("value " + i + " is not an SSCC: " + e.getMessage());
        }
        if (sscc.extensionDigit() != extension || !value.startsWith(prefix.value(), 1)) {
            throw new SourceRejected("value " + i + " (" + value + ") is not under company prefix " + prefix.value()
                + " with extension digit " + extension);
        }
        return Long.parseLong(sscc.serialReference(prefix.length()));
    }

    public int size() {
        return values.length;
    }
}
