package org.serialgen.erpsync.intake;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.events.EventCodec;
import org.serialgen.kit.persistence.NativeSql;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Every query of ERP work orders, their overrides, and the wo_ids of the suite's manual work orders. */
@ApplicationScoped
public class ErpWorkOrderRepository implements PanacheRepositoryBase<ErpWorkOrder, String> {

    private static final String COLUMNS = "wo_id, wo_name, gtin, lot, expiry, quantity, serial_quantity, revision,"
        + " content_hash, CAST(erp_values AS text), erp_changed_at, first_synced_at, last_synced_at";

    /**
     * The stored work orders of these wo_ids, locked FOR UPDATE, by wo_id: plain rows for the intake to decide on
     * and {@link #upsertAll} to write back, never managed by the session.
     */
    Uni<Map<String, ErpWorkOrder>> lockedRows(Set<String> woIds) {
        return woIds.isEmpty() ? Uni.createFrom().item(Map.of())
            : NativeSql.of("SELECT " + COLUMNS + " FROM erp_workorder WHERE wo_id IN (:ids) ORDER BY wo_id FOR UPDATE")
                .with("ids", woIds).list(ErpWorkOrderRepository::row)
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> row.woId, Function.identity())));
    }

    /** One stored work order as a plain row, locked; null when the ERP never sent it. */
    public Uni<ErpWorkOrder> lockedRow(String woId) {
        return lockedRows(Set.of(woId)).map(rows -> rows.get(woId));
    }

    /** Writes the rows (new ones inserted, known ones changed), in one statement. */
    Uni<Integer> upsertAll(java.util.Collection<ErpWorkOrder> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Map<String, Object>> values = new java.util.ArrayList<>(rows.size());
        for (ErpWorkOrder row : rows) {
            Map<String, Object> value = new java.util.LinkedHashMap<>();
            value.put("wo_id", row.woId);
            value.put("wo_name", row.woName);
            value.put("gtin", row.gtin);
            value.put("lot", row.lot);
            value.put("expiry", row.expiry.toString());
            value.put("quantity", row.quantity);
            value.put("serial_quantity", row.serialQuantity);
            value.put("revision", row.revision);
            value.put("content_hash", row.contentHash);
            value.put("erp_values", row.erpValues == null ? null : EventCodec.read(row.erpValues, Object.class));
            value.put("erp_changed_at", row.erpChangedAt == null ? null : row.erpChangedAt.toString());
            value.put("first_synced_at", row.firstSyncedAt.toString());
            value.put("last_synced_at", row.lastSyncedAt.toString());
            values.add(value);
        }
        return NativeSql.of("""
                INSERT INTO erp_workorder (wo_id, wo_name, gtin, lot, expiry, quantity, serial_quantity, revision,
                    content_hash, erp_values, erp_changed_at, first_synced_at, last_synced_at)
                SELECT r.wo_id, r.wo_name, r.gtin, r.lot, r.expiry, r.quantity, r.serial_quantity, r.revision,
                    r.content_hash, r.erp_values, r.erp_changed_at, r.first_synced_at, r.last_synced_at
                FROM jsonb_to_recordset(CAST(CAST(:rows AS text) AS jsonb)) AS r(wo_id text, wo_name text, gtin text,
                    lot text, expiry date, quantity bigint, serial_quantity bigint, revision bigint, content_hash text,
                    erp_values jsonb, erp_changed_at timestamptz, first_synced_at timestamptz,
                    last_synced_at timestamptz)
                ON CONFLICT (wo_id) DO UPDATE SET wo_name = excluded.wo_name, gtin = excluded.gtin,
                    lot = excluded.lot, expiry = excluded.expiry, quantity = excluded.quantity,
                    serial_quantity = excluded.serial_quantity, revision = excluded.revision,
                    content_hash = excluded.content_hash, erp_values = excluded.erp_values,
                    erp_changed_at = excluded.erp_changed_at, last_synced_at = excluded.last_synced_at""")
            .with("rows", EventCodec.write(values)).update();
    }

    private static ErpWorkOrder row(org.serialgen.kit.persistence.Row r) {
        ErpWorkOrder row = new ErpWorkOrder();
        row.woId = r.getString(0);
        row.woName = r.getString(1);
        row.gtin = r.getString(2);
        row.lot = r.getString(3);
        row.expiry = r.getDate(4);
        row.quantity = r.getLong(5);
        row.serialQuantity = r.getNullableLong(6);
        row.revision = r.getLong(7);
        row.contentHash = r.getString(8);
        row.erpValues = r.getString(9);
        row.erpChangedAt = r.getInstant(10);
        row.firstSyncedAt = r.getInstant(11);
        row.lastSyncedAt = r.getInstant(12);
        return row;
    }

    public Uni<Map<String, ErpOverride>> overrides(Set<String> woIds) {
        return woIds.isEmpty() ? Uni.createFrom().item(Map.of())
            : ErpOverride.<ErpOverride>list("woId in ?1", woIds)
                .map(rows -> rows.stream().collect(Collectors.toMap(row -> row.woId, Function.identity())));
    }

    public Uni<ErpOverride> override(String woId) {
        return ErpOverride.findById(woId);
    }

    /** Which of these wo_ids the suite has as manual work orders. */
    Uni<Set<String>> manual(Set<String> woIds) {
        return woIds.isEmpty() ? Uni.createFrom().item(Set.of())
            : NativeSql.of("SELECT wo_id FROM manual_workorder WHERE wo_id IN (:ids)").with("ids", woIds)
                .column(String.class).map(Set::copyOf);
    }

    /** Notes a manual work order's wo_id (repeats change nothing). */
    public Uni<Integer> noteManual(String woId) {
        return NativeSql.of("INSERT INTO manual_workorder (wo_id, seen_at) VALUES (:id, now()) ON CONFLICT DO NOTHING")
            .with("id", woId).update();
    }

    /** A page of ERP work orders, newest sync first (only the overridden ones, if asked), and how many in all. */
    public record Found(long count, List<ErpWorkOrder> rows) {
    }

    public Uni<Found> page(boolean overriddenOnly, org.serialgen.kit.paging.PageRequest page) {
        var query = overriddenOnly
            ? find("woId in (select o.woId from ErpOverride o)", Sort.descending("lastSyncedAt"))
            : findAll(Sort.descending("lastSyncedAt"));
        return query.count().flatMap(count -> query.page(page.index(), page.size()).list()
            .map(rows -> new Found(count, rows)));
    }

    public Uni<ErpWorkOrder> lastSynced() {
        return findAll(Sort.descending("lastSyncedAt")).firstResult();
    }
}
