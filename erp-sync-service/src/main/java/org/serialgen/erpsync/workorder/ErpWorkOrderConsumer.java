package org.serialgen.erpsync.workorder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.serialgen.events.ErpWorkOrder;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventCodec.MalformedEventException;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderRules;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.kit.outbox.Outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Takes work orders from the ERP topic. A valid record is stored and, when it is new or differs from the stored
 * version, forwarded on {@link Topics#WORKORDERS} with the next revision, in one transaction. The ERP's records carry
 * no event id, so a redelivered or repeated record is recognised by its content: same content, nothing happens. An
 * invalid record is kept with its reasons (once per topic offset) and never forwarded.
 */
@ApplicationScoped
public class ErpWorkOrderConsumer {

    private static final Logger LOG = Logger.getLogger(ErpWorkOrderConsumer.class);

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry registry;

    @Incoming("erp-workorders")
    public Uni<Void> onRecord(ConsumerRecord<String, String> record) {
        ErpWorkOrder parsed;
        try {
            parsed = EventCodec.read(record.value() == null ? "" : record.value(), ErpWorkOrder.class);
        } catch (MalformedEventException e) {
            return fail(record, null, Map.of("record", List.of("Not a JSON work order: " + e.getMessage())));
        }
        WorkOrderRules.Outcome outcome = WorkOrderRules.check(parsed);
        return outcome.valid() != null ? sync(outcome.valid()) : fail(record, parsed.woId(), outcome.problems());
    }

    private Uni<Void> sync(WorkOrderRules.Valid wo) {
        String hash = contentHash(wo);
        return Panache.withTransaction(() -> ErpWorkOrderEntity.<ErpWorkOrderEntity>findById(wo.woId(),
                LockModeType.PESSIMISTIC_WRITE)
            .flatMap(stored -> {
                Instant now = Instant.now();
                if (stored != null && stored.contentHash.equals(hash)) {
                    stored.lastSyncedAt = now;
                    return Uni.createFrom().voidItem();
                }
                ErpWorkOrderEntity row = stored != null ? stored : new ErpWorkOrderEntity();
                if (stored == null) {
                    row.woId = wo.woId();
                    row.firstSyncedAt = now;
                    row.revision = 0;
                }
                row.woName = wo.woName();
                row.gtin = wo.gtin();
                row.lot = wo.lot();
                row.expiry = wo.expiry();
                row.quantity = wo.quantity();
                row.revision += 1;
                row.contentHash = hash;
                row.lastSyncedAt = now;
                WorkOrderSynced event = new WorkOrderSynced(row.woId, row.woName, row.gtin, row.lot, row.expiry,
                    row.quantity, row.revision, now, WorkOrderSynced.ERP);
                return row.persist()
                    .call(() -> outbox.publish(Topics.WORKORDERS, row.woId, EventTypes.WORKORDER_SYNCED, event))
                    .invoke(() -> registry.counter("serialgen.erp.records", "outcome", "synced").increment())
                    .replaceWithVoid();
            }));
    }

    private Uni<Void> fail(ConsumerRecord<String, String> record, String woId, Map<String, List<String>> problems) {
        LOG.warnf("ERP record %s-%d@%d rejected: %s", record.topic(), record.partition(), record.offset(), problems);
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                "INSERT INTO erp_failed_record (source_topic, source_partition, source_offset, wo_id, raw_record,"
                    + " reasons, received_at) VALUES (:topic, :partition, :offset, :woId, :raw, CAST(CAST(:reasons AS text) AS jsonb),"
                    + " :at) ON CONFLICT (source_topic, source_partition, source_offset) DO NOTHING")
                .setParameter("topic", record.topic())
                .setParameter("partition", record.partition())
                .setParameter("offset", record.offset())
                .setParameter("woId", woId == null ? null : woId.substring(0, Math.min(woId.length(), 200)))
                .setParameter("raw", record.value() == null ? "" : record.value())
                .setParameter("reasons", EventCodec.write(problems))
                .setParameter("at", Instant.now())
                .executeUpdate()))
            .invoke(() -> registry.counter("serialgen.erp.records", "outcome", "failed").increment())
            .replaceWithVoid();
    }

    static String contentHash(WorkOrderRules.Valid wo) {
        String canonical = String.join("\u001f", wo.woId(), wo.woName(), wo.gtin(), wo.lot(), wo.expiry().toString(),
            Long.toString(wo.quantity()));
        try {
            return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
