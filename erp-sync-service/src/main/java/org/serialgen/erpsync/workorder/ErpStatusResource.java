package org.serialgen.erpsync.workorder;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.serialgen.events.EventCodec;
import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.paging.PageResponse;
import org.serialgen.security.Roles;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@Path("/serial-generation/erp/")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class ErpStatusResource {

    /** The spec's sync status. {@code status}: never (nothing received), success (last record synced) or failed. */
    public record SyncStatus(
        @JsonProperty("last_sync") Instant lastSync,
        @JsonProperty("status") String status,
        @JsonProperty("synced_records") long syncedRecords,
        @JsonProperty("failed_records") long failedRecords,
        @JsonProperty("next_scheduled_sync") Instant nextScheduledSync) {
    }

    public record FailedRecordView(
        @JsonProperty("id") long id,
        @JsonProperty("wo_id") String woId,
        @JsonProperty("reasons") Map<String, List<String>> reasons,
        @JsonProperty("raw_record") String rawRecord,
        @JsonProperty("received_at") Instant receivedAt,
        @JsonProperty("source") String source) {

        static FailedRecordView of(FailedRecord r) {
            return new FailedRecordView(r.id, r.woId,
                EventCodec.read(r.reasons, new TypeReference<Map<String, List<String>>>() { }), r.rawRecord,
                r.receivedAt, r.sourceTopic + "-" + r.sourcePartition + "@" + r.sourceOffset);
        }
    }

    @GET
    @Path("status/")
    @Operation(summary = "ERP synchronisation status: records synced and failed, and when the last one arrived")
    public Uni<SyncStatus> status() {
        return ErpWorkOrderEntity.count().flatMap(synced -> FailedRecord.count().flatMap(failed ->
            ErpWorkOrderEntity.<ErpWorkOrderEntity>findAll(Sort.descending("lastSyncedAt")).firstResult()
                .flatMap(lastOk -> FailedRecord.<FailedRecord>findAll(Sort.descending("receivedAt")).firstResult()
                    .map(lastFailed -> {
                        Instant ok = lastOk == null ? null : lastOk.lastSyncedAt;
                        Instant bad = lastFailed == null ? null : lastFailed.receivedAt;
                        Instant last = ok == null ? bad : bad == null || ok.isAfter(bad) ? ok : bad;
                        String status = last == null ? "never" : last.equals(ok) ? "success" : "failed";
                        // the ERP pushes over Kafka; there is no schedule to report
                        return new SyncStatus(last, status, synced, failed, null);
                    }))));
    }

    @GET
    @Path("failed-records/")
    @Operation(summary = "Records that failed validation, newest first, with the reason for each field")
    public Uni<PageResponse<FailedRecordView>> failed(@QueryParam("page") Integer page,
                                                      @QueryParam("page_size") Integer pageSize,
                                                      @Context UriInfo uri) {
        PageRequest request = PageRequest.of(page, pageSize);
        return FailedRecord.count().flatMap(count -> FailedRecord.<FailedRecord>findAll(Sort.descending("id"))
            .page(request.index(), request.size()).list()
            .map(rows -> PageResponse.of(uri, request, count, rows.stream().map(FailedRecordView::of).toList())));
    }
}
