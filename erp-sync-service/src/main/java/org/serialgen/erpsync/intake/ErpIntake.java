package org.serialgen.erpsync.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.serialgen.erpsync.audit.ErpActions;
import org.serialgen.erpsync.config.ErpSettings;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderRules;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.kit.audit.AuditTrail;
import org.serialgen.kit.outbox.Outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Takes ERP records in, pushed or pulled alike, in the caller's transaction: each is read strictly and checked by the
 * suite's work-order rules; a record that fails is kept with its reasons and never forwarded; a valid one is kept as
 * the ERP's latest word and, unless an override holds, forwarded to the suite with the next revision when it
 * changed anything. A pulled record older than what the ERP said before changes nothing; of one work order's
 * records in one batch, the newest wins. An ERP record of a wo_id the suite has as a manual work order is a conflict:
 * forwarded, so that the suite shows it on that work order, and reported as such. A batch (a page) is decided in
 * memory and written in a few statements: the work orders, their events, the failed records.
 */
@ApplicationScoped
public class ErpIntake {

    private static final Logger LOG = Logger.getLogger(ErpIntake.class);

    private final ErpWorkOrderRepository workOrders;
    private final FailedRecordRepository failedRecords;
    private final Outbox outbox;
    private final ErpSettings settings;
    private final MeterRegistry registry;
    private final ErpActions actions;
    private final AuditTrail trail;

    ErpIntake(ErpWorkOrderRepository workOrders, FailedRecordRepository failedRecords, Outbox outbox,
              ErpSettings settings, MeterRegistry registry, ErpActions actions, AuditTrail trail) {
        this.trail = trail;
        this.workOrders = workOrders;
        this.failedRecords = failedRecords;
        this.outbox = outbox;
        this.settings = settings;
        this.registry = registry;
        this.actions = actions;
    }

    /** What a forward changes: the row to write, the event to publish (none when nothing changed), the outcome. */
    public record Forward(ErpWorkOrder row, Outbox.Event event, RecordOutcome outcome) {
    }

    /** A read of a candidate. */
    private record Read(Candidate candidate, ErpRecordReader.Read record) {
    }

    /** What a batch decided, to be written. */
    private static final class Writes {
        final List<IntakeResult> results = new ArrayList<>();
        final List<ErpWorkOrder> rows = new ArrayList<>();
        final List<Outbox.Event> events = new ArrayList<>();
        final List<Candidate> failed = new ArrayList<>();
        final List<Map<String, List<String>>> failures = new ArrayList<>();
        final List<ErpOverride> forcedAway = new ArrayList<>();
    }

    /** The earliest expiry taken: today (UTC), or earlier by the configured grace. */
    public LocalDate earliestExpiry() {
        return LocalDate.now(ZoneOffset.UTC).minus(settings.expiryGrace());
    }

    /** Takes a batch (a page, or one pushed record); {@code force}: the ERP's values win over any override. */
    public Uni<List<IntakeResult>> take(List<Candidate> batch, boolean force) {
        List<Read> reads = new ArrayList<>(batch.size());
        LocalDate earliest = earliestExpiry();
        for (Candidate candidate : batch) {
            String woId = candidate.record().path("wo_id").asText();
            reads.add(new Read(candidate, candidate.missing()
                ? new ErpRecordReader.Read(null, null, woId, Map.of("wo_id", List.of("The ERP has no work order "
                    + woId)))
                : ErpRecordReader.read(candidate.record(), candidate.pulled(), earliest)));
        }
        Map<String, Read> newest = newestPerWorkOrder(reads);
        return workOrders.lockedRows(newest.keySet()).flatMap(stored -> workOrders.overrides(newest.keySet())
            .flatMap(overrides -> workOrders.manual(newest.keySet())
                .map(manual -> decide(reads, newest, stored, overrides, manual, force))))
            .flatMap(this::write);
    }

    /** Of each work order's valid records in the batch, the one that changed last (pushed: the last one). */
    private static Map<String, Read> newestPerWorkOrder(List<Read> reads) {
        Map<String, Read> newest = new LinkedHashMap<>();
        for (Read read : reads) {
            if (read.record().ok()) {
                newest.merge(read.record().woId(), read, (kept, next) -> kept.record().changedAt() != null
                    && next.record().changedAt() != null && kept.record().changedAt().isAfter(next.record().changedAt())
                    ? kept : next);
            }
        }
        return newest;
    }

