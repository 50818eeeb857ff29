package org.serialgen.generation.task;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.ConfigDocument.CompanyPrefix;
import org.serialgen.events.EventTypes;
import org.serialgen.events.GenerationTaskEvent;
import org.serialgen.events.PoolExhaustionWarning;
import org.serialgen.events.Topics;
import org.serialgen.generation.pool.Pools;
import org.serialgen.generation.pool.SerialPool;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.kit.configreplica.ConfigReplica;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.outbox.Outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Issues serials and SSCCs to work orders. An issue is one transaction: the work order and the pool are locked, the
 * pool's high-water mark moves up by the quantity, and the range of counters it passed over becomes the work order's
 * allocation — one row, whatever the quantity, under an exclusion constraint that forbids two allocations of a pool
 * to overlap. The task, the history rows, the work order's counts and the task events are written in the same
 * transaction, so a crash leaves either all of it or none: never numbers issued without a record of them.
 */
@ApplicationScoped
public class GenerationService {

    private static final Logger LOG = Logger.getLogger(GenerationService.class);
    public static final String SERIAL = SerialPool.SERIAL;
    public static final String SSCC = SerialPool.SSCC;

    @Inject
    Pools pools;

    @Inject
    ConfigReplica replica;

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry registry;

    public Uni<GenerationTask> generate(String woKey, String kind, GenerateRequest request, String idempotencyKey,
                                        String user) {
        GenerateRequest body = GenerateRequest.orEmpty(request);
        if (body.quantity() != null && (body.quantity() <= 0 || body.quantity() > GenerateRequest.MAX_QUANTITY)) {
            throw ApiException.Validation.of("quantity", "Must be between 1 and " + GenerateRequest.MAX_QUANTITY);
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw ApiException.Validation.of("Idempotency-Key", "1 to 200 characters");
        }
        return Panache.withTransaction(() -> WorkOrder.byIdOrWoId(woKey, LockModeType.PESSIMISTIC_WRITE).flatMap(wo -> (idempotencyKey == null
                ? Uni.createFrom().<GenerationTask>nullItem()
                : GenerationTask.<GenerationTask>find("workorderId = ?1 and kind = ?2 and idempotencyKey = ?3", wo.id,
                    kind, idempotencyKey).firstResult())
            .flatMap(existing -> existing != null ? Uni.createFrom().item(existing)
                : issue(wo, kind, body, idempotencyKey, user))));
    }

    private Uni<GenerationTask> issue(WorkOrder wo, String kind, GenerateRequest body, String idempotencyKey,
                                      String user) {
        long started = System.nanoTime();
        boolean serials = SERIAL.equals(kind);
        boolean force = Boolean.TRUE.equals(body.forceRegenerate());
        boolean override = Boolean.TRUE.equals(body.overrideConfig());
        String status = serials ? wo.serialGenerationStatus : wo.ssccGenerationStatus;
        long held = force ? 0 : (serials ? wo.generatedSerials : wo.generatedSscc);
        long requested = serials ? wo.totalRequestedSerials : wo.totalRequestedSscc;
        // a completed work order is generated again only when forced; issuing extra needs an explicit override
        if ("completed".equals(status) && !force && !(override && body.quantity() != null)) {
            throw new ApiException.Conflict("ALREADY_GENERATED", "The work order's " + label(kind) + " are "
                + "generated; send force_regenerate to void them and issue new ones");
        }
        long quantity = body.quantity() != null ? body.quantity() : requested - held;
        if (body.quantity() == null && quantity <= 0) {
            throw new ApiException.Conflict("NOTHING_REQUESTED", "The work order requests no more " + label(kind)
                + "; send a quantity");
        }
        if (body.quantity() != null && held + quantity > requested && !override) {
            throw new ApiException.Validation(Map.of("quantity", List.of("The work order asks for " + requested + " "
                + label(kind) + " (" + held + " held); set override_config to issue more")));
        }
        return replica.current().flatMap(config -> {
            if (config == null) {
                throw new ApiException.Conflict("CONFIG_NOT_AVAILABLE", "No configuration has reached "
                    + "generation-service yet");
            }
            Uni<SerialPool> pool = serials ? pools.serialPool(wo.gtin, config.config().serialFormat())
                : ssccPool(wo, config);
            return pool.flatMap(locked -> (force ? voidHeld(wo, locked.kind) : Uni.createFrom().item(0))
                .flatMap(voided -> allocate(wo, locked, kind, quantity, force, idempotencyKey, user, config, started)));
        });
    }

    private Uni<SerialPool> ssccPool(WorkOrder wo, ConfigActivated config) {
        List<CompanyPrefix> prefixes = config.config().gs1CompanyPrefixes();
        if (prefixes == null || prefixes.isEmpty()) {
            throw new ApiException.Conflict("NO_COMPANY_PREFIX", "Configure a GS1 company prefix to issue SSCCs");
        }
        // the prefix the work order's own GTIN is under, else the first one configured
        CompanyPrefix chosen = prefixes.stream().filter(p -> wo.gtin.startsWith(p.prefix(), 1)).findFirst()
            .orElse(prefixes.get(0));
        return pools.ssccPool(new org.serialgen.gs1.CompanyPrefix(chosen.prefix()), chosen.ssccExtensionDigit());
    }

