package org.serialgen.generation.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.serialgen.events.ConfigDocument;
import org.serialgen.events.ConfigDocument.Source;
import org.serialgen.generation.config.GenerationSettings;
import org.serialgen.generation.pool.Kind;
import org.serialgen.generation.pool.Pools;
import org.serialgen.generation.pool.SerialPool;
import org.serialgen.generation.source.ExternalSources;
import org.serialgen.generation.source.ReceivedSerials;
import org.serialgen.generation.source.SourceRejected;
import org.serialgen.generation.source.Wanted;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.generation.workorder.WorkOrders;
import org.serialgen.gs1.CompanyPrefix;
import org.serialgen.kit.audit.AuditTrail;
import org.serialgen.kit.configreplica.ConfigReplica;
import org.serialgen.kit.errors.Refused;
import org.serialgen.permutation.SerialCodec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Processes tasks that wait for external sources, after the request that created them has committed: the sources
 * are asked in their configured order, each answer checked and stored in the task's own transaction; a source that
 * fails or whose answer is refused passes the task on to the next one, then to the built-in pool (where allowed),
 * else the task fails with each source's reason. Tasks left open by a stop are taken up again by a periodic sweep;
 * the task id is the request id sent to the sources, so a provider can answer the repeat with the same values.
 */
@ApplicationScoped
public class ExternalTasks {

    private static final Logger LOG = Logger.getLogger(ExternalTasks.class);

    /** What processing a task needs, read once before the sources are called. */
    record Plan(UUID taskId, String woId, Kind kind, long poolId, Wanted wanted, List<Source> sources,
                boolean builtinAllowed) {

        static Plan of(GenerationTask task, WorkOrder wo, SerialPool pool, SerialCodec codec, ConfigDocument config) {
            boolean serials = task.kind == Kind.SERIAL;
            Wanted wanted = new Wanted(wo.gtin, serials ? null : new CompanyPrefix(pool.companyPrefix),
                serials ? 0 : pool.extensionDigit, task.requested, task.id, codec, pool.capacity);
            return new Plan(task.id, wo.woId, task.kind, pool.id, wanted, ExternalSources.enabled(config, task.kind),
                !serials || Boolean.TRUE.equals(config.builtinSerialGenerator()));
        }

        /** Where the task goes after source {@code index} failed; null when nowhere. */
        String after(int index) {
            return index + 1 < sources.size() ? "source " + sources.get(index + 1).name()
                : builtinAllowed ? "the built-in pool" : null;
        }
    }

    private final IssueLedger ledger;
    private final TaskRepository tasks;
    private final ExternalSources sources;
    private final Pools pools;
    private final WorkOrders workOrders;
    private final ConfigReplica replica;
    private final ObjectMapper json;
    private final GenerationSettings.Sources settings;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final AuditTrail audit;

    ExternalTasks(IssueLedger ledger, TaskRepository tasks, ExternalSources sources, Pools pools,
                  WorkOrders workOrders, ConfigReplica replica, ObjectMapper json, GenerationSettings settings,
                  AuditTrail audit) {
        this.audit = audit;
        this.ledger = ledger;
        this.tasks = tasks;
        this.sources = sources;
        this.pools = pools;
        this.workOrders = workOrders;
        this.replica = replica;
        this.json = json;
        this.settings = settings.sources();
    }

    /**
     * Processes the task on a Vert.x context of its own (the request that created it has ended by then), made from a
     * worker thread: Quarkus gives a fresh safe context to work started off the event loop.
     */
    public void start(UUID taskId) {
        if (!running.add(taskId)) {
            return;
        }
        // a plain thread: the worker pool would carry the request's context (and its closed session) over
        java.util.concurrent.ForkJoinPool.commonPool().execute(() -> VertxContextSupport.subscribe(
            () -> process(taskId).toMulti(),
            subscribe -> subscribe.with(task -> { }, failure -> {
                running.remove(taskId);
                if (!(failure instanceof IssueLedger.TaskClosed)) {
                    LOG.errorf(failure, "generation task %s could not be processed; it resumes later", taskId);
                }
            }, () -> running.remove(taskId))));
    }

