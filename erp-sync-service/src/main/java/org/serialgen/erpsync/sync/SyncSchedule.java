package org.serialgen.erpsync.sync;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.serialgen.erpsync.config.ErpSettings;
import org.serialgen.erpsync.connector.Erp;
import org.serialgen.erpsync.connector.ErpFailure;
import org.serialgen.kit.errors.Refused;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The pull's clock, on every replica (the lease and the state row make them agree): a scheduled pull when it is due
 * ({@code ERP_SYNC_INTERVAL}; the due time is stored, so it survives a restart), the ERP's health now and then, and
 * the end of the past hours' push runs. The ERP's health is shown, never a reason for this service to be unready:
 * manual entry and generation go on without the ERP.
 */
@ApplicationScoped
class SyncSchedule {

    private static final Logger LOG = Logger.getLogger(SyncSchedule.class);

    private final ErpSync sync;
    private final SyncRunRepository runs;
    private final Erp erp;
    private final ErpSettings settings;

    SyncSchedule(ErpSync sync, SyncRunRepository runs, Erp erp, ErpSettings settings) {
        this.sync = sync;
        this.runs = runs;
        this.erp = erp;
        this.settings = settings;
    }

    @Scheduled(every = "${serialgen.erp.tick}", delayed = "${serialgen.erp.tick}",
        concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return Panache.withTransaction(runs::finishPastPushRuns).replaceWithVoid()
            .call(sync::abandonExpiredLease)
            .call(this::pullIfDue)
            .call(this::checkHealth)
            .onFailure().invoke(e -> LOG.warnf("ERP schedule: %s", e.getMessage()))
            .onFailure().recoverWithNull();
    }

    private Uni<Void> pullIfDue() {
        if (!settings.pullConfigured() || settings.syncInterval().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(runs::state).flatMap(state -> {
            Instant now = Instant.now();
            boolean due = state.nextScheduledAt == null || !state.nextScheduledAt.isAfter(now)
                // a shorter interval than the one the stored time was set with takes effect at once
                || state.nextScheduledAt.isAfter(now.plus(settings.syncInterval().get()));
            return !due ? Uni.createFrom().voidItem() : sync.scheduled()
                .onFailure(Refused.class).recoverWithNull().replaceWithVoid();
        });
    }

    private Uni<Void> checkHealth() {
        if (erp.connector().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(runs::state).flatMap(state -> {
            Instant now = Instant.now();
            if (state.healthCheckedAt != null && state.healthCheckedAt.plus(settings.healthEvery()).isAfter(now)) {
                return Uni.createFrom().voidItem();
            }
            return erp.connector().get().health()
                .map(ok -> (String) null)
                .onFailure().recoverWithItem(failure -> failure instanceof ErpFailure known
                    ? known.kind().code() + ": " + known.getMessage() : String.valueOf(failure.getMessage()))
                .flatMap(error -> Panache.withTransaction(() -> runs.lockedState().invoke(locked -> {
                    locked.healthStatus = error == null ? "up" : "down";
                    locked.healthError = error;
                    locked.healthCheckedAt = Instant.now();
                })).replaceWithVoid());
        });
    }
}
