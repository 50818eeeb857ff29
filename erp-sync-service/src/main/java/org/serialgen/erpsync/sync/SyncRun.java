package org.serialgen.erpsync.sync;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.serialgen.erpsync.intake.IntakeResult;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One synchronisation with the ERP (table {@code erp_sync_run}) and what it did, counted by outcome. */
@Entity
@Table(name = "erp_sync_run")
public class SyncRun extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public RunTrigger trigger;

    @Column(name = "triggered_by")
    public String triggeredBy;

    @Column(nullable = false)
    public RunMode mode;

    /** The wo_ids asked for (by_ids), as a JSON array. */
    @ColumnTransformer(read = "CAST(requested_ids AS text)", write = "CAST(CAST(? AS text) AS jsonb)")
    @Column(name = "requested_ids")
    public String requestedIds;

    @Column(name = "force_update", nullable = false)
    public boolean forceUpdate;

    @Column(nullable = false)
    public RunStatus status;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(nullable = false)
    public int pages;

    @Column(nullable = false)
    public long fetched;

    @Column(nullable = false)
    public long created;

    @Column(nullable = false)
    public long updated;

    @Column(nullable = false)
    public long unchanged;

    @Column(nullable = false)
    public long failed;

    @Column(name = "skipped_by_override", nullable = false)
    public long skippedByOverride;

    @Column(nullable = false)
    public long conflicts;

    @Column(name = "failure_class")
    public String failureClass;

    @Column(name = "failure_message")
    public String failureMessage;

    @Column(name = "high_water_before")
    public Instant highWaterBefore;

    @Column(name = "high_water_after")
    public Instant highWaterAfter;

    /** A push run's hour. */
    @Column(name = "push_window")
    public Instant pushWindow;

    static SyncRun start(RunTrigger trigger, String by, RunMode mode, String requestedIds, boolean force) {
        SyncRun run = new SyncRun();
        run.id = UUID.randomUUID();
        run.trigger = trigger;
        run.triggeredBy = by;
        run.mode = mode;
        run.requestedIds = requestedIds;
        run.forceUpdate = force;
        run.status = RunStatus.RUNNING;
        run.startedAt = Instant.now();
        return run;
    }

    /** Counts what a batch of records became. */
    void count(List<IntakeResult> results) {
        fetched += results.size();
        for (IntakeResult result : results) {
            switch (result.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case FAILED -> failed++;
                case SKIPPED_BY_OVERRIDE -> skippedByOverride++;
                case CONFLICT -> conflicts++;
                default -> throw new IllegalStateException("unknown outcome " + result.outcome());
            }
        }
    }

    void finish(RunStatus end, String failureKind, String message) {
        status = end;
        failureClass = failureKind;
        failureMessage = message;
        finishedAt = Instant.now();
    }
}
