package org.serialgen.permutation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ff1Test {

    static final String ALPHABET36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    static final String KEY128 = "2B7E151628AED2A6ABF7158809CF4F3C";
    static final String KEY192 = KEY128 + "EF4359D8D580AA4F";
    static final String KEY256 = KEY192 + "7F036D6F04FC6A94";

    static int[] numerals(String text) {
        return text.chars().map(ALPHABET36::indexOf).toArray();
    }

    static String text(int[] numerals) {
        StringBuilder out = new StringBuilder();
        for (int n : numerals) {
            out.append(ALPHABET36.charAt(n));
        }
        return out.toString();
    }

    /** NIST's published FF1 samples for SP 800-38G (FF1samples.pdf), samples 1 to 9. */
    @ParameterizedTest(name = "sample {0}")
    @CsvSource({
        "1, " + KEY128 + ", '', 10, 0123456789, 2433477484",
        "2, " + KEY128 + ", 39383736353433323130, 10, 0123456789, 6124200773",
        "3, " + KEY128 + ", 3737373770717273373737, 36, 0123456789abcdefghi, a9tv40mll9kdu509eum",
        "4, " + KEY192 + ", '', 10, 0123456789, 2830668132",
        "5, " + KEY192 + ", 39383736353433323130, 10, 0123456789, 2496655549",
        "6, " + KEY192 + ", 3737373770717273373737, 36, 0123456789abcdefghi, xbj3kv35jrawxv32ysr",
        "7, " + KEY256 + ", '', 10, 0123456789, 6657667009",
        "8, " + KEY256 + ", 39383736353433323130, 10, 0123456789, 1001623463",
        "9, " + KEY256 + ", 3737373770717273373737, 36, 0123456789abcdefghi, xs8a0azh2avyalyzuwd"})
    void reproducesTheNistSamples(int sample, String key, String tweak, int radix, String plain, String cipher) {
        Ff1 ff1 = new Ff1(HexFormat.of().parseHex(key), HexFormat.of().parseHex(tweak), radix, plain.length());
        assertEquals(cipher, text(ff1.encrypt(numerals(plain))));
        assertEquals(plain, text(ff1.decrypt(numerals(cipher))));
        if (ff1.isFast()) {
            assertEquals(Long.parseLong(cipher), ff1.encrypt(Long.parseLong(plain)));
        }
    }

    @Test
    void theFastPathServesTheUsualSerialFormats() {
        byte[] key = new byte[16];
        assertTrue(new Ff1(key, new byte[0], 10, 12).isFast(), "numeric-12");
        assertTrue(new Ff1(key, new byte[0], 36, 12).isFast(), "alphanumeric-12");
        assertTrue(new Ff1(key, new byte[0], 10, 18).isFast(), "numeric-18");
        assertTrue(!new Ff1(key, new byte[0], 82, 20).isFast(), "cs82-20 takes the general path");
    }

    @ParameterizedTest(name = "radix {0}, length {1}")
    @CsvSource({"10, 12", "36, 12", "31, 10", "10, 18", "82, 12", "82, 20", "10, 20"})
    void agreesWithBouncyCastleOnAHundredThousandInputs(int radix, int length) {
        SplittableRandom random = new SplittableRandom(radix * 1000L + length);
        byte[] key = new byte[16];
        random.nextBytes(key);
        Ff1 ours = new Ff1(key, new byte[0], radix, length);
        FPEFF1Engine reference = new FPEFF1Engine();
        reference.init(true, new FPEParameters(new KeyParameter(key), radix, new byte[0]));
        int inputs = ours.isFast() ? 100_000 : 20_000;
        long[] batch = new long[inputs];
        byte[][] expected = new byte[inputs][];
        for (int i = 0; i < inputs; i++) {
            byte[] in = new byte[length];
            int[] numerals = new int[length];
            for (int k = 0; k < length; k++) {
                numerals[k] = random.nextInt(radix);
                in[k] = (byte) numerals[k];
            }
            byte[] out = new byte[length];
            reference.processBlock(in, 0, length, out, 0);
            expected[i] = out;
            int[] mine = ours.encrypt(numerals);
            for (int k = 0; k < length; k++) {
                assertEquals(out[k] & 0xFF, mine[k], "input " + i + " numeral " + k);
            }
            if (ours.isFast()) {
                batch[i] = ours.fromNumerals(numerals);
            }
        }
        if (ours.isFast()) {
            ours.encrypt(batch, inputs);
            for (int i = 0; i < inputs; i++) {
                int[] batched = ours.toNumerals(batch[i]);
                for (int k = 0; k < length; k++) {
                    assertEquals(expected[i][k] & 0xFF, batched[k], "batched input " + i);
                }
                // the fast decryption undoes it, back to BouncyCastle's input
                if (i % 10 == 0) {
                    assertEquals(ours.fromNumerals(ours.decrypt(batched)), ours.decrypt(batch[i]), "decrypt " + i);
                }
            }
        }
    }

    @Test
    void isAPermutationOfItsWholeDomain() {
        Ff1 ff1 = new Ff1(HexFormat.of().parseHex(KEY128), new byte[0], 10, 6);
        int size = 1_000_000;
        long[] values = new long[size];
        for (int i = 0; i < size; i++) {
            values[i] = i;
        }
        ff1.encrypt(values, size);
        BitSet seen = new BitSet(size);
        for (long value : values) {
            assertTrue(value >= 0 && value < size);
            seen.set((int) value);
        }
        assertEquals(size, seen.cardinality(), "every output once");
    }

    @Test
    void refusesDomainsTooSmallForTheStandardAndValuesOutsideIt() {
        assertThrows(IllegalArgumentException.class, () -> new Ff1(new byte[16], new byte[0], 10, 5));
        Ff1 ff1 = new Ff1(new byte[16], new byte[0], 10, 6);
        assertThrows(IllegalArgumentException.class, () -> ff1.encrypt(1_000_000L));
        assertThrows(IllegalArgumentException.class, () -> ff1.encrypt(-1L));
        int[] digits = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(digits, ff1.decrypt(ff1.encrypt(digits)));
    }

    @Test
    void reducesByTheReciprocalExactlyAsByDivision() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            long m = 2 + random.nextLong((1L << 32) - 2);
            long y = random.nextLong();
            assertEquals(Long.remainderUnsigned(y, m), Ff1.remainder(y, m, Long.divideUnsigned(-1L, m)));
        }
        assertEquals(Long.remainderUnsigned(-1L, 10), Ff1.remainder(-1L, 10, Long.divideUnsigned(-1L, 10)));
        // the extremes, where the estimated quotient falls furthest short
        for (long m : new long[] {2, 3, 10, 1_000_000, 2_176_782_336L, 31L * 31 * 31 * 31 * 31, (1L << 32) - 1}) {
            long reciprocal = Long.divideUnsigned(-1L, m);
            for (long y : new long[] {-1L, -2L, -m, -m - 1, Long.MIN_VALUE, Long.MAX_VALUE, 0, m - 1, m, 2 * m + 1}) {
                assertEquals(Long.remainderUnsigned(y, m), Ff1.remainder(y, m, reciprocal), "y " + y + " m " + m);
            }
            for (int i = 0; i < 100_000; i++) {
                long y = -1L - random.nextLong(1L << 40);
                assertEquals(Long.remainderUnsigned(y, m), Ff1.remainder(y, m, reciprocal), "y " + y + " m " + m);
            }
        }
    }
}
