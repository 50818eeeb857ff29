package org.serialgen.generation.workorder;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.serialgen.events.AggregationComputed;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.EventCodec;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.kit.configreplica.ConfigReplica;
import org.serialgen.kit.configreplica.SerialDemand;
import org.serialgen.kit.inbox.IdempotentConsumer;
import org.serialgen.kit.inbox.ProcessingLocks;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Keeps work orders in step with their sources: the ERP's work orders (through erp-sync-service), the SSCC demand
 * from aggregation-service and the serial demand from the active configuration. Each event is applied at most once
 * and only when newer than what the work order already reflects; a demand that changes after generation started is
 * not applied but reported on the work order. Work-order rows are read FOR UPDATE, as generation reads them: a
 * handler must never write back counts that an issue changed after the handler read them.
 */
@ApplicationScoped
public class WorkOrderProjection {

    private static final Logger LOG = Logger.getLogger(WorkOrderProjection.class);
    static final String CONSUMER = "generation-service";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ConfigReplica replica;

    @Inject
    ProcessingLocks locks;

    @Incoming("workorders-in")
    public Uni<Void> onWorkOrder(String envelope) {
        return consumer.consume(CONSUMER, envelope, event -> {
            WorkOrderSynced synced = EventCodec.payload(event, WorkOrderSynced.class);
            return lockWorkOrder(synced.woId())
                .flatMap(locked -> WorkOrder.<WorkOrder>find("woId", synced.woId())
                    .withLock(LockModeType.PESSIMISTIC_WRITE).<WorkOrder>firstResult())
                .flatMap(stored -> {
                    // manual work orders are announced by this service itself; the ERP cannot take one over
                    if (WorkOrderSynced.MANUAL.equals(synced.source())
                        || (stored != null && !WorkOrderSynced.ERP.equals(stored.woSource))) {
                        if (stored != null && WorkOrderSynced.ERP.equals(synced.source())) {
                            LOG.warnf("ERP work order %s ignored: a manual work order has that wo_id", synced.woId());
                        }
                        return Uni.createFrom().voidItem();
                    }
                    if (stored != null && stored.erpRevision >= synced.revision()) {
                        return Uni.createFrom().voidItem();
                    }
                    WorkOrder wo = stored != null ? stored : new WorkOrder();
                    if (stored == null) {
                        wo.woId = synced.woId();
                        wo.woSource = WorkOrderSynced.ERP;
                        wo.createdAt = Instant.now();
                    }
                    return store(wo, synced).replaceWithVoid();
                });
        });
    }

    @Incoming("aggregation-in")
    public Uni<Void> onAggregation(String envelope) {
        return consumer.consume(CONSUMER, envelope, event -> {
            AggregationComputed computed = EventCodec.payload(event, AggregationComputed.class);
            return lockWorkOrder(computed.woId())
                .flatMap(locked -> AggregationDemand.<AggregationDemand>findById(computed.woId()))
                .flatMap(stored -> {
                    if (stored != null && stored.revision >= computed.revision()) {
                        return Uni.createFrom().voidItem();
                    }
                    AggregationDemand demand = stored != null ? stored : new AggregationDemand();
                    demand.woId = computed.woId();
                    demand.revision = computed.revision();
                    demand.quantity = computed.quantity();
                    demand.ssccCount = computed.ssccCount();
                    demand.bundleSerialCount = computed.bundleSerialCount();
                    demand.receivedAt = Instant.now();
                    return demand.persist()
                        .flatMap(saved -> WorkOrder.<WorkOrder>find("woId", demand.woId)
                            .withLock(LockModeType.PESSIMISTIC_WRITE).<WorkOrder>firstResult())
                        .invoke(wo -> {
                            if (wo != null) {
                                applySsccDemand(wo, demand);
                            }
                        })
                        .replaceWithVoid();
                });
        });
    }

    @Incoming("config-in")
    public Uni<Void> onConfig(String envelope) {
        return consumer.consume(CONSUMER, envelope, event -> {
            ConfigActivated config = EventCodec.payload(event, ConfigActivated.class);
            return replica.apply(config)
                .flatMap(applied -> !applied ? Uni.createFrom().voidItem()
                    : WorkOrder.<WorkOrder>find("serialGenerationStatus", WorkOrder.PENDING)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).<WorkOrder>list()
                        .flatMap(pending -> Multi.createFrom().iterable(pending)
                            .invoke(wo -> applySerialDemand(wo, config))
                            .collect().last().replaceWithVoid()));
        });
    }

    /**
     * Takes the work order's content from {@code content}, computes its serial demand (configuration) and SSCC
     * demand (aggregation) and stores it: the one way a work order is written, from the ERP or from the form.
     */
    Uni<WorkOrder> store(WorkOrder wo, WorkOrderSynced content) {
        wo.woName = content.woName();
        wo.gtin = content.gtin();
        wo.lot = content.lot();
        wo.expiry = content.expiry();
        wo.quantity = content.quantity();
        wo.erpRevision = content.revision();
        wo.updatedAt = Instant.now();
        return replica.current()
            .invoke(config -> applySerialDemand(wo, config))
            .flatMap(config -> AggregationDemand.<AggregationDemand>findById(wo.woId))
            .invoke(demand -> applySsccDemand(wo, demand))
            .flatMap(demand -> wo.<WorkOrder>persist());
    }

    /**
     * Everything that changes one work order holds its lock, and a shared hold on the configuration, which a
     * configuration change takes exclusively: each handler then sees what the others committed before it.
     */
    Uni<Void> lockWorkOrder(String woId) {
        return replica.currentForUpdate().flatMap(ignored -> locks.exclusive("workorder:" + woId));
    }

    static void applySerialDemand(WorkOrder wo, ConfigActivated config) {
        if (config == null || !WorkOrder.PENDING.equals(wo.serialGenerationStatus)) {
            return;
        }
        wo.totalRequestedSerials = SerialDemand.serialsFor(wo.quantity, config.config().manufacturingPercentage(),
            config.config().discrepancyTolerance());
        wo.configVersion = config.version();
        wo.updatedAt = Instant.now();
    }

    static void applySsccDemand(WorkOrder wo, AggregationDemand demand) {
        if (demand == null || (demand.ssccCount == wo.totalRequestedSscc
            && demand.bundleSerialCount == wo.totalRequestedBundleSerials)) {
            return;
        }
        if (WorkOrder.PENDING.equals(wo.ssccGenerationStatus)) {
            wo.totalRequestedSscc = demand.ssccCount;
            wo.totalRequestedBundleSerials = demand.bundleSerialCount;
        } else if (demand.ssccCount != wo.totalRequestedSscc) {
            wo.errorMessage = "Aggregation now needs " + demand.ssccCount + " SSCCs (revision " + demand.revision
                + "), but SSCC generation had already started with " + wo.totalRequestedSscc;
        }
        wo.updatedAt = Instant.now();
    }
}
