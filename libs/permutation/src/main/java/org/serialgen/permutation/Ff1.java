package org.serialgen.permutation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * NIST SP 800-38G FF1 format-preserving encryption with AES: a keyed permutation of the numeral strings of
 * {@code length} digits in base {@code radix}, seen here as the integers {@code 0 … radix^length − 1}.
 *
 * <p>Two paths compute the same function. The general one follows the standard's Algorithm 7 with {@link BigInteger}
 * numerals and any tweak. The fast one serves what serial pools use — no tweak, and halves whose numerals fit in
 * 32 bits, so that each round's AES output reduces with one unsigned 64-bit remainder: it works in {@code long}
 * arithmetic, computes the constant first CBC-MAC block {@code CIPH(P)} once, and in {@link #encrypt(long[], int)}
 * runs each round as one AES call over the whole batch (independent blocks, which AES-NI pipelines). Each serial
 * then costs ten AES blocks, the standard's minimum.
 *
 * <p>Not thread-safe (it holds a {@link Cipher}): use one instance per thread.
 */
public final class Ff1 {

    /** SP 800-38G Rev. 1 §5.2: radix^minlen ≥ 1 000 000. */
    public static final long MIN_DOMAIN = 1_000_000;
    private static final int ROUNDS = 10;
    private static final int BLOCK = 16;

    private final Cipher aes;
    private final int radix;
    private final int length;
    private final int u;
    private final int v;
    private final int b;
    private final int d;
    private final byte[] tweak;
    private final byte[] firstMac;
    private final boolean fast;
    private final long radixPowU;
    private final long radixPowV;
    private final long reciprocalU;
    private final long reciprocalV;
    private final long macHigh;
    private final long macLow;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private final BigInteger domain;
    /** The domain as a long bound on values (Long.MAX_VALUE beyond 63 bits): checked per value, so not a BigInteger. */
    private final long domainBound;

    /**
     * @param key    AES key, 16, 24 or 32 bytes
     * @param tweak  the tweak (may be empty)
     * @param radix  2 to 65 536
     * @param length numerals per value; radix^length must be at least {@value #MIN_DOMAIN}
     */
    public Ff1(byte[] key, byte[] tweak, int radix, int length) {
        if (radix < 2 || radix > 65_536) {
            throw new IllegalArgumentException("radix must be 2 to 65536");
        }
        if (length < 2) {
            throw new IllegalArgumentException("length must be at least 2");
        }
        this.radix = radix;
        this.length = length;
        this.domain = BigInteger.valueOf(radix).pow(length);
        this.domainBound = domain.bitLength() < 64 ? domain.longValue() : Long.MAX_VALUE;
        if (domain.compareTo(BigInteger.valueOf(MIN_DOMAIN)) < 0) {
            throw new IllegalArgumentException("radix^length must be at least " + MIN_DOMAIN + " (SP 800-38G)");
        }
        this.tweak = tweak.clone();
        this.u = length / 2;
        this.v = length - u;
        BigInteger radixPowVBig = BigInteger.valueOf(radix).pow(v);
        this.b = (radixPowVBig.subtract(BigInteger.ONE).bitLength() + 7) / 8;
        this.d = 4 * ((b + 3) / 4) + 4;
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("AES key of 16, 24 or 32 bytes expected", e);
        }
        this.firstMac = cipher(pBlock());
        // one CBC-MAC block for Q (tweak + padding + round + NUM(B) fit in 16 bytes) and y in 8 bytes (d = 8)
        this.fast = tweak.length == 0 && b <= 4 && d == 8;
        this.radixPowU = fast ? BigInteger.valueOf(radix).pow(u).longValueExact() : 1;
        this.radixPowV = fast ? radixPowVBig.longValueExact() : 1;
        this.reciprocalU = Long.divideUnsigned(-1L, radixPowU);
        this.reciprocalV = Long.divideUnsigned(-1L, radixPowV);
        this.macHigh = (long) LONGS.get(firstMac, 0);
        this.macLow = (long) LONGS.get(firstMac, 8);
    }

    public int radix() {
        return radix;
    }

    public int length() {
        return length;
    }

    /** radix^length, the size of the permuted domain. */
    public BigInteger domain() {
        return domain;
    }

    /** Whether {@link #encrypt(long)} and {@link #encrypt(long[], int)} run in long arithmetic. */
    public boolean isFast() {
        return fast;
    }

    /** FF1.Encrypt of the numeral string of {@code x} (most significant numeral first, zero-padded). */
    public long encrypt(long x) {
        if (!fast) {
            return fromNumerals(encrypt(toNumerals(x)));
        }
        long[] one = {x};
        encrypt(one, 1);
        return one[0];
    }

    /**
     * Encrypts {@code values[0 … count)} in place, one AES call per round for all of them.
     *
     * @throws IllegalStateException on the general path, which has no batch form
     */
    public void encrypt(long[] values, int count) {
        if (!fast) {
            for (int i = 0; i < count; i++) {
                values[i] = fromNumerals(encrypt(toNumerals(values[i])));
            }
            return;
        }
        long[] a = new long[count];
        long[] bHalf = new long[count];
        for (int j = 0; j < count; j++) {
            long x = values[j];
            if (x < 0 || x >= domainBound) {
                throw new IllegalArgumentException("value outside the domain: " + x);
            }
            a[j] = x / radixPowV;
            bHalf[j] = x % radixPowV;
        }
        byte[] blocks = new byte[count * BLOCK];
        byte[] ciphered = new byte[count * BLOCK];
        for (int i = 0; i < ROUNDS; i++) {
            boolean even = (i & 1) == 0;
            long modulus = even ? radixPowU : radixPowV;
            long reciprocal = even ? reciprocalU : reciprocalV;
            // Q's round byte and NUM(B) sit in the block's last 8 bytes: one long, XORed with CIPH(P) (CBC-MAC)
            long round = (long) i << (8 * b);
            for (int j = 0; j < count; j++) {
                int at = j * BLOCK;
                LONGS.set(blocks, at, macHigh);
                LONGS.set(blocks, at + 8, macLow ^ round ^ bHalf[j]);
            }
            cipher(blocks, ciphered, count * BLOCK);
            for (int j = 0; j < count; j++) {
                long y = (long) LONGS.get(ciphered, j * BLOCK);
                long c = a[j] + remainder(y, modulus, reciprocal);
                c -= modulus & ~((c - modulus) >> 63);
                a[j] = bHalf[j];
                bHalf[j] = c;
            }
        }
        for (int j = 0; j < count; j++) {
            values[j] = a[j] * radixPowV + bHalf[j];
        }
    }

    /**
     * FF1.Decrypt of one value, the inverse of {@link #encrypt(long)}: it tells which counter a serial received from
     * elsewhere would be, so that a pool never issues it again.
     */
    public long decrypt(long x) {
        if (!fast) {
            return fromNumerals(decrypt(toNumerals(x)));
        }
        if (x < 0 || x >= domainBound) {
            throw new IllegalArgumentException("value outside the domain: " + x);
        }
        long a = x / radixPowV;
        long bHalf = x % radixPowV;
        byte[] block = new byte[BLOCK];
        // the rounds backwards: B before round i is A after it, and A before it is (B after − y) mod the round's modulus
        for (int i = ROUNDS - 1; i >= 0; i--) {
            boolean even = (i & 1) == 0;
            long modulus = even ? radixPowU : radixPowV;
            LONGS.set(block, 0, macHigh);
            LONGS.set(block, 8, macLow ^ ((long) i << (8 * b)) ^ a);
            cipher(block, block, BLOCK);
            long y = (long) LONGS.get(block, 0);
            long c = bHalf - remainder(y, modulus, even ? reciprocalU : reciprocalV);
            if (c < 0) {
                c += modulus;
            }
            bHalf = a;
            a = c;
        }
        return a * radixPowV + bHalf;
    }

    /**
     * y mod m for an unsigned 64-bit y and 2 ≤ m < 2^32, by a multiplication with the precomputed reciprocal
     * ⌊(2^64 − 1) / m⌋ instead of a division, which costs several times more and runs ten times per serial. The
     * estimated quotient falls short by at most 2 (the reciprocal's floor loses less than 1, the 2^64 − 1 less than
     * 1/m), so two corrections finish it; they are branch-free because whether one is needed is a coin toss that a
     * branch predictor would lose about as often as it wins.
     */
    static long remainder(long y, long m, long reciprocal) {
        long quotient = Math.multiplyHigh(y, reciprocal) + ((y >> 63) & reciprocal) + ((reciprocal >> 63) & y);
        long r = y - quotient * m;
        r -= m & ~((r - m) >> 63);
        r -= m & ~((r - m) >> 63);
        return r;
    }

    /** FF1.Encrypt, Algorithm 7 of SP 800-38G, on a numeral string. */
    public int[] encrypt(int[] numerals) {
        return feistel(numerals, true);
    }

    /** FF1.Decrypt, Algorithm 8 of SP 800-38G. */
    public int[] decrypt(int[] numerals) {
        return feistel(numerals, false);
    }

    private int[] feistel(int[] x, boolean encrypt) {
        if (x.length != length) {
            throw new IllegalArgumentException("expected " + length + " numerals");
        }
        for (int numeral : x) {
            if (numeral < 0 || numeral >= radix) {
                throw new IllegalArgumentException("numeral outside radix " + radix);
            }
        }
        BigInteger bigRadix = BigInteger.valueOf(radix);
        BigInteger a = num(Arrays.copyOfRange(x, 0, u));
        BigInteger bb = num(Arrays.copyOfRange(x, u, length));
        for (int step = 0; step < ROUNDS; step++) {
            int i = encrypt ? step : ROUNDS - 1 - step;
            int m = (i & 1) == 0 ? u : v;
            BigInteger modulus = bigRadix.pow(m);
            if (encrypt) {
                BigInteger y = roundValue(i, bb);
                BigInteger c = a.add(y).mod(modulus);
                a = bb;
                bb = c;
            } else {
                BigInteger y = roundValue(i, a);
                BigInteger c = bb.subtract(y).mod(modulus);
                bb = a;
                a = c;
            }
        }
        int[] out = new int[length];
        System.arraycopy(str(a, u), 0, out, 0, u);
        System.arraycopy(str(bb, v), 0, out, u, v);
        return out;
    }

    /** Steps i–iv of a round: y = NUM(S), S from PRF(P || Q) and its extension to d bytes. */
    private BigInteger roundValue(int i, BigInteger numB) {
        int pad = Math.floorMod(-tweak.length - b - 1, BLOCK);
        byte[] q = new byte[tweak.length + pad + 1 + b];
        System.arraycopy(tweak, 0, q, 0, tweak.length);
        q[tweak.length + pad] = (byte) i;
        byte[] numBytes = numB.toByteArray();
        int copy = Math.min(numBytes.length, b);
        System.arraycopy(numBytes, numBytes.length - copy, q, q.length - copy, copy);

        byte[] r = firstMac.clone();
        for (int at = 0; at < q.length; at += BLOCK) {
            for (int k = 0; k < BLOCK; k++) {
                r[k] ^= q[at + k];
            }
            r = cipher(r);
        }
        byte[] s = new byte[((d + BLOCK - 1) / BLOCK) * BLOCK];
        System.arraycopy(r, 0, s, 0, BLOCK);
        for (int j = 1; j * BLOCK < d; j++) {
            byte[] block = r.clone();
            block[BLOCK - 1] ^= (byte) j;
            block[BLOCK - 2] ^= (byte) (j >>> 8);
            System.arraycopy(cipher(block), 0, s, j * BLOCK, BLOCK);
        }
        return new BigInteger(1, Arrays.copyOf(s, d));
    }

    private byte[] pBlock() {
        byte[] p = new byte[BLOCK];
        p[0] = 1;
        p[1] = 2;
        p[2] = 1;
        p[3] = (byte) (radix >>> 16);
        p[4] = (byte) (radix >>> 8);
        p[5] = (byte) radix;
        p[6] = 10;
        p[7] = (byte) u;
        p[8] = (byte) (length >>> 24);
        p[9] = (byte) (length >>> 16);
        p[10] = (byte) (length >>> 8);
        p[11] = (byte) length;
        p[12] = (byte) (tweak.length >>> 24);
        p[13] = (byte) (tweak.length >>> 16);
        p[14] = (byte) (tweak.length >>> 8);
        p[15] = (byte) tweak.length;
        return p;
    }

    private BigInteger num(int[] numerals) {
        BigInteger value = BigInteger.ZERO;
        BigInteger bigRadix = BigInteger.valueOf(radix);
        for (int numeral : numerals) {
            value = value.multiply(bigRadix).add(BigInteger.valueOf(numeral));
        }
        return value;
    }

    private int[] str(BigInteger value, int m) {
        int[] out = new int[m];
        BigInteger bigRadix = BigInteger.valueOf(radix);
        for (int k = m - 1; k >= 0; k--) {
            BigInteger[] qr = value.divideAndRemainder(bigRadix);
            out[k] = qr[1].intValue();
            value = qr[0];
        }
        return out;
    }

    int[] toNumerals(long x) {
        if (x < 0 || BigInteger.valueOf(x).compareTo(domain) >= 0) {
            throw new IllegalArgumentException("value outside the domain: " + x);
        }
        return str(BigInteger.valueOf(x), length);
    }

    long fromNumerals(int[] numerals) {
        return num(numerals).longValueExact();
    }

    private byte[] cipher(byte[] block) {
        try {
            return aes.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB on whole blocks cannot fail", e);
        }
    }

    /** AES/ECB of {@code blocks} into {@code out}: another array, as the JDK copies the input of an in-place call. */
    private void cipher(byte[] blocks, byte[] out, int len) {
        try {
            aes.update(blocks, 0, len, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB on whole blocks cannot fail", e);
        }
    }
}
