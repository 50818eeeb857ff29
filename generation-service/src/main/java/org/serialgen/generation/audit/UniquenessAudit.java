package org.serialgen.generation.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.generation.pool.AllocationRepository;
import org.serialgen.generation.pool.CounterRange;
import org.serialgen.generation.pool.PoolRepository;
import org.serialgen.generation.pool.Pools;
import org.serialgen.generation.pool.SerialPool;
import org.serialgen.permutation.SerialCodec;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Checks the promise that no serial or SSCC is ever issued twice: no two allocations of a pool overlap, every
 * allocation lies below its pool's high-water mark, each pool's allocations (and the external values it skipped) add
 * up to what it issued, no external value is stored twice and none is a serial of an allocation. On request it also
 * derives every issued serial of every pool (FF1 of each counter) and looks for a repeated value — the permutation
 * makes one impossible, the audit shows it. Call in a session.
 */
@ApplicationScoped
public class UniquenessAudit {

    /**
     * Values derived per pool at most (the EU FMD limit of a numeric-12 randomised pool); beyond, derivation is skipped
     * for that pool and said so: it would take minutes per pool.
     */
    static final long MAX_DERIVED_PER_POOL = 100_000_000L;
    /** The derivation holds at most this fraction (1/n) of the heap: the service keeps answering meanwhile. */
    static final long DERIVATION_HEAP_SHARE = 4;

    /** What the audit found. */
    public record Findings(Instant checkedAt, AuditRepository.Counts counts, Derived derived) {

        public boolean ok() {
            return counts.ok() && derived.duplicates() == 0;
        }
    }

    /** What the derivation found: serials derived, repeats among them, pools left out. */
    public record Derived(long serials, long duplicates, List<Long> skipped) {
        static final Derived NONE = new Derived(0, 0, List.of());
    }

    /** One pool's work for the derivation, read from the database first. */
    record PoolWork(SerialPool pool, SerialCodec codec, List<CounterRange> ranges, long size) {
    }

    private final AuditRepository audit;
    private final PoolRepository poolRepository;
    private final AllocationRepository allocations;
    private final Pools pools;
    /** One derivation at a time, so that two audits never hold two shares of the heap; a second one waits its turn. */
    private final ExecutorService derivation = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "uniqueness-derivation");
        thread.setDaemon(true);
        return thread;
    });

    UniquenessAudit(AuditRepository audit, PoolRepository poolRepository, AllocationRepository allocations,
                    Pools pools) {
        this.audit = audit;
        this.poolRepository = poolRepository;
        this.allocations = allocations;
        this.pools = pools;
    }

    @PreDestroy
    void stop() {
        derivation.shutdownNow();
    }

    public Uni<Findings> run(boolean derive) {
        return audit.counts().flatMap(counts -> (derive ? derive() : Uni.createFrom().item(Derived.NONE))
            .map(derived -> new Findings(Instant.now(), counts, derived)));
    }

    /**
     * Reads every serial pool's allocations and key on the event loop, derives and sorts the serials on the
     * derivation thread, and comes back to the event loop, where the database session lives.
     */
    private Uni<Derived> derive() {
        Context context = Vertx.currentContext();
        return poolRepository.serialPools().flatMap(this::work)
            .flatMap(work -> Uni.createFrom().item(() -> derive(work))
                .runSubscriptionOn(derivation)
                .emitOn(command -> context.runOnContext(ignored -> command.run())));
    }

    private Uni<List<PoolWork>> work(List<SerialPool> all) {
        Uni<List<PoolWork>> work = Uni.createFrom().item(new ArrayList<>());
        for (SerialPool pool : all) {
            // a pool whose key does not open (sealed under another master key) cannot be derived: said so
            work = work.flatMap(list -> allocations.rangesOf(pool.id).flatMap(ranges -> pools.codec(pool)
                .onFailure(IllegalStateException.class).recoverWithNull().map(codec -> {
                    list.add(new PoolWork(pool, codec, ranges, ranges.stream().mapToLong(CounterRange::size).sum()));
                    return list;
                })));
        }
        return work;
    }

    private static Derived derive(List<PoolWork> work) {
        long serials = 0;
        long duplicates = 0;
        List<Long> skipped = new ArrayList<>();
        long budget = Runtime.getRuntime().maxMemory() / DERIVATION_HEAP_SHARE;
        for (PoolWork pool : work) {
            if (pool.size() > MAX_DERIVED_PER_POOL || pool.codec() == null) {
                skipped.add(pool.pool().id);
                continue;
            }
            duplicates += RepeatedSerials.count(pool.codec(), pool.ranges(), pool.size(), budget);
            serials += pool.size();
        }
        return new Derived(serials, duplicates, skipped);
    }
}
