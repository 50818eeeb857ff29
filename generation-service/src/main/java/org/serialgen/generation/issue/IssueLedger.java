package org.serialgen.generation.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.events.ConfigActivated;
import org.serialgen.generation.packing.PackingLog;
import org.serialgen.generation.pool.AllocationRepository;
import org.serialgen.generation.pool.Kind;
import org.serialgen.generation.pool.Pools;
import org.serialgen.generation.pool.SerialPool;
import org.serialgen.generation.source.ExternalSerialRepository;
import org.serialgen.generation.source.ReceivedSerials;
import org.serialgen.generation.source.SourceRejected;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.generation.workorder.WorkOrders;
import org.serialgen.kit.configreplica.ConfigReplica;
import org.serialgen.kit.errors.Refused;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Records issues, each in the caller's one transaction: the pool's high-water mark and the allocation (or the
 * external values), the task, the work order's counts, the history and the task events — so a crash leaves either
 * all of it or none, never numbers issued without a record of them. The built-in path and the external path
 * (which first waits for a source, {@link ExternalTasks}) both record here.
 */
@ApplicationScoped
class IssueLedger {

    /** The task and its work order, both locked. */
    record OpenTask(WorkOrder workOrder, GenerationTask task) {
    }

    /** The task ended elsewhere (another replica, or a repeat of this one): nothing more to do here. */
    static final class TaskClosed extends RuntimeException {
        TaskClosed() {
            super("task no longer open", null, false, false);
        }
    }

    private final Pools pools;
    private final AllocationRepository allocations;
    private final ExternalSerialRepository externalSerials;
    private final TaskRepository tasks;
    private final WorkOrders workOrders;
    private final ConfigReplica replica;
    private final TaskEvents events;
    private final PackingLog packingLog;

    IssueLedger(Pools pools, AllocationRepository allocations, ExternalSerialRepository externalSerials,
                TaskRepository tasks, WorkOrders workOrders, ConfigReplica replica, TaskEvents events,
                PackingLog packingLog) {
        this.packingLog = packingLog;
        this.pools = pools;
        this.allocations = allocations;
        this.externalSerials = externalSerials;
        this.tasks = tasks;
        this.workOrders = workOrders;
        this.replica = replica;
        this.events = events;
    }

    /** A new task issued whole from the built-in pool; the work order is locked by the caller. */
    Uni<GenerationTask> issue(WorkOrder wo, IssueRequest request, long quantity, ConfigActivated config) {
        long started = System.nanoTime();
        GenerationTask task = GenerationTask.open(wo.id, request, quantity, TaskStatus.INITIATED);
        return pools.locked(task.kind, wo.gtin, config.config())
            .call(pool -> voidHeldIfForced(wo, task))
            .call(pool -> tasks.persistAndFlush(task))
            .call(pool -> pools.allocate(pool, wo.id, task.id, quantity, task.createdAt))
            .call(pool -> begin(wo, task))
            .flatMap(pool -> complete(wo, List.of(pool), task, GenerationTask.BUILTIN, started, null, config));
    }

    /**
     * A new task of bundle serials issued whole from the bundle GTINs' built-in pools, locked in GTIN order (as every
     * bundle issue locks them, so two never wait on each other crosswise); the work order is locked by the caller.
     */
    Uni<GenerationTask> issueBundles(WorkOrder wo, IssueRequest request, BundlePlan plan, ConfigActivated config) {
        long started = System.nanoTime();
        GenerationTask task = GenerationTask.open(wo.id, request, plan.total(), TaskStatus.INITIATED);
        Uni<List<SerialPool>> locked = Uni.createFrom().item(new ArrayList<>());
        for (String gtin : plan.perGtin().keySet()) {
            locked = locked.flatMap(held -> pools.locked(Kind.BUNDLE, gtin, config.config()).map(pool -> {
                held.add(pool);
                return held;
            }));
        }
        return locked
            .call(held -> voidHeldIfForced(wo, task))
            .call(held -> tasks.persistAndFlush(task))
            .call(held -> Multi.createFrom().iterable(held).onItem().transformToUniAndConcatenate(pool ->
                pools.allocate(pool, wo.id, task.id, plan.perGtin().get(pool.gtin.strip()), task.createdAt))
                .collect().last())
            .call(held -> begin(wo, task))
            .flatMap(held -> complete(wo, held, task, GenerationTask.BUILTIN, started, null, config));
    }

    /**
     * A new task that waits for the external sources, recorded in progress; they are called once the caller's
     * transaction has committed. The work order accepts no other task of the kind meanwhile.
     */
    Uni<GenerationTask> await(WorkOrder wo, IssueRequest request, long quantity) {
        return tasks.countOpen(wo.id, request.kind()).flatMap(open -> {
            if (open > 0) {
                throw new Refused("GENERATION_IN_PROGRESS", "The work order's " + request.kind().plural()
                    + " are being fetched from an external source; wait for that task to end");
            }
            GenerationTask task = GenerationTask.open(wo.id, request, quantity, TaskStatus.IN_PROGRESS);
            task.fresh = true;
            wo.awaitNumbers(task.kind, task.createdAt);
            return tasks.persistAndFlush(task).call(saved -> begin(wo, task));
        });
    }

