package org.serialgen.generation.task;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.ConfigDocument.Source;
import org.serialgen.generation.pool.Pools;
import org.serialgen.generation.pool.SerialPool;
import org.serialgen.generation.source.ExternalSources;
import org.serialgen.generation.source.ReceivedSerials;
import org.serialgen.generation.source.SourceRejected;
import org.serialgen.generation.source.SourceRequest;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.gs1.CompanyPrefix;
import org.serialgen.kit.configreplica.ConfigReplica;
import org.serialgen.kit.context.IsolatedContext;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.permutation.SerialCodec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Fetches a task's numbers from the configured external sources, in order, and falls back to the built-in pool where
 * the configuration allows it. Sources are called outside any transaction; what one delivers is checked (count,
 * format, no repeat in the answer), then stored in one transaction with the task's completion, under the pool's lock:
 * a value the pool has issued, or one already stored, rejects the whole answer and the next source is tried. A value
 * that the pool has not issued yet but would, keeps its counter so that the pool skips it.
 *
 * <p>Tasks left open by a stop are taken up again by a periodic sweep; the task id is the request id sent to the sources, so a
 * provider can answer the repeat with the same values.
 */
@ApplicationScoped
public class ExternalIssue {

    private static final Logger LOG = Logger.getLogger(ExternalIssue.class);
    /** Values per INSERT: one text parameter each for values and counters. */
    static final int STORE_CHUNK = 50_000;

    @Inject
    GenerationService generation;

    @Inject
    ExternalSources sources;

    @Inject
    Pools pools;

    @Inject
    ConfigReplica replica;

