package org.serialgen.generation.pool;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.events.ConfigDocument;
import org.serialgen.events.ConfigDocument.SerialFormat;
import org.serialgen.gs1.CompanyPrefix;
import org.serialgen.gs1.SerialAlphabet;
import org.serialgen.gs1.SerialMode;
import org.serialgen.gs1.Sscc;
import org.serialgen.kit.audit.AuditTrail;
import org.serialgen.kit.errors.Refused;
import org.serialgen.permutation.SerialCodec;

import io.smallrye.mutiny.Uni;

/**
 * Pools and what is taken from them, in the caller's transaction. A pool is found or created locked FOR UPDATE, and
 * an allocation moves its high-water mark up by the quantity: the counters it passes over become one allocation row
 * per unbroken run (usually one), under the exclusion constraint that refuses any overlap.
 */
@ApplicationScoped
public class Pools {

    private final PoolRepository pools;
    private final AllocationRepository allocations;
    private final MasterKey masterKey;
    private final AuditTrail audit;

    Pools(PoolRepository pools, AllocationRepository allocations, MasterKey masterKey, AuditTrail audit) {
        this.pools = pools;
        this.allocations = allocations;
        this.masterKey = masterKey;
        this.audit = audit;
    }

    /**
     * The pool a GTIN's serials (kinds serial and bundle) or its SSCCs (under the configured company prefix that covers the GTIN,
     * else the first one) come from, locked until the transaction ends. Callers read no pool before this in their
     * session: a pool already managed there would keep the high-water mark read before the lock.
     */
    public Uni<SerialPool> locked(Kind kind, String gtin, ConfigDocument config) {
        return kind.pool() == Kind.SERIAL ? serialPool(gtin, config.serialFormat()) : ssccPool(gtin, config);
    }

    private Uni<SerialPool> serialPool(String gtin, SerialFormat format) {
        return pools.lockedSerialPool(gtin).flatMap(existing -> existing != null ? Uni.createFrom().item(existing)
            : createSerialPool(gtin, format).flatMap(created -> pools.lockedSerialPool(gtin)
                .call(pool -> created == 1 ? audited(pool) : Uni.createFrom().voidItem())));
    }

    private Uni<SerialPool> ssccPool(String gtin, ConfigDocument config) {
        List<ConfigDocument.CompanyPrefix> prefixes = config.gs1CompanyPrefixes();
        if (prefixes == null || prefixes.isEmpty()) {
            throw new Refused("NO_COMPANY_PREFIX", "Configure a GS1 company prefix to issue SSCCs");
        }
        ConfigDocument.CompanyPrefix chosen = config.prefixOf(gtin).orElse(prefixes.get(0));
        CompanyPrefix prefix = new CompanyPrefix(chosen.prefix());
        int extension = chosen.ssccExtensionDigit();
        return pools.lockedSsccPool(prefix.value(), extension).flatMap(existing -> existing != null
            ? Uni.createFrom().item(existing)
            : pools.insertIfAbsent(Kind.SSCC, null, prefix.value(), extension, SerialAlphabet.NUMERIC,
                    16 - prefix.length(), SerialMode.SEQUENTIAL, Sscc.capacity(prefix), null)
                .flatMap(created -> pools.lockedSsccPool(prefix.value(), extension)
                    .call(pool -> created == 1 ? audited(pool) : Uni.createFrom().voidItem())));
    }

