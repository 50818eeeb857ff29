package org.serialgen.erpsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.serialgen.erpsync.audit.ErpActions;
import org.serialgen.erpsync.config.ErpSettings;
import org.serialgen.events.EventCodec;
import org.serialgen.kit.audit.AuditTrail;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.errors.Refused;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Starting a pull: asked for by someone (some work orders, or everything changed since the high-water mark) or by
 * the schedule. One run at a time across all replicas: a run holds the lease on the pull's state row, renewed with
 * every page it stores; a second request meanwhile answers the run that is active, and a lease left by a replica that
 * went away expires, its run marked abandoned. The run itself goes on after the request, in {@link SyncRunner}.
 */
@ApplicationScoped
public class ErpSync {

    private static final Logger LOG = Logger.getLogger(ErpSync.class);
    /** Work orders one request may name. */
    static final int MAX_IDS = 1_000;
    private static final Pattern WO_ID = Pattern.compile("[A-Za-z0-9._/-]{1,50}");

    /** What a request started, or the run that was already active. */
    public record Started(UUID runId, boolean alreadyRunning, RunMode mode) {
    }

    /** This replica, as the holder of a lease. */
    static final String HOLDER = "erp-sync-" + UUID.randomUUID();

    private final SyncRunRepository runs;
    private final SyncRunner runner;
    private final ErpActions actions;
    private final ErpSettings settings;
    private final AuditTrail trail;

    ErpSync(SyncRunRepository runs, SyncRunner runner, ErpActions actions, ErpSettings settings, AuditTrail trail) {
        this.trail = trail;
        this.runs = runs;
        this.runner = runner;
        this.actions = actions;
        this.settings = settings;
    }

    /** Someone asks for a sync: of {@code workOrderIds}, or (none) of everything changed since the last one. */
    public Uni<Started> request(List<String> workOrderIds, boolean force, String user) {
        Set<String> ids = checkedIds(workOrderIds);
        return start(RunTrigger.USER, user, ids, force);
    }

    /** The schedule's pull, when it is due and no run is active; empty when nothing was started. */
    Uni<Optional<Started>> scheduled() {
        return start(RunTrigger.SCHEDULE, null, Set.of(), false)
            .map(started -> started.alreadyRunning() ? Optional.empty() : Optional.of(started));
    }

    private Uni<Started> start(RunTrigger trigger, String user, Set<String> ids, boolean force) {
        if (!settings.pullConfigured()) {
            throw new Refused("ERP_PULL_OFF", "No ERP API is configured (ERP_API_BASE_URL): the ERP can only push "
                + "work orders over Kafka");
        }
        return Panache.withTransaction(() -> runs.lockedState().flatMap(state -> {
            Instant now = Instant.now();
            if (state.leased(now)) {
                return Uni.createFrom().item(new Started(state.leaseRunId, true, null));
            }
            RunMode mode = ids.isEmpty() ? RunMode.CHANGED_SINCE : RunMode.BY_IDS;
            SyncRun run = SyncRun.start(trigger, user, mode, ids.isEmpty() ? null : EventCodec.write(ids), force);
            run.highWaterBefore = state.highWaterMark;
            return abandonStale(state).call(() -> runs.persist(run)).call(() -> recorded(run, ids)).invoke(() -> {
                state.leaseHolder = HOLDER;
                state.leaseRunId = run.id;
                state.leaseExpiresAt = now.plus(settings.lease());
                if (trigger == RunTrigger.SCHEDULE) {
                    state.nextScheduledAt = nextSlot(state.nextScheduledAt, settings.syncInterval().orElseThrow(), now);
                }
            }).replaceWith(new Started(run.id, false, mode));
        })).invoke(started -> {
            if (!started.alreadyRunning()) {
                LOG.infof("ERP sync %s started (%s, %s)", started.runId(), trigger.code(), started.mode().code());
                runner.start(started.runId());
            }
        });
    }

    /**
     * Who started the run, beside it: a person's request in the ERP audit (and so the audit trail), the schedule's in
     * the audit trail as the suite's own.
     */
    private Uni<Void> recorded(SyncRun run, Set<String> ids) {
        Map<String, Object> details = Map.of("work_order_ids", List.copyOf(ids), "force_update", run.forceUpdate);
        return run.trigger == RunTrigger.USER
            ? actions.record(ErpActions.SYNC_REQUESTED, null, run.id.toString(), run.triggeredBy, null, details)
                .replaceWithVoid()
            : trail.record("erp.sync_scheduled", "erp_sync", run.id.toString(), details);
    }

    /**
     * A run whose replica died holds the lease until it expires; then it is marked abandoned here, on every replica's
     * tick, and the lease released, rather than shown as running until the next run starts (with the schedule off,
     * perhaps never). A live replica whose lease expired all the same finds it lost at its next page and stops.
     */
    Uni<Void> abandonExpiredLease() {
        return Panache.withTransaction(() -> runs.lockedState().flatMap(state -> {
            if (state == null || state.leaseRunId == null || state.leased(Instant.now())) {
                return Uni.createFrom().voidItem();
            }
            return abandonStale(state).invoke(() -> {
                state.leaseRunId = null;
                state.leaseHolder = null;
                state.leaseExpiresAt = null;
            });
        }));
    }

    /** A lease that expired belonged to a run whose replica went away. */
    private Uni<Void> abandonStale(SyncState state) {
        if (state.leaseRunId == null) {
            return Uni.createFrom().voidItem();
        }
        return runs.locked(state.leaseRunId).invoke(stale -> {
            if (stale != null && stale.status == RunStatus.RUNNING) {
                LOG.warnf("ERP sync %s abandoned: its lease expired", stale.id);
                stale.finish(RunStatus.ABANDONED, null, "its replica stopped renewing the lease");
            }
        }).replaceWithVoid();
    }

    /**
     * The first slot of the series {@code previous + k × interval} after {@code now}: missed slots are skipped; a
     * series set with a longer interval (or none) starts again from now.
     */
    static Instant nextSlot(Instant previous, Duration interval, Instant now) {
        Instant next = previous == null || previous.isAfter(now.plus(interval)) ? now : previous;
        while (!next.isAfter(now)) {
            next = next.plus(interval);
        }
        return next;
    }

    private static Set<String> checkedIds(List<String> workOrderIds) {
        Set<String> ids = new LinkedHashSet<>();
        if (workOrderIds == null) {
            return ids;
        }
        if (workOrderIds.size() > MAX_IDS) {
            throw ApiException.Validation.of("work_order_ids", "At most " + MAX_IDS + " work orders per request");
        }
        for (String id : workOrderIds) {
            if (id == null || !WO_ID.matcher(id.strip()).matches()) {
                throw ApiException.Validation.of("work_order_ids", "Each must be a wo_id: 1–50 letters, digits, "
                    + "'.', '_', '/' or '-'");
            }
            ids.add(id.strip());
        }
        return ids;
    }
}
