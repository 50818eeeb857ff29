package org.serialgen.erpsync.failed;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.serialgen.erpsync.intake.FailedRecord;
import org.serialgen.erpsync.intake.FailedRecordRepository;
import org.serialgen.erpsync.intake.FailedRecordStatus;
import org.serialgen.events.EventCodec;
import org.serialgen.kit.errors.ApiException;
import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.paging.PageResponse;
import org.serialgen.kit.persistence.Coded;
import org.serialgen.security.Roles;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** ERP records that failed the rules: list, detail, retry, dismiss. */
@Path("/serial-generation/erp/failed-records/")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.SUPERVISOR, Roles.ERP_OPERATOR, Roles.VIEWER})
public class FailedRecordResource {

    public record FailedRecordView(
        @JsonProperty("id") long id,
        @JsonProperty("wo_id") String woId,
        @JsonProperty("reasons") Map<String, List<String>> reasons,
        @JsonProperty("raw_record") String rawRecord,
        @JsonProperty("received_at") Instant receivedAt,
        @JsonProperty("source") String source,
        @JsonProperty("sync_id") UUID syncId,
        @JsonProperty("status") FailedRecordStatus status,
        @JsonProperty("resolved_at") Instant resolvedAt,
        @JsonProperty("resolved_by") String resolvedBy,
        @JsonProperty("resolution") String resolution) {

        static FailedRecordView of(FailedRecord r) {
            return new FailedRecordView(r.id, r.woId,
                EventCodec.read(r.reasons, new TypeReference<Map<String, List<String>>>() { }), r.rawRecord,
                r.receivedAt, r.sourceTopic != null ? r.sourceTopic + "-" + r.sourcePartition + "@" + r.sourceOffset
                    : "pull", r.runId, r.status, r.resolvedAt, r.resolvedBy, r.resolution);
        }
    }

    /** A dismissal: why the record needs nothing more. */
    public record Dismissal(@JsonProperty("reason") String reason) {
    }

    private final FailedRecordRepository records;
    private final FailedRecords failedRecords;
    private final SecurityIdentity identity;

    FailedRecordResource(FailedRecordRepository records, FailedRecords failedRecords, SecurityIdentity identity) {
        this.records = records;
        this.failedRecords = failedRecords;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Records that failed validation, newest first, with the reason for each field")
    public Uni<PageResponse<FailedRecordView>> list(
        @Parameter(description = "open, resolved or dismissed (default: all)") @QueryParam("status") String status,
        @QueryParam("page") Integer page, @QueryParam("page_size") Integer pageSize, @Context UriInfo uri) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        FailedRecordStatus byStatus = status == null ? null : Coded.byCode(FailedRecordStatus.class, status)
            .orElseGet(() -> {
                problems.put("status", List.of("Must be open, resolved or dismissed"));
                return null;
            });
        PageRequest request = PageRequest.of(page, pageSize, problems);
        return records.page(byStatus, request).map(found -> PageResponse.of(uri, request, found.count(),
            found.rows().stream().map(FailedRecordView::of).toList()));
    }

    @GET
    @Path("{id}/")
    @Operation(summary = "A failed record: what arrived, why it failed, what became of it")
    public Uni<FailedRecordView> get(@PathParam("id") String id) {
        long recordId = id(id);
        return records.findById(recordId).map(record -> {
            if (record == null) {
                throw new ApiException.NotFound("FAILED_RECORD_NOT_FOUND", "No failed record " + id);
            }
            return FailedRecordView.of(record);
        });
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ERP_OPERATOR})
    @Operation(summary = "Fetch the record again from the ERP (else take it as it was) and check it again; taken in "
        + "if it passes now")
    public Uni<FailedRecordView> retry(@PathParam("id") String id) {
        return failedRecords.retry(id(id), identity.getPrincipal().getName()).map(FailedRecordView::of);
    }

    @POST
    @Path("{id}/dismiss")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.ERP_OPERATOR})
    @Operation(summary = "Dismiss a failed record, saying why")
    public Uni<FailedRecordView> dismiss(@PathParam("id") String id, Dismissal dismissal) {
        return failedRecords.dismiss(id(id), dismissal == null ? null : dismissal.reason(),
            identity.getPrincipal().getName()).map(FailedRecordView::of);
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ApiException.NotFound("FAILED_RECORD_NOT_FOUND", "No failed record " + id);
        }
    }
}
