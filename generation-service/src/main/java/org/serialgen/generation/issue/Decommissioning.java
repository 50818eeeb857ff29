package org.serialgen.generation.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.serialgen.events.EventCodec;
import org.serialgen.generation.packing.PackingLog;
import org.serialgen.generation.pool.AllocationRepository;
import org.serialgen.generation.pool.AllocationRepository.Allocation;
import org.serialgen.generation.pool.CounterRange;
import org.serialgen.generation.pool.Kind;
import org.serialgen.generation.pool.PoolRepository;
import org.serialgen.generation.pool.Pools;
import org.serialgen.generation.pool.SerialPool;
import org.serialgen.generation.source.ExternalSerialRepository;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.generation.workorder.WorkOrders;
import org.serialgen.gs1.CompanyPrefix;
import org.serialgen.gs1.Sscc;
import org.serialgen.kit.audit.AuditTrail;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.errors.Refused;
import org.serialgen.kit.persistence.Coded;
import org.serialgen.kit.request.GtinParam;
import org.serialgen.permutation.SerialCodec;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Returns unused numbers of a work order (a part, or all it holds): they are voided where they lie — an allocation
 * split around them, an external value marked — so they are reported inactive (EPCIS decommissioning) and, like
 * every voided number, never issued again. All or nothing: one number the work order does not hold, or one that is
 * packed (in a container, or a container holding something), refuses the request and changes nothing.
 */
@ApplicationScoped
public class Decommissioning {

    /** What was returned. */
    public record Decommissioned(
        @JsonProperty("wo_id") String woId,
        @JsonProperty("kind") String kind,
        @Schema(description = "How many numbers were decommissioned by this request")
        @JsonProperty("decommissioned") long decommissioned,
        @Schema(description = "How many of the kind the work order still holds")
        @JsonProperty("held") long held,
        @JsonProperty("decommissioned_at") Instant decommissionedAt) {
    }

    private final WorkOrders workOrders;
    private final TaskRepository tasks;
    private final AllocationRepository allocations;
    private final ExternalSerialRepository externalSerials;
    private final PoolRepository poolRepository;
    private final Pools pools;
    private final TaskEvents events;
    private final PackingLog packingLog;
    private final AuditTrail audit;

    Decommissioning(WorkOrders workOrders, TaskRepository tasks, AllocationRepository allocations,
                    ExternalSerialRepository externalSerials, PoolRepository poolRepository, Pools pools,
                    TaskEvents events, PackingLog packingLog, AuditTrail audit) {
        this.packingLog = packingLog;
        this.audit = audit;
        this.workOrders = workOrders;
        this.tasks = tasks;
        this.allocations = allocations;
        this.externalSerials = externalSerials;
        this.poolRepository = poolRepository;
        this.pools = pools;
        this.events = events;
    }

    public Uni<Decommissioned> decommission(String workOrderKey, DecommissionRequest request, String user) {
        Kind kind = validKind(request);
        List<String> numbers = validNumbers(request);
        String reason = validReason(request);
        String gtin = GtinParam.of("gtin", request.gtin());
        return Panache.withTransaction(() -> workOrders.lockedForIssue(workOrderKey).flatMap(wo ->
            tasks.countOpen(wo.id, kind).flatMap(open -> {
                if (open > 0) {
                    throw new Refused("TASK_OPEN", "A generation of " + kind.plural() + " is under way for this work "
                        + "order: return numbers once it has ended");
                }
                return allocations.activeAllocations(wo.id, kind).flatMap(held -> numbers == null
                    ? all(wo, kind, held) : some(wo, kind, held, numbers, gtin));
            }).flatMap(count -> record(wo, kind, count, reason, user))
            .call(done -> {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("kind", done.kind());
                change.put("asked", numbers == null ? "all" : numbers.size());
                change.put("gtin", gtin);
                change.put("decommissioned", done.decommissioned());
                change.put("held", done.held());
                change.put("reason", reason);
                return audit.record("decommission." + kind.code(), "workorder", wo.woId, change);
            })));
    }

    private Uni<Long> all(WorkOrder wo, Kind kind, List<Allocation> held) {
        long builtin = held.stream().mapToLong(a -> a.range().counters().size()).sum();
        return packingLog.refuseIfPacked(wo.id, kind, wo.gtin, null, null).chain(() ->
            externalSerials.countHeld(wo.id, kind)).flatMap(external -> {
            if (builtin + external == 0) {
                throw new Refused("NOTHING_HELD", "The work order holds no " + kind.plural());
            }
            return allocations.voidActive(wo.id, kind).chain(() -> externalSerials.voidActive(wo.id, kind))
                .replaceWith(builtin + external);
        });
    }

