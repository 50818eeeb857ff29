package org.serialgen.erpsync.intake;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.serialgen.kit.paging.PageRequest;
import org.serialgen.kit.persistence.NativeSql;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Every query of failed records. */
@ApplicationScoped
public class FailedRecordRepository implements PanacheRepository<FailedRecord> {

    /** A page of failed records, and how many match in all. */
    public record Found(long count, List<FailedRecord> rows) {
    }

    /**
     * Keeps a push's failed record once per topic offset (a redelivery stores nothing new); a pull's every time (a
     * run's records are its own).
     */
    Uni<Integer> keepPushed(String topic, int partition, long offset, String woId, String raw, String reasons) {
        return NativeSql.of("INSERT INTO erp_failed_record (source_topic, source_partition, source_offset, wo_id,"
                + " raw_record, reasons, received_at, status) VALUES (:topic, :partition, :offset, :woId, :raw,"
                + " CAST(CAST(:reasons AS text) AS jsonb), now(), 'open')"
                + " ON CONFLICT (source_topic, source_partition, source_offset) DO NOTHING")
            .with("topic", topic).with("partition", partition).with("offset", offset).with("woId", woId)
            .with("raw", raw).with("reasons", reasons).update();
    }

    /** Keeps a pull's failed records, in one statement. */
    Uni<Integer> keepPulled(List<FailedRecord> records) {
        List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>(records.size());
        for (FailedRecord record : records) {
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("run_id", record.runId == null ? null : record.runId.toString());
            row.put("wo_id", record.woId);
            row.put("raw_record", record.rawRecord);
            row.put("reasons", org.serialgen.events.EventCodec.read(record.reasons, Object.class));
            rows.add(row);
        }
        return NativeSql.of("""
                INSERT INTO erp_failed_record (run_id, wo_id, raw_record, reasons, received_at, status)
                SELECT r.run_id, r.wo_id, r.raw_record, r.reasons, now(), 'open'
                FROM jsonb_to_recordset(CAST(CAST(:rows AS text) AS jsonb))
                    AS r(run_id uuid, wo_id text, raw_record text, reasons jsonb)""")
            .with("rows", org.serialgen.events.EventCodec.write(rows)).update();
    }

    /** Open, resolved or dismissed (null: all), newest first. */
    public Uni<Found> page(FailedRecordStatus status, PageRequest page) {
        var query = status == null ? findAll(Sort.descending("id"))
            : find("status = :status", Sort.descending("id"), Parameters.with("status", status));
        return query.count().flatMap(count -> query.page(page.index(), page.size()).list()
            .map(rows -> new Found(count, rows)));
    }

    public Uni<FailedRecord> locked(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Who resolved a failed record that was entered by hand (the event names no user). */
    static final String MANUAL_ENTRY = "manual entry";

    /**
     * The open failed records of a work order now entered by hand in the suite: resolved by that entry (the ERP's
     * record stays as it arrived, for the audit).
     */
    Uni<Integer> resolveByManualEntry(String woId) {
        return NativeSql.of("""
                UPDATE erp_failed_record SET status = 'resolved', resolved_at = now(), resolved_by = :by,
                    resolution = 'Entered by hand in the suite'
                WHERE wo_id = :woId AND status = 'open'""")
            .with("woId", woId).with("by", MANUAL_ENTRY).update();
    }

    public Uni<Long> countOpen() {
        return count("status", FailedRecordStatus.OPEN);
    }

    public Uni<FailedRecord> newest() {
        return findAll(Sort.descending("id")).firstResult();
    }
}