    @Inject
    Vertx vertx;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "serialgen.generation.sources.stale-after")
    Duration staleAfter;

    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    /** What processing a task needs, read once before the sources are called. */
    record Plan(UUID taskId, String woId, String kind, long quantity, String gtin, long poolId, CompanyPrefix prefix,
                int extension, SerialCodec codec, long capacity, List<Source> sources, boolean builtinAllowed) {
    }

    /** The task ended elsewhere (another replica, or a repeat of this one): nothing more to do here. */
    static final class TaskClosed extends RuntimeException {
        TaskClosed() {
            super("task no longer open", null, false, false);
        }
    }

    /** Processes the task on a context of its own: the request that created it has ended by then. */
    public void start(UUID taskId) {
        if (!running.add(taskId)) {
            return;
        }
        Context context = IsolatedContext.create(vertx).context();
        context.runOnContext(ignored -> process(taskId, context)
            .onTermination().invoke(() -> running.remove(taskId))
            .subscribe().with(task -> { }, failure -> {
                if (!(failure instanceof TaskClosed)) {
                    LOG.errorf(failure, "generation task %s could not be processed; it resumes at the next start",
                        taskId);
                }
            }));
    }

    /**
     * Takes up open tasks that nobody here is processing and that are older than a request's processing would take:
     * left by a stop of this instance, or of another replica that will not come back.
     */
    @Scheduled(every = "${serialgen.generation.sources.resume-every}", delayed = "${serialgen.generation.sources.resume-delay}",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> resumeOpenTasks() {
        Instant before = Instant.now().minus(staleAfter);
        return Panache.withSession(() -> GenerationTask.<GenerationTask>list("status in ?1 and createdAt < ?2",
                GenerationService.OPEN, before))
            .invoke(open -> open.stream().filter(task -> !running.contains(task.id)).forEach(task -> {
                LOG.infof("resuming generation task %s", task.id);
                start(task.id);
            }))
            .onFailure().invoke(failure -> LOG.warnf("open generation tasks could not be read: %s",
                failure.getMessage()))
            .onFailure().recoverWithNull()
            .replaceWithVoid();
    }

    Uni<GenerationTask> process(UUID taskId, Context context) {
        long started = System.nanoTime();
        return plan(taskId).flatMap(plan -> plan == null ? Uni.createFrom().nullItem()
            : attempt(plan, 0, new ArrayList<>(), started, context));
    }

    /** Reads the task and its pool (creating the pool if it is the first use) in a short transaction of its own. */
    private Uni<Plan> plan(UUID taskId) {
        return Panache.withTransaction(() -> GenerationTask.<GenerationTask>findById(taskId).flatMap(task -> {
            if (task == null || !GenerationService.OPEN.contains(task.status)) {
                return Uni.createFrom().nullItem();
            }
            return WorkOrder.<WorkOrder>findById(task.workorderId).flatMap(wo -> replica.current()
                .flatMap(config -> generation.pool(wo, task.kind, config).flatMap(pool -> pools.codec(pool)
                    .map(codec -> {
                        boolean serials = GenerationService.SERIAL.equals(task.kind);
                        return new Plan(task.id, wo.woId, task.kind, task.requested, wo.gtin, pool.id,
                            serials ? null : new CompanyPrefix(pool.companyPrefix),
                            serials ? 0 : pool.extensionDigit, codec, pool.capacity,
                            ExternalSources.enabled(config.config(), serials),
                            !serials || Boolean.TRUE.equals(config.config().builtinSerialGenerator()));
                    }))));
        }));
    }

    private Uni<GenerationTask> attempt(Plan plan, int index, List<Map<String, String>> failures, long started,
                                        Context context) {
        if (index == plan.sources().size()) {
            return fallBack(plan, failures, started);
        }
        Source source = plan.sources().get(index);
        SourceRequest request = plan.prefix() == null
            ? new SourceRequest(plan.gtin(), null, null, plan.quantity(), plan.taskId().toString())
            : new SourceRequest(null, plan.prefix().value(), plan.extension(), plan.quantity(),
                plan.taskId().toString());
        return sources.fetch(source, request)
            .onFailure().transform(failure -> new SourceRejected(describe(failure)))
            // checking a million values (and deciphering each) is no work for the event loop
            .emitOn(Infrastructure.getDefaultWorkerPool())
            .map(response -> ReceivedSerials.check(source.name(), response, plan.quantity(), plan.prefix(),
                plan.extension(), plan.codec(), plan.capacity()))
            .emitOn(command -> context.runOnContext(ignored -> command.run()))
            .flatMap(received -> store(plan, received, failures, started))
            .onFailure(SourceRejected.class).recoverWithUni(failure -> {
                LOG.warnf("external source %s failed for task %s: %s", source.name(), plan.taskId(),
                    failure.getMessage());
                failures.add(Map.of("source", source.name(), "error", failure.getMessage()));
                String next = index + 1 < plan.sources().size() ? "source " + plan.sources().get(index + 1).name()
                    : plan.builtinAllowed() ? "the built-in pool" : null;
                // the live view hears of each step; a task with nowhere left to go fails with its own event
                Uni<Void> told = next == null ? Uni.createFrom().voidItem()
                    : progress(plan, "source " + source.name() + " failed (" + failure.getMessage() + "); asking "
                        + next);
                return told.flatMap(ignored -> attempt(plan, index + 1, failures, started, context));
            });
    }

    /** A task event saying where the task stands, in a transaction of its own (the outbox's). */
    private Uni<Void> progress(Plan plan, String message) {
        return Panache.withTransaction(() -> GenerationTask.<GenerationTask>findById(plan.taskId())
            .flatMap(task -> task == null || !GenerationService.OPEN.contains(task.status)
                ? Uni.createFrom().voidItem() : generation.progress(plan.woId(), task, message)));
    }

    /** The task and its work order, locked in that order (as every writer of work orders does), if still open. */
    private static Uni<Object[]> lockOpen(UUID taskId) {
        return GenerationTask.<GenerationTask>findById(taskId).flatMap(unlocked -> WorkOrder.byIdOrWoId(
                Integer.toString(unlocked.workorderId), LockModeType.PESSIMISTIC_WRITE)
            // the copy read before the lock is let go, and the task read again under its row lock
            .flatMap(wo -> Panache.getSession().invoke(session -> session.detach(unlocked))
                .flatMap(session -> GenerationTask.<GenerationTask>findById(taskId, LockModeType.PESSIMISTIC_WRITE))
                .map(task -> {
                    if (!GenerationService.OPEN.contains(task.status)) {
                        throw new TaskClosed();
                    }
                    return new Object[] {wo, task};
                })));
    }

    private Uni<GenerationTask> store(Plan plan, ReceivedSerials received, List<Map<String, String>> failures,
                                      long started) {
        return Panache.withTransaction(() -> lockOpen(plan.taskId()).flatMap(locked -> {
            WorkOrder wo = (WorkOrder) locked[0];
            GenerationTask task = (GenerationTask) locked[1];
            return replica.current().flatMap(config -> generation.pool(wo, task.kind, config).flatMap(pool -> {
                if (pool.id != plan.poolId()) {
                    throw new SourceRejected("the configuration changed the pool while the source answered");
                }
                for (int i = 0; i < received.size(); i++) {
                    long counter = received.counters()[i];
                    if (counter >= 0 && counter < pool.issued) {
                        throw new SourceRejected("value " + i + " (" + received.values()[i] + ") is one the "
                            + "built-in pool has already issued");
                    }
                    pool.reservedBelow = Math.max(pool.reservedBelow, counter + 1);
                }
                return (task.forceRegenerate ? GenerationService.voidHeld(wo, task.kind) : Uni.createFrom().item(0))
                    .flatMap(voided -> insert(pool, wo, task, received, 0))
                    .flatMap(ignored -> generation.complete(wo, pool, task, received.source(), started,
                        details(failures), config));
            }));
        }));
    }

    /** Chunk by chunk; a value already stored (or a counter already reserved) rejects the answer and rolls back. */
    private static Uni<Void> insert(SerialPool pool, WorkOrder wo, GenerationTask task, ReceivedSerials received,
                                    int from) {
        if (from >= received.size()) {
            return Uni.createFrom().voidItem();
        }
        int to = Math.min(received.size(), from + STORE_CHUNK);
        StringBuilder values = new StringBuilder((to - from) * 21);
        StringBuilder counters = new StringBuilder((to - from) * 8);
        for (int i = from; i < to; i++) {
            if (i > from) {
                values.append('\n');
                counters.append(',');
            }
            values.append(received.values()[i]);
            if (received.counters()[i] >= 0) {
                counters.append(received.counters()[i]);
            }
        }
        // set 82 has no line break, so the values travel as one text parameter: one statement per chunk
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                INSERT INTO external_serial (pool_id, value, counter, workorder_id, task_id, source, status, received_at)
                SELECT :pool, v, CAST(NULLIF(c, '') AS bigint), :wo, :task, :source, 'active', :at
                FROM unnest(string_to_array(:values, chr(10)), string_to_array(:counters, ',')) AS t(v, c)
                ON CONFLICT DO NOTHING""")
            .setParameter("pool", pool.id)
            .setParameter("wo", wo.id)
            .setParameter("task", task.id)
            .setParameter("source", received.source())
            .setParameter("at", Instant.now())
            .setParameter("values", values.toString())
            .setParameter("counters", counters.toString())
            .executeUpdate())
            .flatMap(inserted -> {
                if (inserted != to - from) {
                    throw new SourceRejected((to - from - inserted) + " of the values were delivered before (by a "
                        + "source, or as serials the pool will issue)");
                }
                return insert(pool, wo, task, received, to);
            });
    }

    /** Every source failed: the built-in pool where allowed, else the task fails with each source's reason. */
    private Uni<GenerationTask> fallBack(Plan plan, List<Map<String, String>> failures, long started) {
        String details = details(failures);
        if (!plan.builtinAllowed()) {
            return failTask(plan, "No external source delivered and the built-in generator is switched off",
                details, started);
        }
        return Panache.withTransaction(() -> lockOpen(plan.taskId()).flatMap(locked -> {
                WorkOrder wo = (WorkOrder) locked[0];
                GenerationTask task = (GenerationTask) locked[1];
                return replica.current().flatMap(config -> generation.pool(wo, task.kind, config)
                    .flatMap(pool -> (task.forceRegenerate ? GenerationService.voidHeld(wo, task.kind)
                            : Uni.createFrom().item(0))
                        .flatMap(voided -> generation.allocate(wo, pool, task))
                        .flatMap(ignored -> generation.complete(wo, pool, task, GenerationService.BUILTIN, started,
                            details, config))));
            }))
            .onFailure(ApiException.class).recoverWithUni(failure -> failTask(plan, failure.getMessage(), details,
                started));
    }

    private Uni<GenerationTask> failTask(Plan plan, String message, String details, long started) {
        return Panache.withTransaction(() -> lockOpen(plan.taskId()).flatMap(locked -> generation.fail(
            (WorkOrder) locked[0], (GenerationTask) locked[1], message, details, started)));
    }

    /** The history's error_details: each source that failed and why; null when the first one delivered. */
    private String details(List<Map<String, String>> failures) {
        if (failures.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(Map.of("failed_sources", failures));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String describe(Throwable failure) {
        if (failure instanceof jakarta.ws.rs.WebApplicationException web) {
            return "answered HTTP " + web.getResponse().getStatus();
        }
        if (failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException) {
            return "circuit breaker open after repeated failures";
        }
        if (failure instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return "no answer in time";
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
