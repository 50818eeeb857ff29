package org.serialgen.erpsync.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.serialgen.erpsync.config.ErpSettings;
import org.serialgen.erpsync.connector.Erp;
import org.serialgen.erpsync.connector.ErpConnector;
import org.serialgen.erpsync.connector.ErpFailure;
import org.serialgen.erpsync.connector.ErpPage;
import org.serialgen.erpsync.intake.Candidate;
import org.serialgen.erpsync.intake.ErpIntake;
import org.serialgen.erpsync.intake.IntakeResult;
import org.serialgen.events.EventCodec;

import com.fasterxml.jackson.core.type.TypeReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A run, after the request that started it: page by page (or a batch of asked-for work orders at a time), each
 * fetched outside any transaction and then stored in one — the records, what the run did with each, its counts, the
 * high-water mark (the newest changed_at stored: it moves only with a stored page) and the lease's renewal. A
 * failure of the ERP ends the run as failed with its class; what was stored before stays, and the next run goes on
 * from the high-water mark.
 */
@ApplicationScoped
public class SyncRunner {

    private static final Logger LOG = Logger.getLogger(SyncRunner.class);
    /** Work orders asked for by id per transaction, and fetched four at a time. */
    static final int ID_BATCH = 50;
    static final int FETCHES_AT_ONCE = 4;

    /** The lease was taken by another run: this one must stop storing. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("the lease was taken over", null, false, false);
        }
    }

    private final SyncRunRepository runs;
    private final ErpIntake intake;
    private final Erp erp;
    private final ErpSettings settings;
    private final MeterRegistry registry;

    SyncRunner(SyncRunRepository runs, ErpIntake intake, Erp erp, ErpSettings settings, MeterRegistry registry) {
        this.runs = runs;
        this.intake = intake;
        this.erp = erp;
        this.settings = settings;
        this.registry = registry;
    }

    /** Runs on a Vert.x context of its own, made from a worker thread: the request has ended by then. */
    void start(UUID runId) {
        // a plain thread: the worker pool would carry the request's context (and its closed session) over
        java.util.concurrent.ForkJoinPool.commonPool().execute(() -> VertxContextSupport.subscribe(
            () -> run(runId).toMulti(),
            subscribe -> subscribe.with(done -> { }, failure ->
                LOG.errorf(failure, "ERP sync %s could not be finished", runId))));
    }

    Uni<Void> run(UUID runId) {
        long started = System.nanoTime();
        ErpConnector connector = erp.connector().orElseThrow();
        return Panache.withSession(() -> runs.findById(runId))
            .flatMap(run -> run.mode == RunMode.BY_IDS ? byIds(connector, run, ids(run), 0)
                : changedSince(connector, run, run.highWaterBefore, null))
            .replaceWith(RunStatus.SUCCEEDED)
            .onFailure(LeaseLost.class).recoverWithItem(RunStatus.ABANDONED)
            .onFailure().call(failure -> finish(runId, RunStatus.FAILED, failure))
            .onFailure().recoverWithNull()
            .call(status -> status == null ? Uni.createFrom().voidItem() : finish(runId, status, null))
            .invoke(() -> registry.timer("serialgen.erp.sync.duration").record(
                java.time.Duration.ofNanos(System.nanoTime() - started)))
            .replaceWithVoid();
    }

    /** The page after {@code token} of what changed after {@code since} (fixed for the run), then the next. */
    private Uni<Void> changedSince(ErpConnector connector, SyncRun run, Instant since, String token) {
        return connector.changedSince(since, token, settings.pageSize())
            .flatMap(page -> Panache.withTransaction(() -> storePage(run.id, page, run.forceUpdate))
                .replaceWith(page))
            .flatMap(page -> page.nextPageToken() == null ? Uni.createFrom().voidItem()
                : changedSince(connector, run, since, page.nextPageToken()));
    }