    /**
     * Takes up open tasks that nobody here is processing and that are older than a request's processing would take:
     * left by a stop of this instance, or of another replica that will not come back.
     */
    @Scheduled(every = "${serialgen.generation.sources.resume-every}",
        delayed = "${serialgen.generation.sources.resume-delay}",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> resumeOpenTasks() {
        return Panache.withSession(() -> tasks.openSince(Instant.now().minus(settings.staleAfter())))
            .invoke(open -> open.stream().filter(task -> !running.contains(task.id)).forEach(task -> {
                LOG.infof("resuming generation task %s", task.id);
                start(task.id);
            }))
            .onFailure().invoke(failure -> LOG.warnf("open generation tasks could not be read: %s",
                failure.getMessage()))
            .onFailure().recoverWithNull()
            .replaceWithVoid();
    }

    Uni<GenerationTask> process(UUID taskId) {
        long started = System.nanoTime();
        Context context = Vertx.currentContext();
        return plan(taskId).flatMap(plan -> plan == null ? Uni.createFrom().nullItem()
            : attempt(plan, 0, new ArrayList<>(), started, context));
    }

    /** Reads the task and its pool (creating the pool on first use) in a short transaction of its own. */
    private Uni<Plan> plan(UUID taskId) {
        return Panache.withTransaction(() -> tasks.findById(taskId)
            .flatMap(task -> task == null || !task.status.open() ? Uni.createFrom().nullItem() : planFor(task)));
    }

    private Uni<Plan> planFor(GenerationTask task) {
        return workOrders.byId(task.workorderId).flatMap(wo -> replica.current()
            .flatMap(config -> pools.locked(task.kind, wo.gtin, config.config())
                .flatMap(pool -> pools.codec(pool).map(codec -> Plan.of(task, wo, pool, codec, config.config())))));
    }

    /** Asks source {@code index}; its numbers are stored, or the task moves on. */
    private Uni<GenerationTask> attempt(Plan plan, int index, List<Map<String, String>> failures, long started,
                                        Context context) {
        if (index == plan.sources().size()) {
            return fallBack(plan, failures, started);
        }
        Source source = plan.sources().get(index);
        return sources.fetch(source, plan.wanted(), context)
            .flatMap(received -> store(plan, received, failures, started))
            .onFailure(SourceRejected.class).recoverWithUni(rejected -> moveOn(plan, index, rejected.getMessage(),
                failures, started, context));
    }

    private Uni<GenerationTask> store(Plan plan, ReceivedSerials received, List<Map<String, String>> failures,
                                      long started) {
        return Panache.withTransaction(() -> ledger.deliver(plan.taskId(), plan.poolId(), received, details(failures),
            started).call(task -> audited("issue.delivered", plan, task)));
    }

    /** Source {@code index} failed: said on the task's events (unless nothing is left), and the next one is asked. */
    private Uni<GenerationTask> moveOn(Plan plan, int index, String reason, List<Map<String, String>> failures,
                                       long started, Context context) {
        Source source = plan.sources().get(index);
        LOG.warnf("external source %s failed for task %s: %s", source.name(), plan.taskId(), reason);
        failures.add(Map.of("source", source.name(), "error", reason));
        String next = plan.after(index);
        Uni<Void> told = next == null ? Uni.createFrom().voidItem()
            : Panache.withTransaction(() -> ledger.progress(plan.taskId(), plan.woId(), "source " + source.name()
                + " failed (" + reason + "); asking " + next));
        return told.flatMap(ignored -> attempt(plan, index + 1, failures, started, context));
    }

    /** Every source failed: the built-in pool where allowed, else the task fails with each source's reason. */
    private Uni<GenerationTask> fallBack(Plan plan, List<Map<String, String>> failures, long started) {
        String details = details(failures);
        if (!plan.builtinAllowed()) {
            return fail(plan, "No external source delivered and the built-in generator is switched off", details,
                started);
        }
        return Panache.withTransaction(() -> ledger.issueInstead(plan.taskId(), details, started)
                .call(task -> audited("issue.fallback", plan, task)))
            .onFailure(Refused.class).recoverWithUni(refused -> fail(plan, refused.getMessage(), details, started));
    }

    private Uni<GenerationTask> fail(Plan plan, String message, String details, long started) {
        return Panache.withTransaction(() -> ledger.fail(plan.taskId(), message, details, started)
            .call(task -> audited("issue.failed", plan, task)));
    }

    /** How an external task ended, in the audit trail (its start was recorded with the request). */
    private Uni<Void> audited(String action, Plan plan, GenerationTask task) {
        if (task == null) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> change = new java.util.LinkedHashMap<>();
        change.put("task_id", task.id.toString());
        change.put("kind", task.kind.code());
        change.put("generated", task.generated);
        change.put("status", task.status.code());
        change.put("source", task.source);
        change.put("error_message", task.errorMessage);
        return audit.record(action, "workorder", plan.woId(), change);
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
}
