package org.serialgen.erpsync.failed;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.erpsync.audit.ErpActions;
import org.serialgen.erpsync.connector.Erp;
import org.serialgen.erpsync.connector.ErpFailure;
import org.serialgen.erpsync.intake.Candidate;
import org.serialgen.erpsync.intake.ErpIntake;
import org.serialgen.erpsync.intake.ErpRecordReader;
import org.serialgen.erpsync.intake.FailedRecord;
import org.serialgen.erpsync.intake.FailedRecordRepository;
import org.serialgen.erpsync.intake.FailedRecordStatus;
import org.serialgen.events.EventCodec;
import org.serialgen.kit.errors.ApiException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What an ERP operator does with a failed record: retry it — fetched again from the ERP (where pull is configured
 * and the record names its wo_id; else as it was) and checked again; taken in if it passes now — or dismiss it with a
 * reason. Both are audited.
 */
@ApplicationScoped
public class FailedRecords {

    private final FailedRecordRepository records;
    private final ErpIntake intake;
    private final Erp erp;
    private final ErpActions actions;
    private final ObjectMapper json;

    FailedRecords(FailedRecordRepository records, ErpIntake intake, Erp erp, ErpActions actions, ObjectMapper json) {
        this.records = records;
        this.intake = intake;
        this.erp = erp;
        this.actions = actions;
        this.json = json;
    }

    /** The record, newly checked; RESOLVED when it passed and was taken in, else OPEN with its new reasons. */
    public Uni<FailedRecord> retry(long id, String user) {
        return Panache.withSession(() -> open(records.findById(id), id))
            .flatMap(found -> fetchAgain(found).flatMap(again -> Panache.withTransaction(() -> open(records.locked(id),
                id).flatMap(record -> check(record, again, user)))));
    }

    /** The ERP's current record of the work order, where the ERP can be asked; else the record as it was. */
    private Uni<Attempt> fetchAgain(FailedRecord record) {
        if (erp.connector().isEmpty() || record.woId == null) {
            return Uni.createFrom().item(new Attempt(parse(record.rawRecord), false, false));
        }
        return erp.connector().get().workOrder(record.woId)
            .map(found -> found.map(current -> new Attempt(current, true, false))
                .orElseGet(() -> new Attempt(null, true, true)))
            .onFailure(ErpFailure.class).transform(failure -> new ApiException.Unavailable("ERP_UNAVAILABLE",
                "The ERP could not be asked (" + ((ErpFailure) failure).kind().code() + "): "
                    + failure.getMessage()));
    }

    /** What a retry read: the record (null: the ERP has none of that wo_id), and whether it came from the ERP. */
    private record Attempt(JsonNode record, boolean fetched, boolean missing) {
    }

    private Uni<FailedRecord> check(FailedRecord record, Attempt again, String user) {
        Map<String, List<String>> problems = again.missing()
            ? Map.of("wo_id", List.of("The ERP has no work order " + record.woId))
            : ErpRecordReader.read(again.record(), again.fetched(), intake.earliestExpiry()).problems();
        if (!problems.isEmpty()) {
            record.reasons = EventCodec.write(problems);
            return actions.record(ErpActions.FAILED_RECORD_RETRIED, record.woId, record.id.toString(), user, null,
                Map.of("outcome", "still invalid", "reasons", problems)).replaceWith(record);
        }
        Candidate candidate = again.fetched() ? Candidate.pulled(again.record(), record.runId)
            : new Candidate(again.record(), record.rawRecord, false, record.runId, null, null, null, false);
        return intake.take(List.of(candidate), false).flatMap(results -> {
            String outcome = results.get(0).outcome().code();
            record.status = FailedRecordStatus.RESOLVED;
            record.resolvedAt = Instant.now();
            record.resolvedBy = user;
            record.resolution = "Retried" + (again.fetched() ? " with the ERP's current record" : "") + ": " + outcome;
            return actions.record(ErpActions.FAILED_RECORD_RETRIED, record.woId, record.id.toString(), user, null,
                Map.of("outcome", outcome)).replaceWith(record);
        });
    }

    public Uni<FailedRecord> dismiss(long id, String reason, String user) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ApiException.Validation.of("reason", "Say why, in 1 to 500 characters");
        }
        return Panache.withTransaction(() -> open(records.locked(id), id).flatMap(record -> {
            record.status = FailedRecordStatus.DISMISSED;
            record.resolvedAt = Instant.now();
            record.resolvedBy = user;
            record.resolution = reason.strip();
            return actions.record(ErpActions.FAILED_RECORD_DISMISSED, record.woId, record.id.toString(), user,
                reason.strip(), null).replaceWith(record);
        }));
    }

    private static Uni<FailedRecord> open(Uni<FailedRecord> found, long id) {
        return found.map(record -> {
            if (record == null) {
                throw new ApiException.NotFound("FAILED_RECORD_NOT_FOUND", "No failed record " + id);
            }
            if (record.status != FailedRecordStatus.OPEN) {
                throw new ApiException.Conflict("FAILED_RECORD_CLOSED", "Failed record " + id + " is "
                    + record.status.code() + " already");
            }
            return record;
        });
    }

    private JsonNode parse(String raw) {
        try {
            return json.readTree(raw);
        } catch (Exception e) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(raw);
        }
    }
}
