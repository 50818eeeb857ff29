package org.serialgen.erpsync.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.serialgen.erpsync.intake.IntakeResult;
import org.serialgen.events.EventCodec;
import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.persistence.NativeSql;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Every query of runs, their records and the pull's state. */
@ApplicationScoped
public class SyncRunRepository implements PanacheRepositoryBase<SyncRun, UUID> {

    /** A page of runs (or of a run's records), and how many there are in all. */
    public record Found<T>(long count, List<T> rows) {
    }

    /** What a run did with one record. */
    public record RunRecord(
        @JsonProperty("id") long id,
        @JsonProperty("wo_id") String woId,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("reasons") Map<String, List<String>> reasons,
        @JsonProperty("erp_changed_at") java.time.Instant erpChangedAt,
        @JsonProperty("recorded_at") java.time.Instant recordedAt) {
    }

    Uni<SyncState> state() {
        return SyncState.findById(SyncState.ROW);
    }

    Uni<SyncState> lockedState() {
        return SyncState.findById(SyncState.ROW, LockModeType.PESSIMISTIC_WRITE);
    }

    Uni<SyncRun> locked(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Writes what a batch's records became, in one statement. */
    Uni<Integer> recordAll(UUID runId, List<IntakeResult> results) {
        if (results.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Map<String, Object>> rows = new ArrayList<>(results.size());
        for (IntakeResult result : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("wo_id", result.woId() == null ? null : result.woId().substring(0, Math.min(200,
                result.woId().length())));
            row.put("outcome", result.outcome().code());
            row.put("reasons", result.reasons());
            row.put("erp_changed_at", result.changedAt() == null ? null : result.changedAt().toString());
            rows.add(row);
        }
        return NativeSql.of("""
                INSERT INTO erp_sync_run_record (run_id, wo_id, outcome, reasons, erp_changed_at, recorded_at)
                SELECT :run, r.wo_id, r.outcome, r.reasons, r.erp_changed_at, now()
                FROM jsonb_to_recordset(CAST(CAST(:rows AS text) AS jsonb))
                    AS r(wo_id text, outcome text, reasons jsonb, erp_changed_at timestamptz)""")
            .with("run", runId).with("rows", EventCodec.write(rows)).update();
    }

    /** The run of this hour's pushes, made by the first push of the hour. */
    Uni<SyncRun> pushRunOfThisHour() {
        return NativeSql.of("""
                INSERT INTO erp_sync_run (id, trigger, mode, status, started_at, push_window)
                VALUES (:id, 'push', 'push', 'running', now(), date_trunc('hour', now()))
                ON CONFLICT (push_window) DO NOTHING""").with("id", UUID.randomUUID()).update()
            .flatMap(ignored -> find("pushWindow = ?1", java.time.Instant.now().truncatedTo(
                java.time.temporal.ChronoUnit.HOURS)).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult());
    }

    /** Push runs of hours that have passed are done. */
    Uni<Integer> finishPastPushRuns() {
        return NativeSql.of("UPDATE erp_sync_run SET status = 'succeeded', finished_at = coalesce(finished_at, now())"
            + " WHERE trigger = 'push' AND status = 'running' AND push_window < date_trunc('hour', now())").update();
    }

    Uni<Found<SyncRun>> page(RunTrigger trigger, RunStatus status, PageRequest page) {
        List<String> where = new ArrayList<>();
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (trigger != null) {
            where.add("trigger = :trigger");
            params.and("trigger", trigger);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        var query = where.isEmpty() ? findAll(Sort.descending("startedAt"))
            : find(String.join(" and ", where), Sort.descending("startedAt"), params);
        return query.count().flatMap(count -> query.page(page.index(), page.size()).list()
            .map(rows -> new Found<>(count, rows)));
    }

    Uni<Found<RunRecord>> records(UUID runId, PageRequest page) {
        return NativeSql.of("SELECT count(*) FROM erp_sync_run_record WHERE run_id = :run").with("run", runId)
            .single(row -> row.getLong(0))
            .flatMap(count -> NativeSql.of("SELECT id, wo_id, outcome, CAST(reasons AS text), erp_changed_at,"
                    + " recorded_at FROM erp_sync_run_record WHERE run_id = :run ORDER BY id LIMIT :limit OFFSET :offset")
                .with("run", runId).with("limit", page.size()).with("offset", (long) page.index() * page.size())
                .list(row -> new RunRecord(row.getLong(0), row.getString(1), row.getString(2),
                    row.getString(3) == null ? null : EventCodec.read(row.getString(3),
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, List<String>>>() { }),
                    row.getInstant(4), row.getInstant(5)))
                .map(rows -> new Found<>(count, rows)));
    }

    /** The pull run that ended last. */
    Uni<SyncRun> newestPull() {
        return find("trigger <> ?1 and status <> ?2", Sort.descending("startedAt"), RunTrigger.PUSH,
            RunStatus.RUNNING).firstResult();
    }
}