    /** Each number found where the work order holds it, or the request refused with the ones it does not hold. */
    private Uni<Long> some(WorkOrder wo, Kind kind, List<Allocation> held, List<String> numbers, String gtin) {
        return poolsOf(wo, kind, held, gtin).call(found -> packingLog.refuseIfPacked(wo.id, kind, wo.gtin,
                kind == Kind.SSCC ? null : found.pools().isEmpty() ? wo.gtin : found.pools().get(0).pool().gtin.strip(),
                numbers))
            .flatMap(found -> {
            Map<Allocation, TreeSet<Long>> builtin = new LinkedHashMap<>();
            Map<Long, List<String>> candidates = new HashMap<>();
            for (String number : numbers) {
                Optional<Placed> placed = place(kind, number, found);
                Allocation allocation = placed.map(p -> containing(held, p.pool().id, p.counter())).orElse(null);
                if (allocation != null) {
                    builtin.computeIfAbsent(allocation, a -> new TreeSet<>()).add(placed.get().counter());
                } else {
                    placed.map(Placed::pool).or(() -> found.pools().stream().findFirst().map(PoolCodec::pool))
                        .ifPresent(pool -> candidates.computeIfAbsent(pool.id, id -> new ArrayList<>()).add(number));
                }
            }
            return externallyHeld(wo, candidates).flatMap(external -> {
                Set<String> missing = new HashSet<>(numbers);
                builtin.forEach((allocation, counters) -> counters.forEach(c -> missing.remove(render(kind, found,
                    allocation.range().poolId(), c))));
                external.values().forEach(missing::removeAll);
                if (!missing.isEmpty()) {
                    List<String> shown = missing.stream().sorted().limit(20).toList();
                    throw ApiException.Validation.of("numbers", missing.size() + " not held by this work order: "
                        + String.join(", ", shown) + (missing.size() > shown.size() ? ", …" : ""));
                }
                Uni<Void> done = Uni.createFrom().voidItem();
                for (var entry : builtin.entrySet()) {
                    done = done.call(() -> allocations.split(wo.id, entry.getKey(), runs(entry.getValue())));
                }
                for (var entry : external.entrySet()) {
                    done = done.call(() -> externalSerials.voidValues(wo.id, entry.getKey(), entry.getValue()));
                }
                return done.replaceWith((long) numbers.size());
            });
        });
    }

    private Uni<Map<Long, List<String>>> externallyHeld(WorkOrder wo, Map<Long, List<String>> candidates) {
        Uni<Map<Long, List<String>>> all = Uni.createFrom().item(new HashMap<>());
        for (var entry : candidates.entrySet()) {
            all = all.flatMap(map -> externalSerials.heldOf(wo.id, entry.getKey(), entry.getValue()).map(values -> {
                if (!values.isEmpty()) {
                    map.put(entry.getKey(), values);
                }
                return map;
            }));
        }
        return all;
    }

    private Uni<Decommissioned> record(WorkOrder wo, Kind kind, long count, String reason, String user) {
        Instant now = Instant.now();
        wo.progress(kind).decommission(count);
        HistoryEntry entry = HistoryEntry.decommissioning(wo.id, kind, count, EventCodec.write(Map.of("reason",
            reason)), user, now);
        long held = wo.progress(kind).generated - wo.progress(kind).decommissioned;
        return entry.persist().call(() -> events.workOrderChanged(wo, now))
            .replaceWith(new Decommissioned(wo.woId, kind.code(), count, Math.max(0, held), now));
    }

    /** A pool the work order's numbers of the kind come from, with its codec (serials) . */
    private record PoolCodec(SerialPool pool, SerialCodec codec) {
    }

    private record Found(List<PoolCodec> pools) {
    }

    private record Placed(SerialPool pool, long counter) {
    }

    /**
     * The serial pool of the work order's GTIN; for bundle serials, the pool of the bundle GTIN (one serial may be
     * held in two bundle GTINs' pools, so the GTIN says which); for SSCCs, the pools its allocations are in.
     */
    private Uni<Found> poolsOf(WorkOrder wo, Kind kind, List<Allocation> held, String gtin) {
        if (kind == Kind.SERIAL) {
            return poolRepository.serialPool(wo.gtin).flatMap(pool -> withCodec(pool));
        }
        Uni<List<SerialPool>> heldIn = poolRepository.byIds(held.stream().map(a -> a.range().poolId()).distinct()
            .toList());
        if (kind == Kind.SSCC) {
            return heldIn.map(found -> new Found(found.stream().map(pool -> new PoolCodec(pool, null)).toList()));
        }
        return heldIn.flatMap(found -> {
            if (gtin == null && found.size() > 1) {
                throw ApiException.Validation.of("gtin", "Say which bundle GTIN the serials are of: the work order "
                    + "holds serials of " + found.size() + " (" + String.join(", ", found.stream()
                    .map(pool -> pool.gtin.strip()).sorted().toList()) + ")");
            }
            return withCodec(found.stream().filter(pool -> gtin == null || pool.gtin.strip().equals(gtin))
                .findFirst().orElse(null));
        });
    }

