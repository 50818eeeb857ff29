package org.serialgen.permutation.bench;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.serialgen.permutation.Ff1;

/**
 * FF1 serials per second, ours against BouncyCastle's FPEFF1Engine and against the AES ceiling (independent AES
 * blocks per second ÷ 10, the blocks one FF1 serial needs), on one thread and on all cores, measured in one run.
 * Run: {@code ./mvnw -q -Pbench -pl libs/permutation -am verify} (about a minute and a half).
 */
public final class Ff1Benchmark {

    static final int BATCH = 256;
    static final long WARMUP_MS = Long.getLong("bench.warmup-ms", 1500);
    static final long MEASURE_MS = Long.getLong("bench.measure-ms", 3000);
    static final int CORES = Runtime.getRuntime().availableProcessors();

    /** One worker's loop: returns serials done per call, so the harness can count. */
    interface Work {
        int run();
    }

    public static void main(String[] args) throws Exception {
        byte[] key = new byte[16];
        new SplittableRandom(42).nextBytes(key);
        System.out.printf(Locale.ROOT, "FF1 benchmark: %d cores, JDK %s, warm-up %d ms, measure %d ms%n",
            CORES, System.getProperty("java.version"), WARMUP_MS, MEASURE_MS);
        System.out.printf(Locale.ROOT, "%-20s %-26s %14s %14s%n", "format", "implementation", "1 thread/s",
            CORES + " threads/s");
        for (int[] format : new int[][] {{10, 12}, {36, 12}}) {
            int radix = format[0];
            int length = format[1];
            String name = (radix == 10 ? "numeric-" : "alphanumeric-") + length;
            double[] bc = row(name, "BouncyCastle FPEFF1Engine", () -> bouncyCastle(key, radix, length));
            double[] single = row(name, "ours, one at a time", () -> oursOneByOne(key, radix, length));
            double[] batched = row(name, "ours, batched " + BATCH, () -> oursBatched(key, radix, length));
            double[] ceiling = row(name, "AES ceiling (blocks/10)", () -> aesCeiling(key));
            System.out.printf(Locale.ROOT, "%-20s batched vs BouncyCastle: %.0fx (1 thread), %.0fx (%d threads); "
                    + "batched vs AES ceiling: %.2f (1 thread), %.2f (%d threads)%n", name,
                batched[0] / bc[0], batched[1] / bc[1], CORES, batched[0] / ceiling[0], batched[1] / ceiling[1], CORES);
            System.out.printf(Locale.ROOT, "%-20s one-at-a-time vs BouncyCastle: %.0fx%n", name, single[0] / bc[0]);
        }
    }

    static double[] row(String format, String implementation, Supplier<Work> worker) throws Exception {
        double one = measure(worker, 1);
        double all = measure(worker, CORES);
        System.out.printf(Locale.ROOT, "%-20s %-26s %14s %14s%n", format, implementation, human(one), human(all));
        return new double[] {one, all};
    }

    static double measure(Supplier<Work> worker, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<long[]>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                tasks.add(() -> {
                    Work work = worker.get();
                    long warmEnd = System.nanoTime() + WARMUP_MS * 1_000_000;
                    while (System.nanoTime() < warmEnd) {
                        work.run();
                    }
                    long start = System.nanoTime();
                    long end = start + MEASURE_MS * 1_000_000;
                    long done = 0;
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        done += work.run();
                    }
                    return new long[] {done, now - start};
                });
            }
            double total = 0;
            for (Future<long[]> result : pool.invokeAll(tasks)) {
                long[] r = result.get();
                total += r[0] * 1e9 / r[1];
            }
            return total;
        } finally {
            pool.shutdown();
        }
    }

    static Work bouncyCastle(byte[] key, int radix, int length) {
        FPEFF1Engine engine = new FPEFF1Engine();
        engine.init(true, new FPEParameters(new KeyParameter(key), radix, new byte[0]));
        byte[] in = new byte[length];
        byte[] out = new byte[length];
        SplittableRandom random = new SplittableRandom();
        return () -> {
            for (int k = 0; k < length; k++) {
                in[k] = (byte) random.nextInt(radix);
            }
            engine.processBlock(in, 0, length, out, 0);
            return 1;
        };
    }

    static Work oursOneByOne(byte[] key, int radix, int length) {
        Ff1 ff1 = new Ff1(key, new byte[0], radix, length);
        long domain = ff1.domain().longValueExact();
        long[] counter = {new SplittableRandom().nextLong(domain / 2)};
        long[] sink = {0};
        return () -> {
            for (int i = 0; i < 64; i++) {
                sink[0] ^= ff1.encrypt(counter[0]++);
            }
            return 64;
        };
    }

    static Work oursBatched(byte[] key, int radix, int length) {
        Ff1 ff1 = new Ff1(key, new byte[0], radix, length);
        long domain = ff1.domain().longValueExact();
        long[] values = new long[BATCH];
        long[] counter = {new SplittableRandom().nextLong(domain / 2)};
        return () -> {
            for (int i = 0; i < BATCH; i++) {
                values[i] = counter[0]++;
            }
            ff1.encrypt(values, BATCH);
            return BATCH;
        };
    }

    static Work aesCeiling(byte[] key) {
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            byte[] blocks = new byte[BATCH * 16];
            byte[] out = new byte[BATCH * 16];
            return () -> {
                try {
                    // ten rounds of one call over the batch: the AES work of BATCH serials, nothing else (into
                    // another array: an in-place call makes the JDK copy its input first)
                    for (int round = 0; round < 10; round++) {
                        aes.update(blocks, 0, blocks.length, out, 0);
                    }
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
                return BATCH;
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String human(double perSecond) {
        return perSecond >= 1e6 ? String.format(Locale.ROOT, "%.2f M", perSecond / 1e6)
            : String.format(Locale.ROOT, "%.1f k", perSecond / 1e3);
    }
}