    /** Voided numbers stay taken: the pool's high-water mark never moves back, so they are never issued again. */
    private static Uni<Integer> voidHeld(WorkOrder wo, String kind) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "UPDATE serial_allocation SET status = 'void', voided_at = now() WHERE workorder_id = :wo"
                    + " AND status = 'active' AND pool_id IN (SELECT id FROM serial_pool WHERE kind = :kind)")
            .setParameter("wo", wo.id).setParameter("kind", kind).executeUpdate());
    }

    private Uni<GenerationTask> allocate(WorkOrder wo, SerialPool pool, String kind, long quantity, boolean force,
                                         String idempotencyKey, String user, ConfigActivated config, long started) {
        if (quantity > pool.remaining()) {
            throw new ApiException.Conflict("POOL_EXHAUSTED", "The pool of " + describe(pool) + " has " + pool.remaining()
                + " of " + pool.capacity + " left; " + quantity + " were asked for"
                + ("randomised".equals(pool.mode) ? " (EU FMD: at most 1 in 10 000 of the format's serials may be "
                + "issued, so guessing one stays unlikely)" : ""));
        }
        Instant now = Instant.now();
        GenerationTask task = new GenerationTask();
        task.id = UUID.randomUUID();
        task.workorderId = wo.id;
        task.kind = kind;
        task.status = "completed";
        task.requested = quantity;
        task.generated = quantity;
        task.forceRegenerate = force;
        task.idempotencyKey = idempotencyKey;
        task.createdBy = user;
        task.createdAt = now;
        task.completedAt = now;

        long from = pool.issued;
        pool.issued = from + quantity;
        // completed once the work order holds what it asks for; partly issued until then
        if (SERIAL.equals(kind)) {
            wo.generatedSerials = (force ? 0 : wo.generatedSerials) + quantity;
            wo.serialGenerationStatus = wo.generatedSerials >= wo.totalRequestedSerials ? "completed" : "in_progress";
            wo.lastSerialGenerationAt = now;
        } else {
            wo.generatedSscc = (force ? 0 : wo.generatedSscc) + quantity;
            wo.ssccGenerationStatus = wo.generatedSscc >= wo.totalRequestedSscc ? "completed" : "in_progress";
            wo.lastSsccGenerationAt = now;
        }
        wo.updatedAt = now;
        int elapsedMs = (int) ((System.nanoTime() - started) / 1_000_000);

        // flushed at once: the allocation row below refers to the task
        return task.persistAndFlush()
            .flatMap(saved -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                    "INSERT INTO serial_allocation (pool_id, counters, workorder_id, task_id, status, key_id, created_at)"
                        + " VALUES (:pool, int8range(:from, :to), :wo, :task, 'active', :key, :at)")
                .setParameter("pool", pool.id)
                .setParameter("from", from)
                .setParameter("to", from + quantity)
                .setParameter("wo", wo.id)
                .setParameter("task", task.id)
                .setParameter("key", pool.keyId)
                .setParameter("at", now)
                .executeUpdate()))
            .flatMap(ignored -> history(wo, task, "started", null, now).persist())
            .flatMap(ignored -> history(wo, task, "completed", elapsedMs, now).persist())
            .flatMap(ignored -> publish(wo, task, EventTypes.TASK_STARTED, "in_progress", 0))
            .flatMap(ignored -> publish(wo, task, EventTypes.TASK_COMPLETED, "completed", quantity))
            .flatMap(ignored -> warnIfNearlyExhausted(pool, config))
            .invoke(() -> registry.counter("serialgen.issued", "kind", kind).increment(quantity))
            .replaceWith(task);
    }

    private static HistoryEntry history(WorkOrder wo, GenerationTask task, String status, Integer elapsedMs,
                                        Instant at) {
        HistoryEntry entry = new HistoryEntry();
        entry.workorderId = wo.id;
        entry.actionType = SERIAL.equals(task.kind) ? "serial_generation" : "sscc_generation";
        entry.actionStatus = status;
        entry.requestedQuantity = task.requested;
        entry.generatedQuantity = "completed".equals(status) ? task.generated : null;
        entry.executionTimeMs = elapsedMs;
        entry.taskId = task.id;
        entry.createdAt = at;
        entry.createdBy = task.createdBy;
        return entry;
    }

    private Uni<Void> publish(WorkOrder wo, GenerationTask task, String type, String status, long generated) {
        return outbox.publish(Topics.GENERATION, wo.woId, type, new GenerationTaskEvent(task.id, wo.woId, task.kind,
            status, task.requested, generated, null, task.createdBy, task.createdAt)).replaceWithVoid();
    }

    private Uni<Void> warnIfNearlyExhausted(SerialPool pool, ConfigActivated config) {
        BigDecimal threshold = config.config().poolExhaustionWarningPercent();
        BigDecimal usage = BigDecimal.valueOf(pool.issued).multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(pool.capacity), 4, RoundingMode.HALF_UP);
        if (pool.warnedAt != null || threshold == null || usage.compareTo(threshold) < 0) {
            return Uni.createFrom().voidItem();
        }
        pool.warnedAt = Instant.now();
        LOG.warnf("pool %s has issued %s%% of its capacity (warning at %s%%)", describe(pool), usage, threshold);
        registry.counter("serialgen.pool.exhaustion_warnings", "kind", pool.kind).increment();
        return outbox.publish(Topics.GENERATION, "pool-" + pool.id, EventTypes.POOL_EXHAUSTION_WARNING,
            new PoolExhaustionWarning(pool.id, pool.kind, pool.gtin, pool.companyPrefix, pool.capacity, pool.issued,
                usage)).replaceWithVoid();
    }

    static String describe(SerialPool pool) {
        return SerialPool.SERIAL.equals(pool.kind) ? "GTIN " + pool.gtin
            : "company prefix " + pool.companyPrefix + " (extension " + pool.extensionDigit + ")";
    }

    static String label(String kind) {
        return SERIAL.equals(kind) ? "serials" : "SSCCs";
    }
}
