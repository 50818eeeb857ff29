package org.serialgen.generation.task;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
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
import org.serialgen.generation.source.ExternalSources;
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
    static final String STARTED = "started";
    static final String IN_PROGRESS = "in_progress";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";
    /** Tasks still waiting for their numbers. */
    static final List<String> OPEN = List.of("initiated", IN_PROGRESS);
    /** The source name of numbers the service issued itself. */
    static final String BUILTIN = "builtin";
    /** Values an external source answers in one request at most: they are held in memory until stored. */
    static final long MAX_EXTERNAL_QUANTITY = 1_000_000;

    @Inject
    Pools pools;

    @Inject
    ConfigReplica replica;

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry registry;

    @Inject
    ExternalIssue externalIssue;

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
                : issue(wo, kind, body, idempotencyKey, user))))
            // after the commit: the external sources are called outside any transaction
            .invoke(task -> {
                if (task.fresh && IN_PROGRESS.equals(task.status)) {
                    externalIssue.start(task.id);
                }
            });
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
            if (!ExternalSources.enabled(config.config(), serials).isEmpty()) {
                return beginExternal(wo, kind, quantity, force, idempotencyKey, user);
            }
            if (serials && !Boolean.TRUE.equals(config.config().builtinSerialGenerator())) {
                throw new ApiException.Conflict("NO_SERIAL_SOURCE", "No serial source is enabled and the built-in "
                    + "generator is switched off in the configuration");
            }
            GenerationTask task = newTask(wo, kind, quantity, force, idempotencyKey, user, COMPLETED);
            return pool(wo, kind, config).flatMap(locked -> (force ? voidHeld(wo, kind) : Uni.createFrom().item(0))
                .flatMap(voided -> task.persistAndFlush())
                .flatMap(saved -> allocate(wo, locked, task))
                .flatMap(ignored -> history(wo, task, STARTED, null, task.createdAt).persist())
                .flatMap(ignored -> publish(wo.woId, task, EventTypes.TASK_STARTED, IN_PROGRESS, 0, null))
                .flatMap(ignored -> complete(wo, locked, task, BUILTIN, started, null, config)));
        });
    }

    /**
     * External sources are enabled: the task is recorded as in progress and the sources are called once this
     * transaction has committed (by {@link ExternalIssue}); the work order accepts no other task of the kind meanwhile.
     */
    private Uni<GenerationTask> beginExternal(WorkOrder wo, String kind, long quantity, boolean force,
                                              String idempotencyKey, String user) {
        if (quantity > MAX_EXTERNAL_QUANTITY) {
            throw ApiException.Validation.of("quantity", "External sources deliver at most " + MAX_EXTERNAL_QUANTITY
                + " per request");
        }
        return GenerationTask.count("workorderId = ?1 and kind = ?2 and status in ?3", wo.id, kind, OPEN)
            .flatMap(open -> {
                if (open > 0) {
                    throw new ApiException.Conflict("GENERATION_IN_PROGRESS", "The work order's " + label(kind)
                        + " are being fetched from an external source; wait for that task to end");
                }
                GenerationTask task = newTask(wo, kind, quantity, force, idempotencyKey, user, IN_PROGRESS);
                task.fresh = true;
                if (SERIAL.equals(kind)) {
                    wo.serialGenerationStatus = IN_PROGRESS;
                } else {
                    wo.ssccGenerationStatus = IN_PROGRESS;
                }
                wo.updatedAt = task.createdAt;
                return task.persistAndFlush()
                    .flatMap(saved -> history(wo, task, STARTED, null, task.createdAt).persist())
                    .flatMap(ignored -> publish(wo.woId, task, EventTypes.TASK_STARTED, IN_PROGRESS, 0, null))
                    .replaceWith(task);
            });
    }

    private static GenerationTask newTask(WorkOrder wo, String kind, long quantity, boolean force,
                                          String idempotencyKey, String user, String status) {
        GenerationTask task = new GenerationTask();
        task.id = UUID.randomUUID();
        task.workorderId = wo.id;
        task.kind = kind;
        task.status = status;
        task.requested = quantity;
        task.forceRegenerate = force;
        task.idempotencyKey = idempotencyKey;
        task.createdBy = user;
        task.createdAt = Instant.now();
        return task;
    }

    /** The pool a work order's serials (its GTIN's) or SSCCs (its company prefix's) come from, locked. */
    Uni<SerialPool> pool(WorkOrder wo, String kind, ConfigActivated config) {
        return SERIAL.equals(kind) ? pools.serialPool(wo.gtin, config.config().serialFormat()) : ssccPool(wo, config);
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

    /**
     * Voided numbers stay taken: the pool's high-water mark never moves back and external values keep their unique
     * key, so they are never issued again.
     */
    static Uni<Integer> voidHeld(WorkOrder wo, String kind) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "UPDATE serial_allocation SET status = 'void', voided_at = now() WHERE workorder_id = :wo"
                    + " AND status = 'active' AND pool_id IN (SELECT id FROM serial_pool WHERE kind = :kind)")
            .setParameter("wo", wo.id).setParameter("kind", kind).executeUpdate()
            .flatMap(allocations -> session.createNativeQuery("UPDATE external_serial SET status = 'void'"
                    + " WHERE workorder_id = :wo AND status = 'active' AND pool_id IN (SELECT id FROM serial_pool"
                    + " WHERE kind = :kind)")
                .setParameter("wo", wo.id).setParameter("kind", kind).executeUpdate()
                .map(external -> allocations + external)));
    }

    /**
     * Takes the task's quantity of counters from the pool: from the high-water mark up, skipping counters whose
     * serials an external source delivered (usually none), as one allocation row per unbroken run.
     */
    Uni<Void> allocate(WorkOrder wo, SerialPool pool, GenerationTask task) {
        long quantity = task.requested;
        return skipped(pool, pool.issued, quantity).flatMap(ranges -> {
            long end = ranges.get(ranges.size() - 1)[1];
            if (end > pool.capacity) {
                throw new ApiException.Conflict("POOL_EXHAUSTED", "The pool of " + describe(pool) + " has "
                    + pool.remaining() + " of " + pool.capacity + " left; " + quantity + " were asked for"
                    + ("randomised".equals(pool.mode) ? " (EU FMD: at most 1 in 10 000 of the format's serials may "
                    + "be issued, so guessing one stays unlikely)" : ""));
            }
            pool.issued = end;
            Uni<Integer> inserts = Uni.createFrom().item(0);
            for (long[] range : ranges) {
                inserts = inserts.flatMap(ignored -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "INSERT INTO serial_allocation (pool_id, counters, workorder_id, task_id, status, key_id,"
                            + " created_at) VALUES (:pool, int8range(:from, :to), :wo, :task, 'active', :key, :at)")
                    .setParameter("pool", pool.id)
                    .setParameter("from", range[0])
                    .setParameter("to", range[1])
                    .setParameter("wo", wo.id)
                    .setParameter("task", task.id)
                    .setParameter("key", pool.keyId)
                    .setParameter("at", task.createdAt)
                    .executeUpdate()));
            }
            return inserts.replaceWithVoid();
        });
    }

    /**
     * The runs of counters from {@code from} that hold {@code quantity} counters once the ones reserved by external
     * values are left out. Reserved counters are read run by run (gaps and islands), a window at a time.
     */
    private static Uni<List<long[]>> skipped(SerialPool pool, long from, long quantity) {
        if (from >= pool.reservedBelow) {
            // the usual case: no external value holds a counter from here on
            List<long[]> whole = new ArrayList<>();
            whole.add(new long[] {from, from + quantity});
            return Uni.createFrom().item(whole);
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                SELECT min(counter), max(counter) + 1 FROM (
                    SELECT counter, counter - row_number() OVER (ORDER BY counter) AS island
                    FROM external_serial WHERE pool_id = :pool AND counter >= :from AND counter < :to) runs
                GROUP BY island ORDER BY 1""", Object[].class)
            .setParameter("pool", pool.id).setParameter("from", from).setParameter("to", from + quantity)
            .getResultList())
            .flatMap(reserved -> {
                List<long[]> ranges = new ArrayList<>();
                long at = from;
                long left = quantity;
                for (Object[] run : reserved) {
                    long start = ((Number) run[0]).longValue();
                    long end = ((Number) run[1]).longValue();
                    if (start > at) {
                        ranges.add(new long[] {at, start});
                        left -= start - at;
                    }
                    at = end;
                }
                long window = from + quantity;
                if (at < window) {
                    ranges.add(new long[] {at, window});
                    left -= window - at;
                }
                if (left == 0) {
                    return Uni.createFrom().item(ranges);
                }
                // as many counters as were reserved inside the window are still owed, from its end on
                return skipped(pool, window, left).map(rest -> {
                    if (!ranges.isEmpty() && !rest.isEmpty() && ranges.get(ranges.size() - 1)[1] == rest.get(0)[0]) {
                        ranges.get(ranges.size() - 1)[1] = rest.get(0)[1];
                        ranges.addAll(rest.subList(1, rest.size()));
                    } else {
                        ranges.addAll(rest);
                    }
                    return ranges;
                });
            });
    }

    /**
     * The task has its numbers: it completes, the work order counts them (from zero when forced) and is completed once
     * it holds what it asks for, and the history and the task event say where they came from.
     */
    Uni<GenerationTask> complete(WorkOrder wo, SerialPool pool, GenerationTask task, String source, long started,
                                 String errorDetails, ConfigActivated config) {
        Instant now = Instant.now();
        long quantity = task.requested;
        task.status = COMPLETED;
        task.generated = quantity;
        task.source = source;
        task.completedAt = now;
        boolean force = task.forceRegenerate;
        if (SERIAL.equals(task.kind)) {
            wo.generatedSerials = (force ? 0 : wo.generatedSerials) + quantity;
            wo.serialGenerationStatus = wo.generatedSerials >= wo.totalRequestedSerials ? COMPLETED : IN_PROGRESS;
            wo.lastSerialGenerationAt = now;
        } else {
            wo.generatedSscc = (force ? 0 : wo.generatedSscc) + quantity;
            wo.ssccGenerationStatus = wo.generatedSscc >= wo.totalRequestedSscc ? COMPLETED : IN_PROGRESS;
            wo.lastSsccGenerationAt = now;
        }
        wo.updatedAt = now;
        HistoryEntry done = history(wo, task, COMPLETED, (int) ((System.nanoTime() - started) / 1_000_000), now);
        done.errorDetails = errorDetails;
        return done.persist()
            .flatMap(ignored -> publish(wo.woId, task, EventTypes.TASK_COMPLETED, COMPLETED, quantity, null))
            .flatMap(ignored -> warnIfNearlyExhausted(pool, config))
            .invoke(() -> registry.counter("serialgen.issued", "kind", task.kind, "source",
                BUILTIN.equals(source) ? BUILTIN : "external").increment(quantity))
            .replaceWith(task);
    }

    /** No source delivered: the task and the work order's status fail, and the history says why, source by source. */
    Uni<GenerationTask> fail(WorkOrder wo, GenerationTask task, String message, String errorDetails, long started) {
        Instant now = Instant.now();
        task.status = FAILED;
        task.errorMessage = message;
        task.completedAt = now;
        if (SERIAL.equals(task.kind)) {
            wo.serialGenerationStatus = FAILED;
        } else {
            wo.ssccGenerationStatus = FAILED;
        }
        wo.errorMessage = message;
        wo.updatedAt = now;
        HistoryEntry failed = history(wo, task, FAILED, (int) ((System.nanoTime() - started) / 1_000_000), now);
        failed.errorDetails = errorDetails;
        return failed.persist()
            .flatMap(ignored -> publish(wo.woId, task, EventTypes.TASK_FAILED, FAILED, 0, message))
            .invoke(() -> registry.counter("serialgen.tasks.failed", "kind", task.kind).increment())
            .replaceWith(task);
    }

    private static HistoryEntry history(WorkOrder wo, GenerationTask task, String status, Integer elapsedMs,
                                        Instant at) {
        HistoryEntry entry = new HistoryEntry();
        entry.workorderId = wo.id;
        entry.actionType = SERIAL.equals(task.kind) ? "serial_generation" : "sscc_generation";
        entry.actionStatus = status;
        entry.requestedQuantity = task.requested;
        entry.generatedQuantity = COMPLETED.equals(status) ? task.generated : null;
        entry.executionTimeMs = elapsedMs;
        entry.taskId = task.id;
        entry.createdAt = at;
        entry.createdBy = task.createdBy;
        return entry;
    }

    /** A task still waiting for its numbers moved on (e.g. from a failed source to the next): said as an event. */
    Uni<Void> progress(String woId, GenerationTask task, String message) {
        return publish(woId, task, EventTypes.TASK_PROGRESS, IN_PROGRESS, 0, message);
    }

    private Uni<Void> publish(String woId, GenerationTask task, String type, String status, long generated,
                              String error) {
        return outbox.publish(Topics.GENERATION, woId, type, new GenerationTaskEvent(task.id, woId, task.kind,
            status, task.requested, generated, error, task.createdBy, task.createdAt)).replaceWithVoid();
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