    private Writes decide(List<Read> reads, Map<String, Read> newest, Map<String, ErpWorkOrder> stored,
                          Map<String, ErpOverride> overrides, Set<String> manual, boolean force) {
        Writes writes = new Writes();
        for (Read read : reads) {
            writes.results.add(decide(read, newest, stored, overrides, manual, force, writes));
        }
        writes.results.forEach(result -> registry.counter("serialgen.erp.records", "outcome",
            result.outcome().code()).increment());
        return writes;
    }

    private IntakeResult decide(Read read, Map<String, Read> newest, Map<String, ErpWorkOrder> stored,
                                Map<String, ErpOverride> overrides, Set<String> manual, boolean force, Writes writes) {
        ErpRecordReader.Read record = read.record();
        if (!record.ok()) {
            writes.failed.add(read.candidate());
            writes.failures.add(record.problems());
            return new IntakeResult(record.woId(), RecordOutcome.FAILED, record.problems(), record.changedAt());
        }
        String woId = record.woId();
        if (newest.get(woId) != read) {
            return new IntakeResult(woId, RecordOutcome.UNCHANGED, Map.of("changed_at",
                List.of("A newer record of this work order came in the same batch")), record.changedAt());
        }
        ErpWorkOrder row = stored.get(woId);
        if (row != null && record.changedAt() != null && row.erpChangedAt != null
            && !record.changedAt().isAfter(row.erpChangedAt)) {
            return new IntakeResult(woId, RecordOutcome.UNCHANGED, Map.of("changed_at",
                List.of("Not newer than the record taken before (" + row.erpChangedAt + ")")), record.changedAt());
        }
        ErpOverride override = overrides.get(woId);
        if (override != null && force) {
            writes.forcedAway.add(override);
            override = null;
        }
        WorkOrderRules.Valid erp = record.valid();
        Instant now = Instant.now();
        boolean created = row == null;
        ErpWorkOrder target = created ? newRow(woId, now) : row;
        target.erpValues = EventCodec.write(Map.of("wo_name", erp.woName(), "gtin", erp.gtin(), "lot", erp.lot(),
            "expiry", erp.expiry().toString(), "quantity", erp.quantity()));
        if (record.changedAt() != null) {
            target.erpChangedAt = record.changedAt();
        }
        target.lastSyncedAt = now;
        if (override != null && !created) {
            writes.rows.add(target);
            return new IntakeResult(woId, RecordOutcome.SKIPPED_BY_OVERRIDE, null, record.changedAt());
        }
        Forward forward = forward(target, erp, null, created, manual.contains(woId));
        writes.rows.add(forward.row());
        if (forward.event() != null) {
            writes.events.add(forward.event());
        }
        return new IntakeResult(woId, forward.outcome(), forward.outcome() == RecordOutcome.CONFLICT
            ? Map.of("wo_id", List.of("A manual work order has this wo_id: the suite shows the ERP's record on it and "
                + "keeps its own values")) : null, record.changedAt());
    }

    /** The batch's writes: overrides forced away, work orders, their events, failed records. */
    private Uni<List<IntakeResult>> write(Writes writes) {
        return Multi.createFrom().iterable(writes.forcedAway).onItem().transformToUniAndConcatenate(override ->
                override.delete().call(() -> actions.record(ErpActions.OVERRIDE_FORCED_AWAY, override.woId, null,
                    "sync", "force_update", Map.of("override_reason", override.reason, "override_by",
                        override.createdBy))))
            .collect().last()
            .flatMap(ignored -> workOrders.upsertAll(writes.rows))
            .flatMap(ignored -> outbox.publishAll(writes.events))
            .flatMap(ignored -> keepFailed(writes))
            .flatMap(ignored -> trail.recordAll(audited(writes.results)))
            .replaceWith(writes.results);
    }

    /** Each record that changed something (a work order, a failed record), for the audit trail. */
    private static List<AuditTrail.Change> audited(List<IntakeResult> results) {
        return results.stream().filter(result -> result.outcome() != RecordOutcome.UNCHANGED).map(result -> {
            Map<String, Object> change = new java.util.LinkedHashMap<>();
            change.put("changed_at", result.changedAt() == null ? null : result.changedAt().toString());
            change.put("reasons", result.reasons());
            return new AuditTrail.Change("erp.record_" + result.outcome().code(), "erp_workorder", result.woId(),
                change);
        }).toList();
    }

