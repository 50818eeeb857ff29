package org.serialgen.aggregation.breakdown;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.serialgen.aggregation.recipe.Recipes;
import org.serialgen.events.AggregationComputed;
import org.serialgen.events.AggregationComputed.Level;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.kit.configreplica.ConfigReplica;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.inbox.IdempotentConsumer;
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
    static final String CONSUMER = "aggregation-service";
    static final int PAGE = 500;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ConfigReplica replica;

    @Inject
    Outbox outbox;

    /** A breakdown and where its levels came from ({@code recipe:<id>:v<n>} or {@code config:v<n>}). */
    public record Computed(PackagingBreakdown breakdown, String source) {
    }

    @Incoming("workorders-in")
    public Uni<Void> onWorkOrder(String envelope) {
        return consumer.consume(CONSUMER, envelope, event -> {
            WorkOrderSynced wo = EventCodec.payload(event, WorkOrderSynced.class);
            // a configuration being applied now either sees this work order or is seen by it
            return replica.currentForUpdate()
                .flatMap(config -> WorkOrderPackaging.<WorkOrderPackaging>findById(wo.woId(),
                    LockModeType.PESSIMISTIC_WRITE))
                .flatMap(stored -> {
                    if (stored != null && stored.woRevision >= wo.revision()) {
                        return Uni.createFrom().voidItem();
                    }
                    WorkOrderPackaging row = stored != null ? stored : new WorkOrderPackaging();
                    row.woId = wo.woId();
                    row.gtin = wo.gtin();
                    row.quantity = wo.quantity();
                    row.woRevision = wo.revision();
                    return row.persist().replaceWith(row).flatMap(this::recompute);
                });
        });
    }

    @Incoming("config-in")
    public Uni<Void> onConfig(String envelope) {
        return consumer.consume(CONSUMER, envelope, event -> {
            ConfigActivated config = EventCodec.payload(event, ConfigActivated.class);
            return replica.apply(config)
                .flatMap(applied -> !applied ? Uni.createFrom().voidItem()
                    : WorkOrderPackaging.<WorkOrderPackaging>listAll()
                        .flatMap(rows -> recomputeEach(rows)));
        });
    }

    /** The work orders of these GTINs, locked and recomputed in the caller's transaction (a recipe changed). */
    public Uni<Void> recomputeGtins(List<String> gtins) {
        return WorkOrderPackaging.<WorkOrderPackaging>find("gtin in ?1", gtins)
            .withLock(LockModeType.PESSIMISTIC_WRITE).list()
            .flatMap(this::recomputeEach);
    }

    /** The work orders of the GTINs a bulk import wrote recipes for, locked and recomputed in its transaction. */
    public Uni<Void> recomputeImported(java.util.UUID importId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("SELECT wo_id FROM workorder_packaging"
                + " WHERE gtin IN (SELECT gtin FROM recipe_import_row WHERE import_id = :id AND errors IS NULL)"
                + " ORDER BY wo_id", String.class).setParameter("id", importId).getResultList())
            .flatMap(ids -> recomputeIds(ids, 0));
    }

    private Uni<Void> recomputeIds(List<String> ids, int from) {
        if (from >= ids.size()) {
            return Uni.createFrom().voidItem();
        }
        List<String> chunk = ids.subList(from, Math.min(ids.size(), from + PAGE));
        return WorkOrderPackaging.<WorkOrderPackaging>find("woId in ?1 order by woId", chunk)
            .withLock(LockModeType.PESSIMISTIC_WRITE).list()
            .flatMap(this::recomputeEach)
            .flatMap(ignored -> recomputeIds(ids, from + PAGE));
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
        return Panache.withTransaction(() -> WorkOrderPackaging.<WorkOrderPackaging>find("woId > ?1 order by woId",
                    after).withLock(LockModeType.PESSIMISTIC_WRITE).page(0, PAGE).list()
                .flatMap(rows -> recomputeEach(rows).replaceWith(rows)))
            .flatMap(rows -> rows.size() < PAGE ? Uni.createFrom().voidItem()
                : recomputePageAfter(rows.get(rows.size() - 1).woId));
    }

    private Uni<Void> recomputeEach(List<WorkOrderPackaging> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem()
            : Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(this::recompute)
                .collect().last().replaceWithVoid();
    }

    /** The breakdown of {@code quantity} units of {@code gtin} (null: by the configuration) as of today. */
    public Uni<Computed> compute(String gtin, long quantity) {
        Uni<java.util.Optional<Recipes.Applicable>> recipe = gtin == null
            ? Uni.createFrom().item(java.util.Optional.empty()) : Recipes.applicable(gtin, LocalDate.now());
        return recipe.flatMap(found -> {
            if (found.isPresent()) {
                return Uni.createFrom().item(new Computed(PackagingBreakdown.of(quantity, found.get().steps()),
                    found.get().source()));
            }
            return replica.current().map(config -> {
                if (config == null) {
                    throw new ApiException.Conflict("CONFIG_NOT_AVAILABLE", "No recipe for this GTIN and no "
                        + "configuration has reached aggregation-service yet");
                }
                return new Computed(PackagingBreakdown.of(quantity, PackagingBreakdown.fromConfig(gtin,
                    config.config().aggregationRules())), "config:v" + config.version());
            });
        });
    }

    private Uni<Void> recompute(WorkOrderPackaging row) {
        return compute(row.gtin, row.quantity)
            .onFailure(ApiException.Conflict.class).recoverWithNull()
            .flatMap(computed -> {
                if (computed == null) {
                    return Uni.createFrom().voidItem();
                }
                PackagingBreakdown breakdown = computed.breakdown();
                row.rulesSource = computed.source();
                boolean unchanged = row.levels != null && Objects.equals(levels(row), breakdown.levels());
                if (unchanged) {
                    return Uni.createFrom().voidItem();
                }
                row.breakdownRevision += 1;
                row.levels = EventCodec.write(breakdown.levels());
                row.ssccCount = breakdown.ssccCount();
                row.bundleSerialCount = breakdown.bundleSerialCount();
                row.computedAt = Instant.now();
                AggregationComputed event = new AggregationComputed(row.woId, row.quantity, row.breakdownRevision,
                    row.rulesSource, breakdown.levels(), breakdown.ssccCount(), breakdown.bundleSerialCount());
                return outbox.publish(Topics.AGGREGATION, row.woId, EventTypes.AGGREGATION_COMPUTED, event)
                    .replaceWithVoid();
            });
    }

    static List<Level> levels(WorkOrderPackaging row) {
        return EventCodec.read(row.levels, new TypeReference<List<Level>>() { });
    }
}
