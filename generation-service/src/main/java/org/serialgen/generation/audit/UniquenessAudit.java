package org.serialgen.generation.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.serialgen.generation.pool.Pools;
import org.serialgen.generation.pool.SerialPool;
import org.serialgen.permutation.SerialCodec;
import org.serialgen.security.Roles;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Checks the promise that no serial or SSCC is ever issued twice, and reports what it checked: no two allocations of
 * a pool overlap, every allocation lies below its pool's high-water mark, each pool's allocations (and the external
 * values it skipped) add up to what it issued, no external value is stored twice and none is a serial of an
 * allocation. With {@code derive=true} it also derives every issued serial of every pool (FF1 of each counter) and
 * looks for a repeated value — the permutation makes one impossible, the audit shows it.
 */
@Path("/serial-generation/audit/uniqueness")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR})
public class UniquenessAudit {

    /**
     * Values derived per pool at most (the EU FMD limit of a numeric-12 randomised pool); beyond, derivation is skipped
     * for that pool and said so: it would take minutes per pool.
     */
    static final long MAX_DERIVED_PER_POOL = 100_000_000L;
    /** The derivation holds at most this fraction (1/n) of the heap: the service keeps answering meanwhile. */
    static final long DERIVATION_HEAP_SHARE = 4;
    /** One derivation at a time, so that two audits never hold two shares of the heap; a second one waits its turn. */
    static final ExecutorService DERIVATION = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "uniqueness-derivation");
        thread.setDaemon(true);
        return thread;
    });

    public record Report(
        @JsonProperty("checked_at") Instant checkedAt,
        @JsonProperty("pools_checked") long poolsChecked,
        @JsonProperty("allocations_checked") long allocationsChecked,
        @JsonProperty("counters_checked") long countersChecked,
        @JsonProperty("overlapping_allocations") long overlappingAllocations,
        @JsonProperty("allocations_beyond_high_water_mark") long beyondHighWaterMark,
        @JsonProperty("pools_whose_allocations_differ_from_issued") long poolsDiffering,
        @JsonProperty("serials_derived") long serialsDerived,
        @JsonProperty("duplicate_serials") long duplicateSerials,
        @Schema(description = "Pools left out of the derivation: beyond 100 000 000 issued, or a key that does not "
            + "open with the master key in use")
        @JsonProperty("pools_not_derived") List<Long> poolsNotDerived,
        @JsonProperty("external_serials_checked") long externalSerialsChecked,
        @JsonProperty("external_serials_repeated") long externalRepeated,
        @JsonProperty("external_serials_inside_allocations") long externalInsideAllocations,
        @JsonProperty("ok") boolean ok) {
    }

    record Counts(long pools, long allocations, long counters, long overlapping, long beyond, long differing,
                  long external, long externalRepeated, long externalInside) {

        boolean ok() {
            return overlapping == 0 && beyond == 0 && differing == 0 && externalRepeated == 0 && externalInside == 0;
        }
    }

    record Derived(long serials, long duplicates, List<Long> skipped) {
    }

    @Inject
    Pools pools;

    @POST
    @Operation(summary = "Verify that no two allocations overlap and, with derive=true, that no derived serial repeats")
    public Uni<Report> audit(@Parameter(description = "Also derive every issued serial and look for repeats")
                             @QueryParam("derive") boolean derive) {
        return counts().flatMap(counts -> (derive ? derive() : Uni.createFrom().item(new Derived(0, 0, List.of())))
            .map(derived -> new Report(Instant.now(), counts.pools(), counts.allocations(), counts.counters(),
                counts.overlapping(), counts.beyond(), counts.differing(), derived.serials(), derived.duplicates(),
                derived.skipped(), counts.external(), counts.externalRepeated(), counts.externalInside(),
                counts.ok() && derived.duplicates() == 0)));
    }

    private static Uni<Counts> counts() {
        String sql = """
            SELECT (SELECT count(*) FROM serial_pool),
                   (SELECT count(*) FROM serial_allocation),
                   (SELECT coalesce(sum(upper(counters) - lower(counters)), 0) FROM serial_allocation),
                   (SELECT count(*) FROM serial_allocation a JOIN serial_allocation b
                       ON a.pool_id = b.pool_id AND a.id < b.id AND a.counters && b.counters),
                   (SELECT count(*) FROM serial_allocation a JOIN serial_pool p ON p.id = a.pool_id
                       WHERE upper(a.counters) > p.issued),
                   (SELECT count(*) FROM serial_pool p WHERE p.issued <> (SELECT coalesce(sum(upper(a.counters)
                       - lower(a.counters)), 0) FROM serial_allocation a WHERE a.pool_id = p.id)
                       + (SELECT count(*) FROM external_serial e WHERE e.pool_id = p.id AND e.counter < p.issued)),
                   (SELECT count(*) FROM external_serial),
                   (SELECT count(*) FROM (SELECT 1 FROM external_serial GROUP BY pool_id, value
                       HAVING count(*) > 1) repeated),
                   (SELECT count(*) FROM external_serial e JOIN serial_allocation a
                       ON a.pool_id = e.pool_id AND a.counters @> e.counter)
            """;
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql, Object[].class).getSingleResult())
            .map(r -> new Counts(n(r[0]), n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7]), n(r[8])));
    }

    /** One pool's work for the derivation, read from the database first. */
    record PoolWork(SerialPool pool, SerialCodec codec, List<long[]> ranges, long size) {
    }

    /**
     * Reads every serial pool's allocations and key on the event loop, derives and sorts the serials on the
     * derivation thread, and comes back to the event loop, where the database session lives.
     */
    private Uni<Derived> derive() {
        Context context = Vertx.currentContext();
        return SerialPool.<SerialPool>list("kind", SerialPool.SERIAL).flatMap(all -> {
            Uni<List<PoolWork>> work = Uni.createFrom().item(new ArrayList<>());
            for (SerialPool pool : all) {
                // a pool whose key does not open (sealed under another master key) cannot be derived: said so
                work = work.flatMap(list -> ranges(pool).flatMap(ranges -> pools.codec(pool)
                    .onFailure(IllegalStateException.class).recoverWithNull().map(codec -> {
                        list.add(new PoolWork(pool, codec, ranges, ranges.stream().mapToLong(r -> r[1] - r[0]).sum()));
                        return list;
                    })));
            }
            return work;
        }).flatMap(work -> Uni.createFrom().item(() -> {
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
            })
            .runSubscriptionOn(DERIVATION)
            .emitOn(command -> context.runOnContext(ignored -> command.run())));
    }

    private static Uni<List<long[]>> ranges(SerialPool pool) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "SELECT lower(counters), upper(counters) FROM serial_allocation WHERE pool_id = :pool", Object[].class)
            .setParameter("pool", pool.id).getResultList())
            .map(rows -> rows.stream().map(r -> new long[] {n(r[0]), n(r[1])}).toList());
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
