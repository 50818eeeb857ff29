package org.serialgen.generation.packing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.serialgen.events.AggregationComputed.Level;
import org.serialgen.generation.pool.HeldNumbers;
import org.serialgen.generation.pool.PoolRepository;
import org.serialgen.generation.pool.Pools;
import org.serialgen.generation.source.ExternalSerialRepository;
import org.serialgen.generation.workorder.AggregationDemand;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.generation.workorder.WorkOrders;
import org.serialgen.kit.audit.AuditTrail;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.errors.Refused;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records what the packaging line packed, in one transaction per request, all or nothing: every number must be one
 * the work order holds; the children must all be of the nearest numbered level below the container's (an item in a
 * bundle, a bundle in a case — or the items themselves where the bundles carry no number — a case on a pallet; an
 * SSCC is of the level it was first packed as, so cases are packed before pallets); a container holds at most what
 * fits; and no number is in two containers (the
 * database's unique index says so too, whatever runs at the same time). A repeat of a packing changes nothing.
 */
@ApplicationScoped
public class Packing {

    /** What a packing or unpacking did to a container. */
    public record Packed(
        @JsonProperty("wo_id") String woId,
        @JsonProperty("parent") String parent,
        @Schema(description = "The container's level of the breakdown (l2 … l4)") @JsonProperty("level") String level,
        @Schema(description = "Children this request put in (packing) or took out (unpacking)")
        @JsonProperty("moved") long moved,
        @Schema(description = "What the container holds now") @JsonProperty("children") long children,
        @Schema(description = "What a container of its level holds at most") @JsonProperty("capacity") long capacity,
        @JsonProperty("event_id") UUID eventId,
        @JsonProperty("at") Instant at) {
    }

    /** A number read from a request, with where it was in the request. */
    private record Named(int index, Gs1Key key) {
    }

    private final WorkOrders workOrders;
    private final Pools pools;
    private final PoolRepository poolRepository;
    private final ExternalSerialRepository externalSerials;
    private final PackingRepository packing;
    private final AuditTrail audit;

    Packing(WorkOrders workOrders, Pools pools, PoolRepository poolRepository, ExternalSerialRepository externalSerials,
            PackingRepository packing, AuditTrail audit) {
        this.audit = audit;
        this.workOrders = workOrders;
        this.pools = pools;
        this.poolRepository = poolRepository;
        this.externalSerials = externalSerials;
        this.packing = packing;
    }

    public Uni<Packed> pack(String workOrderKey, PackRequest request, String user) {
        if (request == null || request.parent() == null) {
            throw ApiException.Validation.of("parent", "This field is required");
        }
        List<String> raw = request.children();
        if (raw == null || raw.isEmpty() || raw.size() > PackRequest.MAX_CHILDREN) {
            throw ApiException.Validation.of("children", "1 to " + PackRequest.MAX_CHILDREN + " numbers");
        }
        return Panache.withTransaction(() -> packing.planForTheirSizeNow().chain(() -> workOrders.find(workOrderKey))
            .flatMap(wo -> workOrders.demand(wo.woId).flatMap(demand -> {
                PackingLevels levels = levels(wo, demand);
                Gs1Key parent = parse("parent", List.of(request.parent()), wo).get(0).key();
                List<Named> children = parse("children", raw, wo);
                Set<String> seen = new HashSet<>();
                for (Named child : children) {
                    if (!seen.add(child.key().key())) {
                        throw ApiException.Validation.of("children", "Child " + child.index() + " ("
                            + child.key().text() + ") is named twice");
                    }
                    if (child.key().key().equals(parent.key())) {
                        throw ApiException.Validation.of("children", "A container cannot hold itself");
                    }
                }
                List<Gs1Key> all = new ArrayList<>(children.size() + 1);
                all.add(parent);
                children.forEach(child -> all.add(child.key()));
                return held(wo, all).flatMap(ignored -> pack(wo, levels, parent, children, user));
            })).call(packed -> audited("packing.pack", packed)));
    }

    private Uni<Packed> pack(WorkOrder wo, PackingLevels levels, Gs1Key parent, List<Named> children, String user) {
        List<String> ssccChildren = children.stream().filter(child -> child.key().isSscc())
            .map(child -> child.key().key()).toList();
        return packing.levels(ssccChildren).flatMap(recorded -> {
            int childLevel = childLevel(levels, children, recorded);
            int parentLevel = levels.above(childLevel);
            if (parentLevel < 0) {
                throw ApiException.Validation.of("parent", "Nothing holds " + levels.describe(childLevel)
                    + " containers in this work order's packaging");
            }
            checkParent(levels, parent, parentLevel);
            Instant now = Instant.now();
            UUID packingId = UUID.randomUUID();
            Level level = levels.at(parentLevel);
            return packing.lockedContainer(parent.key(), wo.id, level.level(), now).flatMap(container -> {
                if (container.workOrderId() != wo.id) {
                    throw new Refused("CONTAINER_OF_ANOTHER_WORK_ORDER", parent.text() + " is a container of "
                        + "another work order");
                }
                if (!container.level().equals(level.level())) {
                    throw new Refused("CONTAINER_LEVEL", parent.text() + " is a " + levels.describe(levels.ofCode(
                        container.level()).orElse(0)) + " container: it holds no " + levels.describe(childLevel));
                }
                List<String> keys = children.stream().map(child -> child.key().key()).toList();
                return packing.parentsOf(keys).flatMap(parents -> packing.countChildren(parent.key())
                    .flatMap(before -> {
                        List<String> elsewhere = new ArrayList<>();
                        List<String> fresh = new ArrayList<>();
                        for (Named child : children) {
                            String in = parents.get(child.key().key());
                            if (in == null) {
                                fresh.add(child.key().key());
                            } else if (!in.equals(parent.key())) {
                                elsewhere.add(child.key().text() + " (in " + Gs1Key.ofKey(in).text() + ")");
                            }
                        }
                        if (!elsewhere.isEmpty()) {
                            throw new Refused("PACKED_ELSEWHERE", elsewhere.size() + " of the children are in "
                                + "another container: " + String.join(", ", elsewhere.subList(0,
                                Math.min(20, elsewhere.size()))) + (elsewhere.size() > 20 ? ", …" : ""));
                        }
                        long capacity = levels.capacity(parentLevel, childLevel);
                        if (before + fresh.size() > capacity) {
                            throw new Refused("CONTAINER_FULL", "A " + levels.describe(parentLevel) + " holds at "
                                + "most " + capacity + "; " + parent.text() + " holds " + before + " and "
                                + fresh.size() + " more were packed");
                        }
                        if (fresh.isEmpty()) {
                            return Uni.createFrom().item(new Packed(wo.woId, parent.text(), level.level(), 0, before,
                                capacity, null, now));
                        }
                        return packing.link(wo.id, parent.key(), fresh, levels.at(childLevel).level(), packingId,
                            now, user).map(linked -> {
                                if (linked != fresh.size()) {
                                    // another request packed one of them meanwhile: this one changes nothing
                                    throw new Refused("PACKED_ELSEWHERE", (fresh.size() - linked) + " of the "
                                        + "children were packed into another container at the same time");
                                }
                                return new Packed(wo.woId, parent.text(), level.level(), linked, before + linked,
                                    capacity, packingId, now);
                            });
                    }));
            });
        });
    }

    public Uni<Packed> unpack(String workOrderKey, UnpackRequest request, String user) {
        if (request == null || request.parent() == null) {
            throw ApiException.Validation.of("parent", "This field is required");
        }
        if (request.children() != null && (request.children().isEmpty()
            || request.children().size() > PackRequest.MAX_CHILDREN)) {
            throw ApiException.Validation.of("children", "1 to " + PackRequest.MAX_CHILDREN + " numbers, or leave "
                + "out to empty the container");
        }
        return Panache.withTransaction(() -> packing.planForTheirSizeNow().chain(() -> workOrders.find(workOrderKey))
            .flatMap(wo -> unpack(wo, request, user)).call(unpacked -> audited("packing.unpack", unpacked)));
    }

    /** A packing or unpacking in the audit trail: the container, its level and how many children moved. */
    private Uni<Void> audited(String action, Packed packed) {
        if (packed.moved() == 0) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> change = new java.util.LinkedHashMap<>();
        change.put("wo_id", packed.woId());
        change.put("level", packed.level());
        change.put("moved", packed.moved());
        change.put("children", packed.children());
        change.put("event_id", packed.eventId().toString());
        return audit.record(action, "container", packed.parent(), change);
    }

    private Uni<Packed> unpack(WorkOrder wo, UnpackRequest request, String user) {
        Gs1Key parent = parse("parent", List.of(request.parent()), wo).get(0).key();
        List<String> children = request.children() == null ? null
            : parse("children", request.children(), wo).stream().map(child -> child.key().key()).toList();
        Instant now = Instant.now();
        UUID unpackingId = UUID.randomUUID();
        return packing.locked(parent.key()).flatMap(container -> {
            if (container == null || container.workOrderId() != wo.id) {
                throw new ApiException.NotFound("NOT_A_CONTAINER", parent.text() + " holds nothing of this work "
                    + "order");
            }
            Uni<Void> checked = children == null ? Uni.createFrom().voidItem()
                : packing.parentsOf(children).invoke(parents -> {
                    List<String> missing = children.stream().filter(key -> !parent.key().equals(parents.get(key)))
                        .map(key -> Gs1Key.ofKey(key).text()).toList();
                    if (!missing.isEmpty()) {
                        throw ApiException.Validation.of("children", missing.size() + " not in " + parent.text()
                            + ": " + String.join(", ", missing.subList(0, Math.min(20, missing.size()))));
                    }
                }).replaceWithVoid();
            return checked.chain(() -> packing.unlink(parent.key(), children, unpackingId, now, user))
                .flatMap(moved -> packing.countChildren(parent.key()).flatMap(left -> workOrders.demand(wo.woId)
                    .map(demand -> {
                        PackingLevels levels = levels(wo, demand);
                        long capacity = levels.ofCode(container.level()).map(k -> levels.capacity(k,
                            levels.below(k))).orElse(0L);
                        return new Packed(wo.woId, parent.text(), container.level(), moved, left, capacity,
                            moved == 0 ? null : unpackingId, now);
                    })));
        });
    }

    private static PackingLevels levels(WorkOrder wo, AggregationDemand demand) {
        PackingLevels levels = new PackingLevels(wo.gtin, AggregationDemand.levelsOf(demand));
        if (levels.size() < 2) {
            throw new Refused("NO_PACKAGING", "The work order has no packaging breakdown with levels above the item");
        }
        return levels;
    }

    /** Each number read, or a 400 naming the ones that cannot be read (at most 20). */
    private static List<Named> parse(String field, List<String> texts, WorkOrder wo) {
        List<Named> parsed = new ArrayList<>(texts.size());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            try {
                parsed.add(new Named(i, Gs1Key.parse(texts.get(i), wo.lot, wo.expiry)));
            } catch (IllegalArgumentException e) {
                if (problems.size() < 20) {
                    problems.add((field.equals("parent") ? "" : i + ": ") + e.getMessage());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException.Validation("Some numbers cannot be read", Map.of(field, problems));
        }
        return parsed;
    }

    /** Every number is one the work order holds (built-in, else delivered by a source), or a 400 naming them. */
    private Uni<Void> held(WorkOrder wo, List<Gs1Key> keys) {
        return pools.held(wo.id).flatMap(held -> {
            Map<String, List<String>> unplaced = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (Gs1Key key : keys) {
                Optional<HeldNumbers.Placed> placed = key.isSscc() ? held.sscc(key.sscc())
                    : held.sgtin(key.gtin(), key.serial());
                if (placed.isEmpty()) {
                    if (key.isSscc()) {
                        missing.add(key.text());
                    } else {
                        unplaced.computeIfAbsent(key.gtin(), gtin -> new ArrayList<>()).add(key.serial());
                    }
                }
            }
            return external(wo, unplaced).map(notHeld -> {
                notHeld.forEach((gtin, serials) -> serials.forEach(serial -> missing.add(
                    new Gs1Key(gtin, serial, null).text())));
                if (!missing.isEmpty()) {
                    throw ApiException.Validation.of("children", missing.size() + " not held by this work order: "
                        + String.join(", ", missing.subList(0, Math.min(20, missing.size())))
                        + (missing.size() > 20 ? ", …" : ""));
                }
                return null;
            });
        });
    }

    /** Of serials no built-in range holds, those no source delivered to the work order either, by GTIN. */
    private Uni<Map<String, List<String>>> external(WorkOrder wo, Map<String, List<String>> unplaced) {
        Uni<Map<String, List<String>>> all = Uni.createFrom().item(new TreeMap<>());
        for (var entry : unplaced.entrySet()) {
            all = all.flatMap(map -> poolRepository.serialPool(entry.getKey()).flatMap(pool -> (pool == null
                    ? Uni.createFrom().item(List.<String>of())
                    : externalSerials.heldOf(wo.id, pool.id, entry.getValue()))
                .map(found -> {
                    Set<String> delivered = new HashSet<>(found);
                    List<String> rest = entry.getValue().stream().filter(serial -> !delivered.contains(serial))
                        .toList();
                    if (!rest.isEmpty()) {
                        map.put(entry.getKey(), rest);
                    }
                    return map;
                })));
        }
        return all;
    }

    /** The one level of all the children: a trade item's by its GTIN, an SSCC's as it was first packed. */
    private static int childLevel(PackingLevels levels, List<Named> children, Map<String, String> recorded) {
        Map<Integer, String> seen = new HashMap<>();
        for (Named child : children) {
            Gs1Key key = child.key();
            int level;
            if (key.isSscc()) {
                String code = recorded.get(key.key());
                if (code == null) {
                    throw new Refused("CONTAINER_EMPTY", key.text() + " holds nothing yet: pack what it holds before "
                        + "packing it into another container");
                }
                level = levels.ofCode(code).orElseThrow();
            } else {
                level = levels.ofGtin(key.gtin()).orElseThrow(() -> ApiException.Validation.of("children",
                    key.text() + ": GTIN " + key.gtin() + " is no trade-item level of this work order's packaging"));
            }
            seen.putIfAbsent(level, key.text());
            if (seen.size() > 1) {
                throw ApiException.Validation.of("children", "The children are of more than one level: "
                    + String.join(", ", seen.entrySet().stream().map(e -> e.getValue() + " ("
                    + levels.describe(e.getKey()) + ")").toList()));
            }
        }
        return seen.keySet().iterator().next();
    }

    /** The container is of the kind its level is identified by: an SSCC for a logistic unit, its GTIN's SGTIN else. */
    private static void checkParent(PackingLevels levels, Gs1Key parent, int parentLevel) {
        if (levels.logistic(parentLevel) != parent.isSscc()) {
            throw ApiException.Validation.of("parent", "A " + levels.describe(parentLevel) + " is identified by "
                + (levels.logistic(parentLevel) ? "an SSCC" : "an SGTIN of GTIN " + levels.at(parentLevel).gtin()));
        }
        if (!parent.isSscc() && !levels.ofGtin(parent.gtin()).equals(Optional.of(parentLevel))) {
            throw ApiException.Validation.of("parent", parent.text() + " is not a " + levels.describe(parentLevel)
                + " (GTIN " + levels.at(parentLevel).gtin() + ")");
        }
    }
}
