package org.serialgen.aggregation.breakdown;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.serialgen.aggregation.breakdown.WorkOrderPackagingRepository.Group;
import org.serialgen.events.AggregationComputed;
import org.serialgen.events.AggregationComputed.Level;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.kit.configreplica.ConfigReplica;
import org.serialgen.kit.errors.Refused;
import org.serialgen.kit.outbox.Outbox;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Keeps every work order's breakdown current: a new work-order revision, a recipe change for its GTIN, a new
 * configuration or a recipe version taking effect recomputes it, and a breakdown that changed is published with the
 * next revision, in the transaction that stored it. A work order's GTIN's recipe decides its levels; without one, the
 * configuration's aggregation rules do.
 */
@ApplicationScoped
public class BreakdownService {

    private static final Logger LOG = Logger.getLogger(BreakdownService.class);
    /** Work orders recomputed per query (and per transaction of the hourly sweep). */
    static final int PAGE = 500;
    private static final TypeReference<List<Level>> LEVELS = new TypeReference<>() { };

    /** A breakdown and where its levels came from ({@code recipe:<id>:v<n>} or {@code config:v<n>}). */
    public record Computed(PackagingBreakdown breakdown, String source) {
    }

    private final WorkOrderPackagingRepository packagings;
    private final LevelsInEffect recipes;
    private final ConfigReplica replica;
    private final Outbox outbox;

    BreakdownService(WorkOrderPackagingRepository packagings, LevelsInEffect recipes, ConfigReplica replica,
                     Outbox outbox) {
        this.packagings = packagings;
        this.recipes = recipes;
        this.replica = replica;
        this.outbox = outbox;
    }

    /**
     * Work orders' new revisions (of one twice in the batch, the newer): stored and recomputed, in the consuming
     * transaction.
     */
    Uni<Void> applyWorkOrders(List<WorkOrderSynced> batch) {
        Map<String, WorkOrderSynced> newest = new LinkedHashMap<>();
        batch.forEach(wo -> newest.merge(wo.woId(), wo, (held, next) -> next.revision() > held.revision() ? next : held));
        // a configuration being applied now either sees these work orders or is seen by them
        return replica.currentForUpdate().flatMap(config -> packagings.locked(newest.keySet())).flatMap(stored -> {
            Map<String, WorkOrderPackaging> held = new HashMap<>();
            stored.forEach(row -> held.put(row.woId, row));
            List<WorkOrderPackaging> changed = new ArrayList<>();
            List<WorkOrderPackaging> created = new ArrayList<>();
            for (WorkOrderSynced wo : newest.values()) {
                WorkOrderPackaging row = held.get(wo.woId());
                if (row != null && row.woRevision >= wo.revision()) {
                    continue;
                }
                if (row == null) {
                    row = new WorkOrderPackaging();
                    row.woId = wo.woId();
                    created.add(row);
                }
                row.gtin = wo.gtin();
                row.quantity = wo.quantity();
                row.woRevision = wo.revision();
                changed.add(row);
            }
            return packagings.persist(created).flatMap(ignored -> recompute(changed));
        });
    }

    /**
     * A new configuration: every work order recomputed, in the consuming transaction. A breakdown depends on the GTIN
     * and the quantity alone, so each distinct GTIN, quantity and stored levels is computed once; where the levels
     * stay, one statement records the new rules source, and only the work orders whose levels change are loaded,
     * stored and published (at 100 000 work orders, loading and writing each took the consumer minutes).
     */
    Uni<Void> applyConfig(ConfigActivated config) {
        return replica.apply(config).flatMap(applied -> !applied ? Uni.createFrom().voidItem()
            : packagings.groups().flatMap(groups -> rulesToday(groups.stream().map(Group::gtin)
                .collect(Collectors.toSet())).flatMap(rules -> {
                    Map<String, List<Group>> keptBySource = new HashMap<>();
                    List<Group> changed = new ArrayList<>();
                    for (Group group : groups) {
                        Computed computed = rules.compute(group.gtin(), group.quantity());
                        if (computed == null) {
                            continue; // nothing to compute with: it waits, as in recompute
                        }
                        if (group.levels() != null && Objects.equals(EventCodec.read(group.levels(), LEVELS),
                            computed.breakdown().levels())) {
                            keptBySource.computeIfAbsent(computed.source(), source -> new ArrayList<>()).add(group);
                        } else {
                            changed.add(group);
                        }
                    }
                    Uni<Void> kept = Uni.createFrom().voidItem();
                    for (Map.Entry<String, List<Group>> source : keptBySource.entrySet()) {
                        kept = kept.call(() -> packagings.keepLevels(source.getValue(), source.getKey()));
                    }
                    return changed.isEmpty() ? kept : kept.chain(() -> packagings.woIdsOf(changed))
                        .flatMap(woIds -> recomputeInPages(woIds, 0));
                })));
    }

    /** The work orders of these wo_ids, locked and recomputed {@link #PAGE} at a time in the caller's transaction. */
    private Uni<Void> recomputeInPages(List<String> woIds, int from) {
        if (from >= woIds.size()) {
            return Uni.createFrom().voidItem();
        }
        return packagings.locked(woIds.subList(from, Math.min(woIds.size(), from + PAGE)))
            .flatMap(this::recompute)
            .flatMap(ignored -> recomputeInPages(woIds, from + PAGE));
    }