    /**
     * Forwards the work order's content ({@code erp}, with the override's fields where one is given) if it changed:
     * the one way the suite learns of an ERP work order. Changes {@code row}; the caller writes it and the event.
     */
    public Forward forward(ErpWorkOrder row, WorkOrderRules.Valid erp, ErpOverride override, boolean created,
                           boolean manual) {
        String woName = override != null && override.woName != null ? override.woName : erp.woName();
        long quantity = override != null && override.quantity != null ? override.quantity : erp.quantity();
        Long serialQuantity = override == null ? null : override.serialQuantity;
        String hash = contentHash(erp.woId(), woName, erp.gtin(), erp.lot(), erp.expiry(), quantity, serialQuantity);
        if (!created && hash.equals(row.contentHash)) {
            return new Forward(row, null, RecordOutcome.UNCHANGED);
        }
        row.woName = woName;
        row.gtin = erp.gtin();
        row.lot = erp.lot();
        row.expiry = erp.expiry();
        row.quantity = quantity;
        row.serialQuantity = serialQuantity;
        row.contentHash = hash;
        row.revision += 1;
        if (manual) {
            LOG.warnf("ERP work order %s has the wo_id of a manual work order: forwarded as a conflict", row.woId);
        }
        WorkOrderSynced event = new WorkOrderSynced(row.woId, row.woName, row.gtin, row.lot, row.expiry, row.quantity,
            row.revision, Instant.now(), WorkOrderSynced.ERP, serialQuantity);
        return new Forward(row, new Outbox.Event(Topics.WORKORDERS, row.woId, EventTypes.WORKORDER_SYNCED, event),
            manual ? RecordOutcome.CONFLICT : created ? RecordOutcome.CREATED : RecordOutcome.UPDATED);
    }

    /** Writes one forward (an override set or lifted): the row and, if it changed, its event. */
    public Uni<Forward> write(Forward forward) {
        return workOrders.upsertAll(List.of(forward.row()))
            .flatMap(ignored -> outbox.publishAll(forward.event() == null ? List.of() : List.of(forward.event())))
            .replaceWith(forward);
    }

    private Uni<Integer> keepFailed(Writes writes) {
        Uni<Integer> kept = Uni.createFrom().item(0);
        List<FailedRecord> pulled = new ArrayList<>();
        for (int i = 0; i < writes.failed.size(); i++) {
            Candidate candidate = writes.failed.get(i);
            String woId = candidate.record().path("wo_id").isTextual()
                ? candidate.record().path("wo_id").asText().strip() : null;
            String id = woId == null ? null : woId.substring(0, Math.min(woId.length(), 200));
            String reasons = EventCodec.write(writes.failures.get(i));
            if (candidate.topic() != null) {
                LOG.warnf("ERP record %s-%d@%d rejected: %s", candidate.topic(), candidate.partition(),
                    candidate.offset(), writes.failures.get(i));
                kept = kept.flatMap(ignored -> failedRecords.keepPushed(candidate.topic(), candidate.partition(),
                    candidate.offset(), id, candidate.raw(), reasons));
            } else {
                FailedRecord failed = new FailedRecord();
                failed.runId = candidate.runId();
                failed.woId = id;
                failed.rawRecord = candidate.raw();
                failed.reasons = reasons;
                failed.receivedAt = Instant.now();
                pulled.add(failed);
            }
        }
        return pulled.isEmpty() ? kept : kept.flatMap(ignored -> failedRecords.keepPulled(pulled));
    }

    private static ErpWorkOrder newRow(String woId, Instant now) {
        ErpWorkOrder row = new ErpWorkOrder();
        row.woId = woId;
        row.firstSyncedAt = now;
        return row;
    }

    static String contentHash(String woId, String woName, String gtin, String lot, LocalDate expiry, long quantity,
                              Long serialQuantity) {
        String canonical = String.join("\u001f", woId, woName, gtin, lot, expiry.toString(), Long.toString(quantity),
            serialQuantity == null ? "" : Long.toString(serialQuantity));
        try {
            return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** What the ERP itself last said of a stored work order (its own record, whatever an override sets). */
    public static WorkOrderRules.Valid erpValues(ErpWorkOrder row) {
        if (row.erpValues == null) {
            return new WorkOrderRules.Valid(row.woId, row.woName, row.gtin, row.lot, row.expiry, row.quantity);
        }
        Map<String, Object> values = EventCodec.read(row.erpValues,
            new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        return new WorkOrderRules.Valid(row.woId, (String) values.get("wo_name"), (String) values.get("gtin"),
            (String) values.get("lot"), LocalDate.parse((String) values.get("expiry")),
            ((Number) values.get("quantity")).longValue());
    }
}
