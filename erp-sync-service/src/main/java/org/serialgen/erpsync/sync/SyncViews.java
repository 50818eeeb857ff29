package org.serialgen.erpsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.serialgen.events.EventCodec;
import org.serialgen.kit.paging.PageResponse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;

/** What the sync API answers. */
public final class SyncViews {

    private SyncViews() {
    }

    /** {@code POST /erp/sync/}: {@code work_order_ids} (none: everything changed since the last run). */
    public record SyncRequest(
        @JsonProperty("work_order_ids") List<String> workOrderIds,
        @JsonProperty("force_update") Boolean forceUpdate) {
    }

    /** The spec's answer: the run started, or the one that was already active. */
    public record SyncAccepted(
        @JsonProperty("sync_id") UUID syncId,
        @JsonProperty("status") String status,
        @JsonProperty("message") String message) {
    }

    /** What a run did, counted by outcome. */
    public record Counts(
        @JsonProperty("pages") int pages,
        @JsonProperty("fetched") long fetched,
        @JsonProperty("created") long created,
        @JsonProperty("updated") long updated,
        @JsonProperty("unchanged") long unchanged,
        @JsonProperty("failed") long failed,
        @JsonProperty("skipped_by_override") long skippedByOverride,
        @JsonProperty("conflicts") long conflicts) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunView(
        @JsonProperty("id") UUID id,
        @JsonProperty("trigger") RunTrigger trigger,
        @JsonProperty("triggered_by") String triggeredBy,
        @JsonProperty("mode") RunMode mode,
        @JsonProperty("work_order_ids") List<String> workOrderIds,
        @JsonProperty("force_update") boolean forceUpdate,
        @JsonProperty("status") RunStatus status,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("finished_at") Instant finishedAt,
        @JsonProperty("duration_ms") Long durationMs,
        @JsonProperty("counts") Counts counts,
        @JsonProperty("failure_class") String failureClass,
        @JsonProperty("failure_message") String failureMessage,
        @JsonProperty("high_water_before") Instant highWaterBefore,
        @JsonProperty("high_water_after") Instant highWaterAfter,
        @JsonProperty("records") PageResponse<SyncRunRepository.RunRecord> records) {

        static RunView of(SyncRun run, PageResponse<SyncRunRepository.RunRecord> records) {
            return new RunView(run.id, run.trigger, run.triggeredBy, run.mode, run.requestedIds == null ? null
                    : EventCodec.read(run.requestedIds, new TypeReference<List<String>>() { }), run.forceUpdate,
                run.status, run.startedAt, run.finishedAt, run.finishedAt == null ? null
                    : Duration.between(run.startedAt, run.finishedAt).toMillis(),
                new Counts(run.pages, run.fetched, run.created, run.updated, run.unchanged, run.failed,
                    run.skippedByOverride, run.conflicts), run.failureClass, run.failureMessage,
                run.highWaterBefore, run.highWaterAfter, records);
        }
    }
}
