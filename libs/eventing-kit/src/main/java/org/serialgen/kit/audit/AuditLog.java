package org.serialgen.kit.audit;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.serialgen.events.EventCodec;
import org.serialgen.kit.persistence.NativeSql;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** Reads this service's audit trail in the order every service shares ({@link AuditQuery.Cursor}). */
@ApplicationScoped
public class AuditLog {

    private final String service;

    AuditLog(@ConfigProperty(name = "quarkus.application.name") String service) {
        this.service = service;
    }

    public Uni<AuditEntry.Page> page(AuditQuery query) {
        List<String> filters = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        filter(filters, values, "actor", query.actor());
        filter(filters, values, "action", query.action());
        filter(filters, values, "entity_type", query.entityType());
        filter(filters, values, "entity_id", query.entityId());
        filter(filters, values, "outcome", query.outcome());
        filter(filters, values, "request_id", query.requestId());
        if (query.from() != null) {
            filters.add("at >= :from_at");
            values.put("from_at", query.from().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            filters.add("at < :to_at");
            values.put("to_at", query.to().atOffset(ZoneOffset.UTC));
        }
        String where = filters.isEmpty() ? "" : " WHERE " + String.join(" AND ", filters);
        List<String> pageFilters = new ArrayList<>(filters);
        Map<String, Object> pageValues = new LinkedHashMap<>(values);
        if (query.before() != null) {
            pageFilters.add(before(query.before()));
            pageValues.put("before_at", query.before().at().atOffset(ZoneOffset.UTC));
            if (service.equals(query.before().service())) {
                pageValues.put("before_sequence", query.before().sequence());
            }
        }
        String pageWhere = pageFilters.isEmpty() ? "" : " WHERE " + String.join(" AND ", pageFilters);
        NativeSql count = NativeSql.of("SELECT count(*) FROM audit_entry" + where);
        values.forEach(count::with);
        NativeSql rows = NativeSql.of("""
                SELECT id, entry_id, at, service, actor, roles, action, entity_type, entity_id, outcome,
                       CAST(change AS text), request_id
                FROM audit_entry""" + pageWhere + " ORDER BY at DESC, id DESC LIMIT " + query.limit());
        pageValues.forEach(rows::with);
        return count.single(row -> row.getLong(0)).flatMap(total -> rows.list(row -> {
            AuditQuery.Cursor cursor = AuditQuery.Cursor.of(row.getInstant(2), row.getString(3), row.getLong(0));
            String roles = row.getString(5);
            String change = row.getString(10);
            return new AuditEntry(row.getUuid(1), cursor.at(), row.getString(3), row.getLong(0), row.getString(4),
                roles.isEmpty() ? List.of() : Arrays.asList(roles.split(",")), row.getString(6), row.getString(7),
                row.getString(8), row.getString(9), change == null ? null : EventCodec.read(change, JsonNode.class),
                row.getString(11), cursor.toString());
        }).map(entries -> new AuditEntry.Page(total, entries)));
    }

    /**
     * Entries after the cursor in the shared order (time, service, sequence; newest first). All of this service's
     * entries share its name, so the service part of the comparison is decided here, not in SQL.
     */
    private String before(AuditQuery.Cursor cursor) {
        int byService = service.compareTo(cursor.service());
        if (byService < 0) {
            return "at <= :before_at";
        }
        if (byService > 0) {
            return "at < :before_at";
        }
        return "(at, id) < (:before_at, :before_sequence)";
    }

    private static void filter(List<String> filters, Map<String, Object> values, String column, String value) {
        if (value != null) {
            filters.add(column + " = :" + column);
            values.put(column, value);
        }
    }
}