    /** The work orders of these GTINs, locked and recomputed in the caller's transaction (their recipes changed). */
    public Uni<Void> recomputeGtins(List<String> gtins) {
        return recomputeGtins(gtins, 0);
    }

    private Uni<Void> recomputeGtins(List<String> gtins, int from) {
        if (from >= gtins.size()) {
            return Uni.createFrom().voidItem();
        }
        return packagings.lockedOfGtins(gtins.subList(from, Math.min(gtins.size(), from + PAGE)))
            .flatMap(this::recompute)
            .flatMap(ignored -> recomputeGtins(gtins, from + PAGE));
    }

    /**
     * Hourly, page by page: a recipe version whose effective date has come changes the breakdowns it now applies to.
     * Unchanged breakdowns publish nothing.
     */
    @Scheduled(every = "${serialgen.aggregation.recompute-every:1h}", delayed = "1m",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> recomputeAll() {
        return recomputePageAfter("")
            .onFailure().invoke(e -> LOG.warnf("hourly recomputation failed, next hour retries: %s", e.getMessage()))
            .onFailure().recoverWithNull();
    }

    private Uni<Void> recomputePageAfter(String after) {
        return Panache.withTransaction(() -> packagings.lockedPageAfter(after, PAGE)
                .call(this::recompute))
            .flatMap(rows -> rows.size() < PAGE ? Uni.createFrom().voidItem()
                : recomputePageAfter(rows.get(rows.size() - 1).woId));
    }

    /**
     * The breakdown of {@code quantity} units of {@code gtin} (null: by the configuration) as of today;
     * {@link Refused} {@code CONFIG_NOT_AVAILABLE} when neither a recipe nor a configuration applies yet.
     */
    public Uni<Computed> compute(String gtin, long quantity) {
        return rulesToday(gtin == null ? List.of() : List.of(gtin)).map(rules -> {
            Computed computed = rules.compute(gtin, quantity);
            if (computed == null) {
                throw new Refused("CONFIG_NOT_AVAILABLE", "No recipe for this GTIN and no configuration has reached "
                    + "aggregation-service yet");
            }
            return computed;
        });
    }

    /** What breakdowns are computed from today: the recipes in effect for some GTINs, and the configuration. */
    private record Rules(Map<String, LevelsInEffect.Levels> recipes, ConfigActivated config) {

        /** By the GTIN's recipe, else by the configuration; null when there is neither. */
        Computed compute(String gtin, long quantity) {
            LevelsInEffect.Levels recipe = gtin == null ? null : recipes.get(gtin);
            if (recipe != null) {
                return new Computed(PackagingBreakdown.of(quantity, recipe.steps()), recipe.source());
            }
            if (config == null) {
                return null;
            }
            return new Computed(PackagingBreakdown.of(quantity, PackagingBreakdown.fromConfig(gtin,
                config.config().aggregationRules())), "config:v" + config.version());
        }
    }

    private Uni<Rules> rulesToday(Collection<String> gtins) {
        return recipes.forGtins(gtins, LocalDate.now())
            .flatMap(found -> replica.current().map(config -> new Rules(found, config)));
    }

    /**
     * Recomputes stored breakdowns; those that changed are published, in one statement. Nothing to compute with
     * yet: they wait (the configuration's arrival recomputes them).
     */
    private Uni<Void> recompute(List<WorkOrderPackaging> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return rulesToday(rows.stream().map(row -> row.gtin).collect(Collectors.toSet())).flatMap(rules -> {
            List<Outbox.Event> events = new ArrayList<>();
            for (WorkOrderPackaging row : rows) {
                Computed computed = rules.compute(row.gtin, row.quantity);
                AggregationComputed changed = computed == null ? null : store(row, computed);
                if (changed != null) {
                    events.add(new Outbox.Event(Topics.AGGREGATION, row.woId, EventTypes.AGGREGATION_COMPUTED,
                        changed));
                }
            }
            return outbox.publishAll(events).replaceWithVoid();
        });
    }

    /** Takes a computed breakdown; answers the event announcing it, or null when the levels did not change. */
    private static AggregationComputed store(WorkOrderPackaging row, Computed computed) {
        PackagingBreakdown breakdown = computed.breakdown();
        row.rulesSource = computed.source();
        if (row.levels != null && Objects.equals(levels(row), breakdown.levels())) {
            return null;
        }
        row.breakdownRevision += 1;
        row.levels = EventCodec.write(breakdown.levels());
        row.ssccCount = breakdown.ssccCount();
        row.bundleSerialCount = breakdown.bundleSerialCount();
        row.computedAt = Instant.now();
        return new AggregationComputed(row.woId, row.quantity, row.breakdownRevision, row.rulesSource,
            breakdown.levels(), breakdown.ssccCount(), breakdown.bundleSerialCount());
    }

    static List<Level> levels(WorkOrderPackaging row) {
        return EventCodec.read(row.levels, LEVELS);
    }
}
