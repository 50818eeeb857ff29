package org.serialgen.aggregation.breakdown;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
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
import io.smallrye.mutiny.Multi;
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

    /** A work order's new revision: stored and recomputed, in the consuming transaction. */
    Uni<Void> applyWorkOrder(WorkOrderSynced wo) {
        // a configuration being applied now either sees this work order or is seen by it
        return replica.currentForUpdate().flatMap(config -> packagings.locked(wo.woId())).flatMap(stored -> {
            if (stored != null && stored.woRevision >= wo.revision()) {
                return Uni.createFrom().voidItem();
            }
            WorkOrderPackaging row = stored != null ? stored : new WorkOrderPackaging();
            row.woId = wo.woId();
            row.gtin = wo.gtin();
            row.quantity = wo.quantity();
            row.woRevision = wo.revision();
            return packagings.persist(row).flatMap(this::recompute);
        });
    }

    /** A new configuration: every work order recomputed, in the consuming transaction. */
    Uni<Void> applyConfig(ConfigActivated config) {
        return replica.apply(config).flatMap(applied -> !applied ? Uni.createFrom().voidItem()
            : packagings.all().flatMap(this::recomputeEach));
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
            .flatMap(this::recomputeEach)
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
                .call(this::recomputeEach))
            .flatMap(rows -> rows.size() < PAGE ? Uni.createFrom().voidItem()
                : recomputePageAfter(rows.get(rows.size() - 1).woId));
    }

    private Uni<Void> recomputeEach(List<WorkOrderPackaging> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem()
            : Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(this::recompute)
                .collect().last().replaceWithVoid();
    }

    /**
     * The breakdown of {@code quantity} units of {@code gtin} (null: by the configuration) as of today;
     * {@link Refused} {@code CONFIG_NOT_AVAILABLE} when neither a recipe nor a configuration applies yet.
     */
    public Uni<Computed> compute(String gtin, long quantity) {
        Uni<Optional<LevelsInEffect.Levels>> recipe = gtin == null ? Uni.createFrom().item(Optional.empty())
            : recipes.forGtin(gtin, LocalDate.now());
        return recipe.flatMap(found -> found.isPresent()
            ? Uni.createFrom().item(new Computed(PackagingBreakdown.of(quantity, found.get().steps()),
                found.get().source()))
            : byConfig(gtin, quantity));
    }

    private Uni<Computed> byConfig(String gtin, long quantity) {
        return replica.current().map(config -> {
            if (config == null) {
                throw new Refused("CONFIG_NOT_AVAILABLE", "No recipe for this GTIN and no configuration has reached "
                    + "aggregation-service yet");
            }
            return new Computed(PackagingBreakdown.of(quantity, PackagingBreakdown.fromConfig(gtin,
                config.config().aggregationRules())), "config:v" + config.version());
        });
    }

    /** Recomputes a stored breakdown; publishes it if it changed. Nothing to compute with yet: it waits. */
    private Uni<Void> recompute(WorkOrderPackaging row) {
        return compute(row.gtin, row.quantity)
            .onFailure(Refused.class).recoverWithNull()
            .flatMap(computed -> computed == null ? Uni.createFrom().voidItem() : store(row, computed));
    }

    private Uni<Void> store(WorkOrderPackaging row, Computed computed) {
        PackagingBreakdown breakdown = computed.breakdown();
        row.rulesSource = computed.source();
        if (row.levels != null && Objects.equals(levels(row), breakdown.levels())) {
            return Uni.createFrom().voidItem();
        }
        row.breakdownRevision += 1;
        row.levels = EventCodec.write(breakdown.levels());
        row.ssccCount = breakdown.ssccCount();
        row.bundleSerialCount = breakdown.bundleSerialCount();
        row.computedAt = Instant.now();
        AggregationComputed event = new AggregationComputed(row.woId, row.quantity, row.breakdownRevision,
            row.rulesSource, breakdown.levels(), breakdown.ssccCount(), breakdown.bundleSerialCount());
        return outbox.publish(Topics.AGGREGATION, row.woId, EventTypes.AGGREGATION_COMPUTED, event).replaceWithVoid();
    }

    static List<Level> levels(WorkOrderPackaging row) {
        return EventCodec.read(row.levels, new TypeReference<List<Level>>() { });
    }
}