    private Uni<Found> withCodec(SerialPool pool) {
        return pool == null ? Uni.createFrom().item(new Found(List.of()))
            : pools.codec(pool).map(codec -> new Found(List.of(new PoolCodec(pool, codec))));
    }

    /** The pool and counter a number would have, if one of the pools issued it. */
    private static Optional<Placed> place(Kind kind, String number, Found found) {
        for (PoolCodec pool : found.pools()) {
            if (kind.tradeItem()) {
                long counter = pool.codec().counter(number);
                if (counter >= 0) {
                    return Optional.of(new Placed(pool.pool(), counter));
                }
            } else {
                String prefix = pool.pool().companyPrefix;
                if (number.length() == 18 && number.charAt(0) == (char) ('0' + pool.pool().extensionDigit)
                    && number.startsWith(prefix, 1)) {
                    long counter = Long.parseLong(number.substring(1 + prefix.length(), 17));
                    if (Sscc.of(pool.pool().extensionDigit, new CompanyPrefix(prefix), counter).value().equals(number)) {
                        return Optional.of(new Placed(pool.pool(), counter));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String render(Kind kind, Found found, long poolId, long counter) {
        PoolCodec pool = found.pools().stream().filter(p -> p.pool().id == poolId).findFirst().orElseThrow();
        return kind.tradeItem() ? pool.codec().serial(counter)
            : Sscc.of(pool.pool().extensionDigit, new CompanyPrefix(pool.pool().companyPrefix), counter).value();
    }

    private static Allocation containing(List<Allocation> held, long poolId, long counter) {
        for (Allocation allocation : held) {
            CounterRange range = allocation.range().counters();
            if (allocation.range().poolId() == poolId && range.from() <= counter && counter < range.to()) {
                return allocation;
            }
        }
        return null;
    }

    /** Sorted counters as runs of consecutive ones. */
    static List<CounterRange> runs(TreeSet<Long> counters) {
        List<CounterRange> runs = new ArrayList<>();
        long start = -1;
        long end = -1;
        for (long counter : counters) {
            if (counter != end) {
                if (start >= 0) {
                    runs.add(new CounterRange(start, end));
                }
                start = counter;
            }
            end = counter + 1;
        }
        if (start >= 0) {
            runs.add(new CounterRange(start, end));
        }
        return runs;
    }

    private static Kind validKind(DecommissionRequest request) {
        if (request == null || request.kind() == null) {
            throw ApiException.Validation.of("kind", "This field is required: serial, sscc or bundle");
        }
        Kind kind = Coded.byCode(Kind.class, request.kind()).orElseThrow(() -> ApiException.Validation.of("kind",
            "Must be serial, sscc or bundle"));
        if (request.gtin() != null && (kind != Kind.BUNDLE || Boolean.TRUE.equals(request.all()))) {
            throw ApiException.Validation.of("gtin", kind != Kind.BUNDLE ? "Only bundle serials name a GTIN"
                : "all: true returns the serials of every bundle GTIN; leave gtin out");
        }
        return kind;
    }

    /** The numbers, or null for all; exactly one of the two. */
    private static List<String> validNumbers(DecommissionRequest request) {
        boolean all = Boolean.TRUE.equals(request.all());
        List<String> numbers = request.numbers();
        if (all == (numbers != null)) {
            throw ApiException.Validation.of("numbers", "Send the numbers, or all: true, not both");
        }
        if (all) {
            return null;
        }
        if (numbers.isEmpty() || numbers.size() > DecommissionRequest.MAX_NUMBERS) {
            throw ApiException.Validation.of("numbers", "1 to " + DecommissionRequest.MAX_NUMBERS + " numbers");
        }
        Set<String> seen = new HashSet<>();
        for (String number : numbers) {
            if (number == null || number.isEmpty() || number.length() > 20) {
                throw ApiException.Validation.of("numbers", "Each number has 1 to 20 characters");
            }
            if (!seen.add(number)) {
                throw ApiException.Validation.of("numbers", "Named twice: " + number);
            }
        }
        return numbers;
    }

    private static String validReason(DecommissionRequest request) {
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty() || reason.length() > DecommissionRequest.MAX_REASON
            || reason.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.Validation.of("reason", "1 to " + DecommissionRequest.MAX_REASON
                + " characters, no control characters");
        }
        return reason;
    }
}