    private Uni<Void> storePage(UUID runId, ErpPage page, boolean force) {
        List<Candidate> candidates = page.items().stream().map(item -> Candidate.pulled(item, runId)).toList();
        return store(runId, candidates, force, true);
    }

    /** A batch of the asked-for work orders, fetched a few at a time; one the ERP does not have is a failed one. */
    private Uni<Void> byIds(ErpConnector connector, SyncRun run, List<String> ids, int from) {
        if (from >= ids.size()) {
            return Uni.createFrom().voidItem();
        }
        List<String> batch = ids.subList(from, Math.min(ids.size(), from + ID_BATCH));
        return Multi.createFrom().iterable(batch)
            .onItem().transformToUni(id -> connector.workOrder(id).map(found -> found
                .map(record -> Candidate.pulled(record, run.id)).orElseGet(() -> Candidate.missing(id, run.id))))
            .merge(FETCHES_AT_ONCE).collect().asList()
            .flatMap(candidates -> Panache.withTransaction(() -> store(run.id, candidates, run.forceUpdate, false)))
            .flatMap(ignored -> byIds(connector, run, ids, from + ID_BATCH));
    }

    /** One transaction: the records, what became of each, the run's counts, the high-water mark, the lease. */
    private Uni<Void> store(UUID runId, List<Candidate> candidates, boolean force, boolean page) {
        return runs.lockedState().flatMap(state -> {
            if (!runId.equals(state.leaseRunId)) {
                throw new LeaseLost();
            }
            return runs.locked(runId).flatMap(run -> intake.take(candidates, force)
                .call(results -> runs.recordAll(runId, results))
                .invoke(results -> {
                    run.count(results);
                    if (page) {
                        run.pages += 1;
                        newest(results).ifPresent(newest -> {
                            if (state.highWaterMark == null || newest.isAfter(state.highWaterMark)) {
                                state.highWaterMark = newest;
                            }
                        });
                    }
                    run.highWaterAfter = state.highWaterMark;
                    state.leaseExpiresAt = Instant.now().plus(settings.lease());
                }));
        }).replaceWithVoid();
    }

    /** The newest changed_at of the records stored (valid or not: a later run need not read them again). */
    private static Optional<Instant> newest(List<IntakeResult> results) {
        return results.stream().map(IntakeResult::changedAt).filter(java.util.Objects::nonNull)
            .max(Instant::compareTo);
    }

    /** The run's end, the lease released (if it still holds it), and for a failure its class and message. */
    private Uni<Void> finish(UUID runId, RunStatus status, Throwable failure) {
        ErpFailure erpFailure = failure == null ? null : failure instanceof ErpFailure known ? known
            : new ErpFailure(ErpFailure.Kind.SERVER_ERROR, failure.getClass().getSimpleName() + ": "
                + failure.getMessage());
        if (erpFailure != null) {
            LOG.warnf("ERP sync %s failed (%s): %s", runId, erpFailure.kind().code(), erpFailure.getMessage());
            registry.counter("serialgen.erp.sync.failures", "class", erpFailure.kind().code()).increment();
        }
        return Panache.withTransaction(() -> runs.lockedState().flatMap(state -> runs.locked(runId).invoke(run -> {
            if (run.status == RunStatus.RUNNING) {
                run.finish(status, erpFailure == null ? null : erpFailure.kind().code(),
                    erpFailure == null ? null : erpFailure.getMessage());
            }
            if (runId.equals(state.leaseRunId)) {
                state.leaseRunId = null;
                state.leaseHolder = null;
                state.leaseExpiresAt = null;
            }
            state.lastRunId = runId;
            if (status == RunStatus.SUCCEEDED) {
                state.lastSuccessAt = run.finishedAt;
            }
        }))).replaceWithVoid();
    }

    private static List<String> ids(SyncRun run) {
        return run.requestedIds == null ? List.of()
            : new ArrayList<>(EventCodec.read(run.requestedIds, new TypeReference<List<String>>() { }));
    }
}
