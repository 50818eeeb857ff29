package org.serialgen.aggregation.breakdown;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.reactive.messaging.Incoming;
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

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Keeps every work order's breakdown current: a new work-order revision or a new configuration recomputes it, and a
 * breakdown that changed is published with the next revision, in the transaction that stored it.
 */
@ApplicationScoped
public class BreakdownService {

    static final String CONSUMER = "aggregation-service";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ConfigReplica replica;

    @Inject
    Outbox outbox;


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
                    return replica.current().flatMap(config -> row.persist().replaceWith(row)
                        .flatMap(saved -> recompute(saved, config)));
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
                        .flatMap(rows -> Multi.createFrom().iterable(rows)
                            .onItem().transformToUniAndConcatenate(row -> recompute(row, config))
                            .collect().last()));
        });
    }

    /** The breakdown of {@code quantity} under the configuration this service holds now. */
    public Uni<PackagingBreakdown> calculate(long quantity) {
        return replica.current().map(config -> {
            if (config == null) {
                throw new ApiException.Conflict("CONFIG_NOT_AVAILABLE",
                    "No configuration has reached aggregation-service yet");
            }
            return PackagingBreakdown.of(quantity, config.config().aggregationRules());
        });
    }

    private Uni<Void> recompute(WorkOrderPackaging row, ConfigActivated config) {
        if (config == null) {
            return Uni.createFrom().voidItem();
        }
        PackagingBreakdown breakdown = PackagingBreakdown.of(row.quantity, config.config().aggregationRules());
        boolean unchanged = row.levels != null && Objects.equals(levels(row), breakdown.levels());
        if (unchanged) {
            return Uni.createFrom().voidItem();
        }
        row.breakdownRevision += 1;
        row.rulesSource = "config:v" + config.version();
        row.levels = EventCodec.write(breakdown.levels());
        row.ssccCount = breakdown.ssccCount();
        row.computedAt = Instant.now();
        AggregationComputed event = new AggregationComputed(row.woId, row.quantity, row.breakdownRevision,
            row.rulesSource, breakdown.levels(), breakdown.ssccCount());
        return outbox.publish(Topics.AGGREGATION, row.woId, EventTypes.AGGREGATION_COMPUTED, event).replaceWithVoid();
    }

    static List<Level> levels(WorkOrderPackaging row) {
        return EventCodec.read(row.levels, new TypeReference<List<Level>>() { });
    }
}
