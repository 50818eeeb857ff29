package org.serialgen.generation.workorder;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.serialgen.events.AggregationComputed;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderRules;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.kit.configreplica.ConfigReplica;
import org.serialgen.kit.configreplica.SerialDemand;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.inbox.ProcessingLocks;
import org.serialgen.kit.outbox.Outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The owner of work orders: their one write path for content (from the ERP or the form) and demands (serials from
 * the configuration, SSCCs from aggregation), and how each writer locks them.
 *
 * <p>Locking: whatever changes a work order's content or demands holds its processing lock and a shared hold on the
 * configuration (which a configuration change takes exclusively), then reads the row FOR UPDATE; each handler then
 * sees what the others committed before it. Issues read the row FOR UPDATE ({@link #lockedForIssue}): a handler
 * must never write back counts that an issue changed after the handler read them. Call inside a transaction.
 */
@ApplicationScoped
public class WorkOrders {

    private static final Logger LOG = Logger.getLogger(WorkOrders.class);

    private final WorkOrderRepository repository;
    private final ConfigReplica replica;
    private final ProcessingLocks locks;
    private final Outbox outbox;

    WorkOrders(WorkOrderRepository repository, ConfigReplica replica, ProcessingLocks locks, Outbox outbox) {
        this.repository = repository;
        this.replica = replica;
        this.outbox = outbox;
        this.locks = locks;
    }

    /** The work order by numeric id or wo_id; 404 {@code WO_NOT_FOUND} when there is none. */
    public Uni<WorkOrder> find(String key) {
        return repository.byKey(key, LockModeType.NONE).onItem().ifNull().failWith(WorkOrders::notFound);
    }

    /** The work order of a task. */
    public Uni<WorkOrder> byId(int id) {
        return repository.findById(id);
    }

    /** The work order, locked FOR UPDATE for an issue; 404 when there is none. */
    public Uni<WorkOrder> lockedForIssue(String key) {
        return repository.byKey(key, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull().failWith(WorkOrders::notFound);
    }

    /** The work order of a task, locked FOR UPDATE. */
    public Uni<WorkOrder> lockedForIssue(int id) {
        return repository.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The processing locks of {@code woId}, then its row FOR UPDATE; null when there is no such work order yet. */
    private Uni<WorkOrder> lockedForChange(String woId) {
        return replica.currentForUpdate().flatMap(ignored -> locks.exclusive("workorder:" + woId))
            .flatMap(locked -> repository.byWoId(woId, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * A work order from the ERP (through erp-sync-service), applied if newer than the one held. Manual work orders
     * are announced by this service itself, and the ERP cannot take one over.
     */
    public Uni<Void> applyErp(WorkOrderSynced synced) {
        if (Origin.of(synced.source()) == Origin.MANUAL) {
            return Uni.createFrom().voidItem();
        }
        return lockedForChange(synced.woId()).flatMap(stored -> {
            if (stored != null && stored.origin != Origin.ERP) {
                LOG.warnf("ERP work order %s ignored: a manual work order has that wo_id", synced.woId());
                return Uni.createFrom().voidItem();
            }
            if (stored != null && stored.revision >= synced.revision()) {
                return Uni.createFrom().voidItem();
            }
            return store(stored != null ? stored : newWorkOrder(synced.woId(), Origin.ERP), synced).replaceWithVoid();
        });
    }

    /** The SSCC and bundle-serial demand aggregation-service computed, kept if newer and applied to the work order. */
    public Uni<Void> applyAggregation(AggregationComputed computed) {
        return lockedForChange(computed.woId()).flatMap(wo -> repository.demand(computed.woId()).flatMap(stored -> {
            if (stored != null && stored.revision >= computed.revision()) {
                return Uni.createFrom().voidItem();
            }
            AggregationDemand demand = stored != null ? stored : new AggregationDemand();
            demand.take(computed, Instant.now());
            return demand.persist().invoke(() -> {
                if (wo != null) {
                    applyDemand(wo, demand);
                }
            }).replaceWithVoid();
        }));
    }

    /** A new configuration: the serial demand of every work order whose serial generation has not started. */
    public Uni<Void> applyConfig(ConfigActivated config) {
        return replica.apply(config).flatMap(applied -> !applied ? Uni.createFrom().voidItem()
            : repository.lockedPendingSerials().flatMap(pending -> Multi.createFrom().iterable(pending)
                .invoke(wo -> applyDemand(wo, config)).collect().last().replaceWithVoid()));
    }

    /** A work order entered by hand, checked like the ERP's and announced like them. */
    public Uni<WorkOrder> createManual(ManualWorkOrderRequest request) {
        WorkOrderRules.Valid valid = valid(request);
        return Panache.withTransaction(() -> lockedForChange(valid.woId()).flatMap(existing -> {
            if (existing != null) {
                throw new ApiException.Conflict("WO_EXISTS", "Work order " + valid.woId() + " exists already");
            }
            return saveManual(newWorkOrder(valid.woId(), Origin.MANUAL), valid, 1);
        }));
    }

    /** A manual work order changed, while its generation has not started. */
    public Uni<WorkOrder> updateManual(String key, ManualWorkOrderRequest request) {
        WorkOrderRules.Valid valid = valid(request);
        return Panache.withTransaction(() -> find(key)
            // read again under the locks: the copy read before them is let go
            .call(found -> Panache.getSession().invoke(session -> session.detach(found)))
            .flatMap(found -> lockedForChange(found.woId))
            .flatMap(wo -> {
                if (!wo.woId.equals(valid.woId())) {
                    throw ApiException.Validation.of("wo_id", "The wo_id of a work order cannot change");
                }
                if (wo.origin != Origin.MANUAL) {
                    throw new ApiException.Conflict("ERP_OWNED", "Work orders from the ERP change in the ERP");
                }
                if (!wo.untouched()) {
                    throw new ApiException.Conflict("GENERATION_STARTED", "Generation has started for this work "
                        + "order; it can no longer change");
                }
                return saveManual(wo, valid, wo.revision + 1);
            }));
    }

    private Uni<WorkOrder> saveManual(WorkOrder wo, WorkOrderRules.Valid valid, long revision) {
        WorkOrderSynced event = new WorkOrderSynced(wo.woId, valid.woName(), valid.gtin(), valid.lot(), valid.expiry(),
            valid.quantity(), revision, Instant.now(), WorkOrderSynced.MANUAL);
        // announced like the ERP's, so aggregation-service computes its SSCC demand too
        return store(wo, event).call(saved -> outbox.publish(Topics.WORKORDERS, wo.woId, EventTypes.WORKORDER_SYNCED,
            event));
    }

    /**
     * Takes the work order's content, computes its serial demand (configuration) and SSCC demand (aggregation) and
     * stores it: the one way a work order's content is written.
     */
    private Uni<WorkOrder> store(WorkOrder wo, WorkOrderSynced content) {
        wo.woName = content.woName();
        wo.gtin = content.gtin();
        wo.lot = content.lot();
        wo.expiry = content.expiry();
        wo.quantity = content.quantity();
        wo.revision = content.revision();
        wo.updatedAt = Instant.now();
        return replica.current()
            .invoke(config -> applyDemand(wo, config))
            .flatMap(config -> repository.demand(wo.woId))
            .invoke(demand -> applyDemand(wo, demand))
            .flatMap(demand -> repository.persist(wo));
    }

    /** The serial demand of the configuration, while serial generation has not started. */
    static void applyDemand(WorkOrder wo, ConfigActivated config) {
        if (config == null || !wo.serials.pending()) {
            return;
        }
        wo.serials.requested = SerialDemand.serialsFor(wo.quantity, config.config().manufacturingPercentage(),
            config.config().discrepancyTolerance());
        wo.configVersion = config.version();
        wo.updatedAt = Instant.now();
    }

    /**
     * The SSCC and bundle-serial demand of aggregation, while SSCC generation has not started; a different SSCC
     * demand after it started is reported on the work order, never applied silently.
     */
    static void applyDemand(WorkOrder wo, AggregationDemand demand) {
        if (demand == null || (demand.ssccCount == wo.sscc.requested
            && demand.bundleSerialCount == wo.totalRequestedBundleSerials)) {
            return;
        }
        if (wo.sscc.pending()) {
            wo.sscc.requested = demand.ssccCount;
            wo.totalRequestedBundleSerials = demand.bundleSerialCount;
        } else if (demand.ssccCount != wo.sscc.requested) {
            wo.errorMessage = "Aggregation now needs " + demand.ssccCount + " SSCCs (revision " + demand.revision
                + "), but SSCC generation had already started with " + wo.sscc.requested;
        }
        wo.updatedAt = Instant.now();
    }

    private static WorkOrder newWorkOrder(String woId, Origin origin) {
        WorkOrder wo = new WorkOrder();
        wo.woId = woId;
        wo.origin = origin;
        wo.createdAt = Instant.now();
        return wo;
    }

    private static WorkOrderRules.Valid valid(ManualWorkOrderRequest request) {
        if (request == null) {
            throw ApiException.Validation.of("body", "A work order is required");
        }
        WorkOrderRules.Outcome outcome = WorkOrderRules.check(request.asRecord());
        if (outcome.valid() == null) {
            throw new ApiException.Validation(outcome.problems());
        }
        return outcome.valid();
    }

    private static ApiException notFound() {
        return new ApiException.NotFound("WO_NOT_FOUND", "Work order not found");
    }
}
