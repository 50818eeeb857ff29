package org.serialgen.generation.workorder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.serialgen.events.AggregationComputed;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.ErpConfirmed;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderRules;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.kit.audit.AuditTrail;
import org.serialgen.kit.configreplica.ConfigReplica;
import org.serialgen.kit.configreplica.SerialDemand;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.inbox.ProcessingLocks;
import org.serialgen.kit.outbox.Outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
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
    private final AuditTrail audit;

    WorkOrders(WorkOrderRepository repository, ConfigReplica replica, ProcessingLocks locks, Outbox outbox,
               AuditTrail audit) {
        this.repository = repository;
        this.replica = replica;
        this.outbox = outbox;
        this.locks = locks;
        this.audit = audit;
    }

    /** The work order by numeric id or wo_id; 404 {@code WO_NOT_FOUND} when there is none. */
    public Uni<WorkOrder> find(String key) {
        return repository.byKey(key, LockModeType.NONE).onItem().ifNull().failWith(WorkOrders::notFound);
    }

    /** The newest packaging demand of a work order; null before aggregation-service sent one. */
    public Uni<AggregationDemand> demand(String woId) {
        return AggregationDemand.findById(woId);
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

    /** What a change of work orders works with: the configuration, and each work order and demand held, locked. */
    private record Locked(ConfigActivated config, Map<String, WorkOrder> workOrders,
                          Map<String, AggregationDemand> demands) {
    }

    /**
     * The configuration (shared), the processing locks of these work orders, then their rows FOR UPDATE and their
     * stored SSCC demands: one statement each, however many work orders a batch holds.
     */
    private Uni<Locked> lockedForChange(Collection<String> woIds) {
        List<String> keys = woIds.stream().map(woId -> "workorder:" + woId).toList();
        return replica.currentForUpdate().flatMap(config -> locks.exclusive(keys)
            .flatMap(locked -> repository.lockedByWoIds(woIds))
            .flatMap(rows -> repository.demands(woIds).map(demands -> new Locked(config,
                rows.stream().collect(Collectors.toMap(wo -> wo.woId, wo -> wo)),
                demands.stream().collect(Collectors.toMap(d -> d.woId, d -> d))))));
    }

    /**
     * Work orders from the ERP (through erp-sync-service), each applied if newer than the one held; of a work order
     * twice in a batch, the newer revision. Manual work orders are announced by this service itself, and the ERP
     * cannot take one over.
     */
    public Uni<Void> applyErp(List<WorkOrderSynced> batch) {
        Map<String, WorkOrderSynced> newest = newest(batch.stream()
            .filter(synced -> Origin.of(synced.source()) != Origin.MANUAL).toList(), WorkOrderSynced::woId,
            WorkOrderSynced::revision);
        if (newest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return lockedForChange(newest.keySet()).flatMap(locked -> {
            List<WorkOrder> created = new ArrayList<>();
            for (WorkOrderSynced synced : newest.values()) {
                WorkOrder stored = locked.workOrders().get(synced.woId());
                if (stored != null && stored.origin != Origin.ERP) {
                    // never applied, never dropped silently: the manual work order shows what the ERP sent
                    LOG.warnf("ERP work order %s not applied: a manual work order has that wo_id", synced.woId());
                    stored.erpConflict = "The ERP sent work order " + synced.woId() + " (revision "
                        + synced.revision() + ": " + synced.quantity() + " units of GTIN " + synced.gtin() + ", lot "
                        + synced.lot() + ", expiry " + synced.expiry() + ") while this manual work order has its "
                        + "wo_id; the manual work order keeps its values";
                    stored.updatedAt = Instant.now();
                } else if (stored == null || stored.revision < synced.revision()) {
                    WorkOrder wo = stored != null ? stored : newWorkOrder(synced.woId(), Origin.ERP);
                    take(wo, synced, locked);
                    if (stored == null) {
                        created.add(wo);
                    }
                }
            }
            return created.isEmpty() ? Uni.createFrom().voidItem() : repository.persist(created);
        });
    }

    /**
     * The SSCC and bundle-serial demands aggregation-service computed, each kept if newer and applied to its work
     * order (which may arrive later: it then takes the demand when stored).
     */
    public Uni<Void> applyAggregation(List<AggregationComputed> batch) {
        Map<String, AggregationComputed> newest = newest(batch, AggregationComputed::woId,
            AggregationComputed::revision);
        return lockedForChange(newest.keySet()).flatMap(locked -> {
            List<AggregationDemand> created = new ArrayList<>();
            for (AggregationComputed computed : newest.values()) {
                AggregationDemand stored = locked.demands().get(computed.woId());
                if (stored != null && stored.revision >= computed.revision()) {
                    continue;
                }
                AggregationDemand demand = stored != null ? stored : new AggregationDemand();
                demand.take(computed, Instant.now());
                if (stored == null) {
                    created.add(demand);
                }
                WorkOrder wo = locked.workOrders().get(computed.woId());
                if (wo != null) {
                    applyDemand(wo, demand);
                }
            }
            return created.isEmpty() ? Uni.createFrom().voidItem() : AggregationDemand.persist(created);
        });
    }

    /**
     * A new configuration: the serial demand of every work order whose serial generation has not started and was not
     * given. The demand depends on the quantity alone, so it is computed once per quantity and written in one
     * statement: at 100 000 pending work orders, loading each as an entity took the consumer minutes.
     */
    public Uni<Void> applyConfig(ConfigActivated config) {
        return replica.apply(config).flatMap(applied -> !applied ? Uni.createFrom().voidItem()
            : repository.lockedPendingSerialQuantities().flatMap(quantities -> quantities.isEmpty()
                ? Uni.createFrom().voidItem()
                : repository.setPendingSerialDemand(config.version(), quantities.stream().collect(Collectors.toMap(
                    quantity -> quantity, quantity -> SerialDemand.serialsFor(quantity,
                        config.config().manufacturingPercentage(), config.config().discrepancyTolerance()))))
                    .replaceWithVoid()));
    }

    /** The ERP acknowledged the work order's serialization confirmation. */
    public Uni<Void> applyErpConfirmation(ErpConfirmed confirmed) {
        return repository.byWoId(confirmed.woId(), LockModeType.PESSIMISTIC_WRITE).invoke(wo -> {
            if (wo != null && (wo.erpConfirmedAt == null || wo.erpConfirmedAt.isBefore(confirmed.confirmedAt()))) {
                wo.erpConfirmedAt = confirmed.confirmedAt();
            }
        }).replaceWithVoid();
    }

    /** A work order entered by hand, checked like the ERP's and announced like them. */
    public Uni<WorkOrder> createManual(ManualWorkOrderRequest request) {
        WorkOrderRules.Valid valid = valid(request);
        return Panache.withTransaction(() -> lockedForChange(List.of(valid.woId())).flatMap(locked -> {
            if (locked.workOrders().containsKey(valid.woId())) {
                throw new ApiException.Conflict("WO_EXISTS", "Work order " + valid.woId() + " exists already");
            }
            WorkOrder wo = newWorkOrder(valid.woId(), Origin.MANUAL);
            return saveManual(wo, valid, request.serialQuantity(), 1, locked).call(saved -> repository.persist(wo));
        }));
    }

    /** A manual work order changed, while its generation has not started. */
    public Uni<WorkOrder> updateManual(String key, ManualWorkOrderRequest request) {
        WorkOrderRules.Valid valid = valid(request);
        return Panache.withTransaction(() -> find(key)
            // read again under the locks: the copy read before them is let go
            .call(found -> Panache.getSession().invoke(session -> session.detach(found)))
            .flatMap(found -> lockedForChange(List.of(found.woId)))
            .flatMap(locked -> {
                WorkOrder wo = locked.workOrders().values().iterator().next();
                if (!wo.woId.equals(valid.woId())) {
                    throw ApiException.Validation.of("wo_id", "The wo_id of a work order cannot change");
                }
                if (wo.origin != Origin.MANUAL) {
                    throw new ApiException.Conflict("ERP_OWNED", "Work orders from the ERP change in the ERP, or by "
                        + "an override: PUT /serial-generation/erp/workorders/" + wo.woId + "/override");
                }
                if (!wo.untouched()) {
                    throw new ApiException.Conflict("GENERATION_STARTED", "Generation has started for this work "
                        + "order; it can no longer change");
                }
                return saveManual(wo, valid, request.serialQuantity(), wo.revision + 1, locked);
            }));
    }

    private Uni<WorkOrder> saveManual(WorkOrder wo, WorkOrderRules.Valid valid, Long serialQuantity, long revision,
                                      Locked locked) {
        WorkOrderSynced event = new WorkOrderSynced(wo.woId, valid.woName(), valid.gtin(), valid.lot(), valid.expiry(),
            valid.quantity(), revision, Instant.now(), WorkOrderSynced.MANUAL, serialQuantity);
        Map<String, Object> before = revision == 1 ? null : content(wo);
        take(wo, event, locked);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("revision", revision);
        change.put("before", before);
        change.put("after", content(wo));
        // announced like the ERP's, so aggregation-service computes its SSCC demand too
        return outbox.publish(Topics.WORKORDERS, wo.woId, EventTypes.WORKORDER_SYNCED, event)
            .chain(() -> audit.record(revision == 1 ? "workorder.create" : "workorder.update", "workorder", wo.woId,
                change))
            .replaceWith(wo);
    }

    /** What the form sets, as the audit trail shows it. */
    private static Map<String, Object> content(WorkOrder wo) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("wo_name", wo.woName);
        content.put("gtin", wo.gtin);
        content.put("lot", wo.lot);
        content.put("expiry", wo.expiry == null ? null : wo.expiry.toString());
        content.put("quantity", wo.quantity);
        content.put("serial_quantity", wo.serials.requested);
        return content;
    }

    /**
     * Takes the work order's content and computes its serial demand (configuration) and SSCC demand (aggregation):
     * the one way a work order's content is written. A new work order is persisted by the caller.
     */
    private static void take(WorkOrder wo, WorkOrderSynced content, Locked locked) {
        wo.woName = content.woName();
        wo.gtin = content.gtin();
        wo.lot = content.lot();
        wo.expiry = content.expiry();
        wo.quantity = content.quantity();
        wo.revision = content.revision();
        wo.updatedAt = Instant.now();
        if (wo.serials.pending()) {
            wo.serialsFixed = content.serialQuantity() != null;
            if (wo.serialsFixed) {
                wo.serials.requested = content.serialQuantity();
            }
        }
        applyDemand(wo, locked.config());
        applyDemand(wo, locked.demands().get(wo.woId));
    }

    /** Of events about the same key in one batch, the one with the highest revision; keys in first-seen order. */
    private static <E> Map<String, E> newest(List<E> events, Function<E, String> key, ToLongFunction<E> revision) {
        Map<String, E> newest = new LinkedHashMap<>();
        for (E event : events) {
            newest.merge(key.apply(event), event,
                (held, next) -> revision.applyAsLong(next) > revision.applyAsLong(held) ? next : held);
        }
        return newest;
    }

    /** The serial demand of the configuration, while serial generation has not started. */
    static void applyDemand(WorkOrder wo, ConfigActivated config) {
        if (config == null || !wo.serials.pending() || wo.serialsFixed) {
            return;
        }
        wo.serials.requested = SerialDemand.serialsFor(wo.quantity, config.config().manufacturingPercentage(),
            config.config().discrepancyTolerance());
        wo.configVersion = config.version();
        wo.updatedAt = Instant.now();
    }

    /**
     * The SSCC and bundle-serial demands of aggregation, each while its generation has not started; a different
     * demand after it started is reported on the work order, never applied silently.
     */
    static void applyDemand(WorkOrder wo, AggregationDemand demand) {
        if (demand == null || (demand.ssccCount == wo.sscc.requested
            && demand.bundleSerialCount == wo.bundles.requested)) {
            return;
        }
        List<String> late = new ArrayList<>();
        if (wo.sscc.pending()) {
            wo.sscc.requested = demand.ssccCount;
        } else if (demand.ssccCount != wo.sscc.requested) {
            late.add(demand.ssccCount + " SSCCs, but SSCC generation had already started with " + wo.sscc.requested);
        }
        if (wo.bundles.pending()) {
            wo.bundles.requested = demand.bundleSerialCount;
        } else if (demand.bundleSerialCount != wo.bundles.requested) {
            late.add(demand.bundleSerialCount + " bundle serials, but bundle serial generation had already started "
                + "with " + wo.bundles.requested);
        }
        if (!late.isEmpty()) {
            wo.errorMessage = "Aggregation now needs " + String.join(" and ", late) + " (revision " + demand.revision
                + ")";
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
        if (request.serialQuantity() != null && (request.serialQuantity() < 0
            || request.serialQuantity() > WorkOrderRules.MAX_QUANTITY)) {
            throw ApiException.Validation.of("serial_quantity", "Must be between 0 and " + WorkOrderRules.MAX_QUANTITY);
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
