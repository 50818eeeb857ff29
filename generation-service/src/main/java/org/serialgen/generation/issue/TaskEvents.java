package org.serialgen.generation.issue;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.EventTypes;
import org.serialgen.events.GenerationTaskEvent;
import org.serialgen.events.PoolExhaustionWarning;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderGeneration;
import org.serialgen.generation.pool.SerialPool;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.kit.audit.AuditTrail;
import org.serialgen.kit.audit.AuditTrail.Actor;
import org.serialgen.kit.outbox.Outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * What issuing announces on {@link Topics#GENERATION} (through the outbox, in the issue's transaction) and counts in
 * the metrics: each step of a task, and a pool that passed the configured exhaustion warning.
 */
@ApplicationScoped
class TaskEvents {

    private static final Logger LOG = Logger.getLogger(TaskEvents.class);

    private final Outbox outbox;
    private final MeterRegistry registry;
    private final AuditTrail audit;

    TaskEvents(Outbox outbox, MeterRegistry registry, AuditTrail audit) {
        this.outbox = outbox;
        this.registry = registry;
        this.audit = audit;
    }

    Uni<Void> started(String woId, GenerationTask task) {
        return publish(woId, task, EventTypes.TASK_STARTED, TaskStatus.IN_PROGRESS, 0, null);
    }

    /** A task still waiting for its numbers moved on (e.g. from a failed source to the next). */
    Uni<Void> progressed(String woId, GenerationTask task, String message) {
        return publish(woId, task, EventTypes.TASK_PROGRESS, TaskStatus.IN_PROGRESS, 0, message);
    }

    Uni<Void> completed(String woId, GenerationTask task) {
        registry.counter("serialgen.issued", "kind", task.kind.code(), "source",
            GenerationTask.BUILTIN.equals(task.source) ? GenerationTask.BUILTIN : "external").increment(task.generated);
        return publish(woId, task, EventTypes.TASK_COMPLETED, TaskStatus.COMPLETED, task.generated, null);
    }

    Uni<Void> failed(String woId, GenerationTask task) {
        registry.counter("serialgen.tasks.failed", "kind", task.kind.code()).increment();
        return publish(woId, task, EventTypes.TASK_FAILED, TaskStatus.FAILED, 0, task.errorMessage);
    }

    /** The work order's generation state once a task of it ended: erp-sync-service confirms the ERP's to the ERP. */
    Uni<Void> workOrderChanged(WorkOrder wo, Instant at) {
        return outbox.publish(Topics.GENERATION, wo.woId, EventTypes.WORKORDER_GENERATION, new WorkOrderGeneration(
            wo.woId, wo.origin.code(), wo.serials.status.code(), wo.sscc.status.code(), wo.serials.generated,
            wo.sscc.generated, at)).replaceWithVoid();
    }

    /** Once per pool: it has issued the configured share of its capacity. */
    Uni<Void> warnIfNearlyExhausted(SerialPool pool, ConfigActivated config) {
        BigDecimal threshold = config.config().poolExhaustionWarningPercent();
        BigDecimal usage = pool.usagePercent();
        if (pool.warnedAt != null || threshold == null || usage.compareTo(threshold) < 0) {
            return Uni.createFrom().voidItem();
        }
        pool.warnedAt = Instant.now();
        LOG.warnf("pool %s has issued %s%% of its capacity (warning at %s%%)", pool.describe(), usage, threshold);
        registry.counter("serialgen.pool.exhaustion_warnings", "kind", pool.kind.code()).increment();
        PoolExhaustionWarning warning = new PoolExhaustionWarning(pool.id, pool.kind.code(), pool.gtin,
            pool.companyPrefix, pool.capacity, pool.issued, usage);
        // The suite's own finding, not the caller's act: the trail names the system, as for a scheduled job.
        return outbox.publish(Topics.GENERATION, "pool-" + pool.id, EventTypes.POOL_EXHAUSTION_WARNING, warning)
            .replaceWithVoid()
            .call(() -> audit.recordAs(new Actor(Actor.SYSTEM, java.util.List.of(), null), AuditTrail.Outcome.SUCCESS,
                new AuditTrail.Change("pool.exhaustion_warning", "pool", String.valueOf(pool.id),
                    java.util.Map.of("after", warning, "threshold_percent", threshold))));
    }

    private Uni<Void> publish(String woId, GenerationTask task, String type, TaskStatus status, long generated,
                              String error) {
        return outbox.publish(Topics.GENERATION, woId, type, new GenerationTaskEvent(task.id, woId, task.kind.code(),
            status.code(), task.requested, generated, error, task.createdBy, task.createdAt)).replaceWithVoid();
    }
}