    /** An external source delivered for an open task: its values are stored and the task completes. */
    Uni<GenerationTask> deliver(UUID taskId, long plannedPool, ReceivedSerials received, String errorDetails,
                                long started) {
        return lockOpen(taskId).flatMap(open -> replica.current().flatMap(config -> pools.locked(open.task().kind,
                open.workOrder().gtin, config.config())
            .invoke(pool -> reserve(pool, plannedPool, received))
            .call(pool -> voidHeldIfForced(open.workOrder(), open.task()))
            .call(pool -> externalSerials.store(pool.id, open.workOrder().id, taskId, received))
            .flatMap(pool -> complete(open.workOrder(), List.of(pool), open.task(), received.source(), started,
                errorDetails, config))));
    }

    /** No external source delivered for an open task: the built-in pool issues its numbers. */
    Uni<GenerationTask> issueInstead(UUID taskId, String errorDetails, long started) {
        return lockOpen(taskId).flatMap(open -> replica.current().flatMap(config -> pools.locked(open.task().kind,
                open.workOrder().gtin, config.config())
            .call(pool -> voidHeldIfForced(open.workOrder(), open.task()))
            .call(pool -> pools.allocate(pool, open.workOrder().id, taskId, open.task().requested, Instant.now()))
            .flatMap(pool -> complete(open.workOrder(), List.of(pool), open.task(), GenerationTask.BUILTIN, started,
                errorDetails, config))));
    }

    /** An open task fails for good: its status, the work order's, the history (with each source's reason), events. */
    Uni<GenerationTask> fail(UUID taskId, String message, String errorDetails, long started) {
        return lockOpen(taskId).flatMap(open -> {
            Instant now = Instant.now();
            GenerationTask task = open.task();
            task.fail(message, now);
            open.workOrder().fail(task.kind, message, now);
            return HistoryEntry.of(task, HistoryAction.Status.FAILED, elapsedMs(started), errorDetails, now).persist()
                .call(() -> events.failed(open.workOrder().woId, task))
                .call(() -> events.workOrderChanged(open.workOrder(), now))
                .replaceWith(task);
        });
    }

    /** A task event saying where an open task stands. */
    Uni<Void> progress(UUID taskId, String woId, String message) {
        return tasks.findById(taskId).flatMap(task -> task == null || !task.status.open() ? Uni.createFrom().voidItem()
            : events.progressed(woId, task, message));
    }

    /**
     * The task and its work order, locked in that order (as every writer of work orders locks them), if the task is
     * still open; else {@link TaskClosed}.
     */
    private Uni<OpenTask> lockOpen(UUID taskId) {
        return tasks.findById(taskId).flatMap(unlocked -> workOrders.lockedForIssue(unlocked.workorderId)
            // the copy read before the lock is let go, and the task read again under its row lock
            .call(wo -> tasks.getSession().invoke(session -> session.detach(unlocked)))
            .flatMap(wo -> tasks.locked(taskId).map(task -> {
                if (!task.status.open()) {
                    throw new TaskClosed();
                }
                return new OpenTask(wo, task);
            })));
    }

    /**
     * External values that are also serials the pool would issue keep their counters, so that the pool skips them; a
     * value the pool has already issued rejects the answer.
     */
    private static void reserve(SerialPool pool, long plannedPool, ReceivedSerials received) {
        if (pool.id != plannedPool) {
            throw new SourceRejected("the configuration changed the pool while the source answered");
        }
        for (int i = 0; i < received.size(); i++) {
            long counter = received.counters()[i];
            if (counter >= 0 && counter < pool.issued) {
                throw new SourceRejected("value " + i + " (" + received.values()[i] + ") is one the built-in pool "
                    + "has already issued");
            }
            pool.reservedBelow = Math.max(pool.reservedBelow, counter + 1);
        }
    }

    /** Voided numbers stay taken: the high-water mark never moves back and external values keep their key. */
    private Uni<Void> voidHeldIfForced(WorkOrder wo, GenerationTask task) {
        if (!task.forceRegenerate) {
            return Uni.createFrom().voidItem();
        }
        Kind kind = task.kind;
        return packingLog.refuseIfPacked(wo.id, kind, wo.gtin, null, null)
            .chain(() -> allocations.voidActive(wo.id, kind)).call(ignored -> externalSerials.voidActive(wo.id, kind))
            .replaceWithVoid();
    }

    private Uni<Void> begin(WorkOrder wo, GenerationTask task) {
        return HistoryEntry.of(task, HistoryAction.Status.STARTED, null, null, task.createdAt).persist()
            .call(() -> events.started(wo.woId, task)).replaceWithVoid();
    }

    /** The task has its numbers: the work order counts them (from zero when forced), history and event say so. */
    private Uni<GenerationTask> complete(WorkOrder wo, List<SerialPool> from, GenerationTask task, String source,
                                         long started, String errorDetails, ConfigActivated config) {
        Instant now = Instant.now();
        task.complete(source, now);
        wo.receive(task.kind, task.generated, task.forceRegenerate, now);
        return HistoryEntry.of(task, HistoryAction.Status.COMPLETED, elapsedMs(started), errorDetails, now).persist()
            .call(() -> events.completed(wo.woId, task))
            .call(() -> events.workOrderChanged(wo, now))
            .call(() -> Multi.createFrom().iterable(from).onItem().transformToUniAndConcatenate(pool ->
                events.warnIfNearlyExhausted(pool, config)).collect().last())
            .replaceWith(task);
    }

    private static int elapsedMs(long started) {
        return (int) ((System.nanoTime() - started) / 1_000_000);
    }
}