    /**
     * A new pool is a write of its own in the trail, by whoever's request first needed it: it fixes the format its
     * numbers will have for good (a later configuration change makes no new pool for the GTIN).
     */
    private Uni<Void> audited(SerialPool pool) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", pool.kind.code());
        after.put("gtin", pool.gtin);
        after.put("company_prefix", pool.companyPrefix);
        after.put("extension_digit", pool.extensionDigit);
        after.put("alphabet", pool.alphabet.id());
        after.put("length", pool.serialLength);
        after.put("mode", pool.mode.id());
        after.put("capacity", pool.capacity);
        return audit.record("pool.create", "pool", String.valueOf(pool.id), Map.of("after", after));
    }

    private Uni<Integer> createSerialPool(String gtin, SerialFormat format) {
        SerialAlphabet alphabet = SerialAlphabet.byId(format.alphabet()).orElseThrow(() ->
            new Refused("FORMAT_UNKNOWN", "The configured serial alphabet is unknown"));
        SerialMode mode = SerialMode.byId(format.mode()).orElseThrow(() ->
            new Refused("FORMAT_UNKNOWN", "The configured serial mode is unknown"));
        long capacity = capacity(alphabet, format.length(), mode);
        if (mode == SerialMode.SEQUENTIAL) {
            return pools.insertIfAbsent(Kind.SERIAL, gtin, null, null, alphabet, format.length(), mode, capacity, null);
        }
        PoolKey key = new PoolKey();
        key.encryptedKey = masterKey.seal(masterKey.newPoolKey());
        key.masterKeyId = masterKey.id();
        key.createdAt = Instant.now();
        return key.<PoolKey>persist().flatMap(saved -> pools.insertIfAbsent(Kind.SERIAL, gtin, null, null, alphabet,
            format.length(), mode, capacity, saved.id));
    }

    /** What a format may issue (randomised: 1/10 000 of its space, EU FMD), capped to 63 bits of counter. */
    static long capacity(SerialAlphabet alphabet, int length, SerialMode mode) {
        BigInteger capacity = mode.issuable(alphabet.space(length));
        if (capacity.signum() == 0) {
            throw new Refused("FORMAT_TOO_SMALL", "The serial format has fewer than 10 000 serials: EU FMD allows "
                + "none of them to be issued randomised");
        }
        return capacity.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    /**
     * Takes {@code quantity} counters of the locked pool for a task: from the high-water mark up, skipping counters
     * whose serials an external source delivered (usually none).
     */
    public Uni<Void> allocate(SerialPool pool, int workOrderId, UUID taskId, long quantity, Instant at) {
        return free(pool, pool.issued, quantity).flatMap(runs -> {
            long end = runs.get(runs.size() - 1).to();
            if (end > pool.capacity) {
                throw new Refused("POOL_EXHAUSTED", "The pool of " + pool.describe() + " has " + pool.remaining()
                    + " of " + pool.capacity + " left; " + quantity + " were asked for"
                    + (pool.mode == SerialMode.RANDOMISED ? " (EU FMD: at most 1 in 10 000 of the format's serials "
                    + "may be issued, so guessing one stays unlikely)" : ""));
            }
            pool.issued = end;
            Uni<Integer> inserted = Uni.createFrom().item(0);
            for (CounterRange run : runs) {
                inserted = inserted.flatMap(ignored -> allocations.insert(pool, run, workOrderId, taskId, at));
            }
            return inserted.replaceWithVoid();
        });
    }

    /** The free runs from {@code from} that hold {@code quantity} counters, read a window of counters at a time. */
    private Uni<List<CounterRange>> free(SerialPool pool, long from, long quantity) {
        if (from >= pool.reservedBelow) {
            // the usual case: no external value holds a counter from here on
            return Uni.createFrom().item(List.of(new CounterRange(from, from + quantity)));
        }
        return allocations.heldByExternalValues(pool.id, from, from + quantity).flatMap(held -> {
            CounterRuns.Window window = CounterRuns.around(from, quantity, held);
            return window.owed() == 0 ? Uni.createFrom().item(window.free())
                : free(pool, window.end(), window.owed()).map(rest -> CounterRuns.join(window.free(), rest));
        });
    }

    /** What the work order holds now from the built-in pools, to look numbers up in (one per request). */
    public Uni<HeldNumbers> held(int workOrderId) {
        return allocations.activeByPool(workOrderId).flatMap(ranges -> {
            Map<Long, List<AllocationRepository.KindRange>> byPool = new LinkedHashMap<>();
            ranges.forEach(range -> byPool.computeIfAbsent(range.poolId(), id -> new ArrayList<>()).add(range));
            return pools.byIds(List.copyOf(byPool.keySet())).flatMap(found -> {
                Uni<List<HeldNumbers.Held>> all = Uni.createFrom().item(new ArrayList<>());
                for (SerialPool pool : found) {
                    List<AllocationRepository.KindRange> held = byPool.get(pool.id);
                    long[] from = held.stream().mapToLong(AllocationRepository.KindRange::from).toArray();
                    long[] to = held.stream().mapToLong(AllocationRepository.KindRange::to).toArray();
                    Uni<SerialCodec> codec = pool.kind == Kind.SSCC ? Uni.createFrom().nullItem() : codec(pool);
                    all = all.flatMap(list -> codec.map(c -> {
                        list.add(new HeldNumbers.Held(pool, c, held.get(0).kind(), from, to));
                        return list;
                    }));
                }
                return all.map(HeldNumbers::new);
            });
        });
    }

    /** A codec for the pool's serials; one per thread (it holds a cipher). */
    public Uni<SerialCodec> codec(SerialPool pool) {
        if (pool.keyId == null) {
            return Uni.createFrom().item(new SerialCodec(null, pool.alphabet.characters(), pool.serialLength));
        }
        return pools.key(pool.keyId)
            .map(key -> new SerialCodec(masterKey.open(key), pool.alphabet.characters(), pool.serialLength));
    }
}
