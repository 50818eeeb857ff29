package org.serialgen.permutation;

import java.math.BigInteger;

/**
 * Turns pool counters into serial numbers: counter {@code c} of a pool becomes the {@code length}-character string
 * of {@code alphabet} whose value is {@code FF1(c)} (randomised) or {@code c} itself (sequential). Distinct counters
 * give distinct serials because FF1 is a permutation of the whole domain {@code alphabet.length()^length}; where that
 * domain is smaller than FF1 allows (10^6), the permutation runs on a larger domain and cycle-walks back into it.
 *
 * <p>Not thread-safe (FF1 holds a cipher): one instance per thread.
 */
public final class SerialCodec {

    private final char[] alphabet;
    private final int length;
    /** alphabet^length, or Long.MAX_VALUE for formats beyond 63 bits (counters stay longs; serials do not). */
    private final long domain;
    private final boolean wide;
    private final Ff1 ff1;
    private final long[] scratch = new long[1];

    /**
     * @param key      the pool's AES key; null for a sequential pool
     * @param alphabet the characters, in ascending value order
     * @param length   characters per serial
     */
    public SerialCodec(byte[] key, String alphabet, int length) {
        this.alphabet = alphabet.toCharArray();
        this.length = length;
        BigInteger space = BigInteger.valueOf(alphabet.length()).pow(length);
        this.wide = space.bitLength() > 63;
        this.domain = wide ? Long.MAX_VALUE : space.longValue();
        if (key == null) {
            this.ff1 = null;
        } else {
            int ff1Length = length;
            while (BigInteger.valueOf(alphabet.length()).pow(ff1Length).compareTo(BigInteger.valueOf(Ff1.MIN_DOMAIN)) < 0) {
                ff1Length++;
            }
            this.ff1 = new Ff1(key, new byte[0], alphabet.length(), Math.max(ff1Length, 2));
        }
    }

    /** The number of distinct serials of this format: alphabet^length, capped at {@link Long#MAX_VALUE}. */
    public long domain() {
        return domain;
    }

    /** The serials of {@code counters[0 … count)} into {@code out}, batched where the format allows. */
    public void serials(long[] counters, int count, String[] out) {
        if (wide) {
            for (int i = 0; i < count; i++) {
                out[i] = serial(counters[i]);
            }
            return;
        }
        values(counters, count);
        for (int i = 0; i < count; i++) {
            out[i] = render(counters[i]);
        }
    }

    /** Whether serials have long values ({@link #values}): formats within 63 bits. */
    public boolean hasLongValues() {
        return !wide;
    }

    public String serial(long counter) {
        if (wide) {
            if (counter < 0) {
                throw new IllegalArgumentException("counter outside the format's domain: " + counter);
            }
            int[] numerals = ff1 == null ? numerals(counter) : ff1.encrypt(numerals(counter));
            char[] out = new char[length];
            for (int k = 0; k < length; k++) {
                out[k] = alphabet[numerals[k]];
            }
            return new String(out);
        }
        scratch[0] = counter;
        values(scratch, 1);
        return render(scratch[0]);
    }

    private int[] numerals(long counter) {
        int[] numerals = new int[length];
        for (int k = length - 1; k >= 0 && counter > 0; k--) {
            numerals[k] = (int) (counter % alphabet.length);
            counter /= alphabet.length;
        }
        return numerals;
    }

    /**
     * Replaces {@code counters[0 … count)} by their serials' values (render them with {@link #render(long)}); for
     * formats within 63 bits.
     */
    public void values(long[] counters, int count) {
        if (wide) {
            throw new IllegalStateException("a format beyond 63 bits has no long values; use serials()");
        }
        for (int i = 0; i < count; i++) {
            if (counters[i] < 0 || counters[i] >= domain) {
                throw new IllegalArgumentException("counter outside the format's domain: " + counters[i]);
            }
        }
        if (ff1 == null) {
            return;
        }
        ff1.encrypt(counters, count);
        // cycle-walk: only where FF1 runs on a larger domain than the format's
        if (ff1.domain().bitLength() < 64 && ff1.domain().longValue() != domain) {
            for (int i = 0; i < count; i++) {
                while (counters[i] >= domain) {
                    counters[i] = ff1.encrypt(counters[i]);
                }
            }
        }
    }

    /**
     * The counter whose serial is {@code serial}, or -1 where no counter of this format gives it (other length, a
     * character outside the alphabet, or a value beyond 63 bits). The inverse of {@link #serial(long)}.
     */
    public long counter(String serial) {
        if (serial.length() != length) {
            return -1;
        }
        BigInteger value = BigInteger.ZERO;
        BigInteger radix = BigInteger.valueOf(alphabet.length);
        int[] numerals = new int[length];
        for (int k = 0; k < length; k++) {
            int numeral = indexOf(serial.charAt(k));
            if (numeral < 0) {
                return -1;
            }
            numerals[k] = numeral;
            value = value.multiply(radix).add(BigInteger.valueOf(numeral));
        }
        if (wide) {
            BigInteger counter = ff1 == null ? value : fromNumerals(ff1.decrypt(numerals));
            return counter.bitLength() > 63 ? -1 : counter.longValue();
        }
        long x = value.longValueExact();
        if (ff1 == null) {
            return x;
        }
        // cycle-walking backwards: decrypt until the value falls inside the format's domain again
        do {
            x = ff1.decrypt(x);
        } while (x >= domain);
        return x;
    }

    private int indexOf(char c) {
        for (int i = 0; i < alphabet.length; i++) {
            if (alphabet[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private BigInteger fromNumerals(int[] numerals) {
        BigInteger value = BigInteger.ZERO;
        BigInteger radix = BigInteger.valueOf(alphabet.length);
        for (int numeral : numerals) {
            value = value.multiply(radix).add(BigInteger.valueOf(numeral));
        }
        return value;
    }

    /** The serial string of a value in the domain. */
    public String render(long value) {
        char[] out = new char[length];
        appendTo(value, out, 0);
        return new String(out);
    }

    /** Writes the serial of {@code value} into {@code out} at {@code at}, {@code length} characters. */
    public void appendTo(long value, char[] out, int at) {
        int radix = alphabet.length;
        for (int k = at + length - 1; k >= at; k--) {
            out[k] = alphabet[(int) (value % radix)];
            value /= radix;
        }
    }

    public int length() {
        return length;
    }

    String alphabetForTest() {
        return new String(alphabet);
    }
}
