package org.serialgen.erpsync.sync;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.erpsync.config.ErpSettings;
import org.serialgen.erpsync.intake.ErpWorkOrderRepository;
import org.serialgen.erpsync.intake.FailedRecordRepository;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.smallrye.mutiny.Uni;

/**
 * The ERP integration as it stands: the last sync (pulled or pushed) and whether it succeeded, what was synced and
 * what failed, the schedule, the ERP's health. {@code status}: never, running, success or failed.
 */
@ApplicationScoped
public class SyncStatus {

    /** The spec's sync status, and what the pull needs to be understood. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(
        @JsonProperty("last_sync") Instant lastSync,
        @JsonProperty("status") String status,
        @JsonProperty("synced_records") long syncedRecords,
        @JsonProperty("failed_records") long failedRecords,
        @JsonProperty("next_scheduled_sync") Instant nextScheduledSync,
        @JsonProperty("pull_configured") boolean pullConfigured,
        @JsonProperty("sync_interval_seconds") Long syncIntervalSeconds,
        @JsonProperty("high_water_mark") Instant highWaterMark,
        @JsonProperty("running_sync_id") UUID runningSyncId,
        @JsonProperty("last_run") LastRun lastRun,
        @JsonProperty("erp_health") Health erpHealth) {
    }

    public record LastRun(
        @JsonProperty("id") UUID id,
        @JsonProperty("trigger") String trigger,
        @JsonProperty("status") String status,
        @JsonProperty("finished_at") Instant finishedAt,
        @JsonProperty("failure_class") String failureClass,
        @JsonProperty("failure_message") String failureMessage) {
    }

    public record Health(
        @JsonProperty("status") String status,
        @JsonProperty("checked_at") Instant checkedAt,
        @JsonProperty("error") String error) {
    }

    private final SyncRunRepository runs;
    private final ErpWorkOrderRepository workOrders;
    private final FailedRecordRepository failedRecords;
    private final ErpSettings settings;

    SyncStatus(SyncRunRepository runs, ErpWorkOrderRepository workOrders, FailedRecordRepository failedRecords,
               ErpSettings settings) {
        this.runs = runs;
        this.workOrders = workOrders;
        this.failedRecords = failedRecords;
        this.settings = settings;
    }

    public Uni<Status> now() {
        return runs.state().flatMap(state -> workOrders.count().flatMap(synced -> failedRecords.countOpen()
            .flatMap(failed -> runs.newestPull().flatMap(last -> workOrders.lastSynced()
                .flatMap(lastSynced -> failedRecords.newest().map(lastFailed -> {
                    Instant now = Instant.now();
                    boolean running = state.leased(now);
                    // whichever happened last says how the sync stands: a pull run, a record taken, one refused
                    Instant pulled = last == null ? null : last.finishedAt;
                    Instant took = lastSynced == null ? null : lastSynced.lastSyncedAt;
                    Instant refused = lastFailed == null ? null : lastFailed.receivedAt;
                    Instant lastSync = latest(latest(pulled, took), refused);
                    String status = running ? "running" : lastSync == null ? "never"
                        : lastSync.equals(refused) || (lastSync.equals(pulled) && last.status == RunStatus.FAILED)
                        ? "failed" : "success";
                    return new Status(lastSync, status, synced, failed,
                        settings.syncInterval().isPresent() && settings.pullConfigured() ? state.nextScheduledAt : null,
                        settings.pullConfigured(),
                        settings.syncInterval().map(java.time.Duration::toSeconds).orElse(null),
                        state.highWaterMark, running ? state.leaseRunId : null,
                        last == null ? null : new LastRun(last.id, last.trigger.code(), last.status.code(),
                            last.finishedAt, last.failureClass, last.failureMessage),
                        state.healthStatus == null ? null
                            : new Health(state.healthStatus, state.healthCheckedAt, state.healthError));
                }))))));
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
