package org.serialgen.generation.packing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.kit.persistence.NativeSql;

import io.smallrye.mutiny.Uni;

/**
 * Every query of {@code packing_container} and {@code packing_link}. Lists of keys travel as one newline-joined
 * parameter ({@code string_to_array}): 100 000 children are one statement, not 100 000.
 */
@ApplicationScoped
class PackingRepository {

    /** A container as recorded: whose, and of which level. */
    record Container(int workOrderId, String level) {
    }

    /** How much a level holds packed: containers with children, and children in containers. */
    record LevelCount(String level, long containers, long children) {
    }

    private static String joined(Collection<String> keys) {
        return String.join("\n", keys);
    }

    /**
     * Plans this transaction's statements for the tables as they are now. The packing tables grow from empty while a
     * line runs: a generic plan the connection cached when they were small scans them whole ever after (seen without
     * autovacuum, which would otherwise invalidate it).
     */
    Uni<Integer> planForTheirSizeNow() {
        return NativeSql.of("SET LOCAL plan_cache_mode = force_custom_plan").update();
    }

    /** The container, recorded at {@code level} if it is new, then locked until the transaction ends. */
    Uni<Container> lockedContainer(String container, int workOrderId, String level, Instant at) {
        return NativeSql.of("INSERT INTO packing_container (container, workorder_id, level, created_at)"
                + " VALUES (:c, :wo, :level, :at) ON CONFLICT DO NOTHING")
            .with("c", container).with("wo", workOrderId).with("level", level).with("at", at).update()
            .chain(() -> locked(container));
    }

    /** The container locked until the transaction ends, or null if nothing was ever packed into it. */
    Uni<Container> locked(String container) {
        return NativeSql.of("SELECT workorder_id, level FROM packing_container WHERE container = :c FOR UPDATE")
            .with("c", container).list(row -> new Container(row.getInt(0), row.getString(1)))
            .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** The recorded level of each of these containers that has one. */
    Uni<Map<String, String>> levels(Collection<String> containers) {
        if (containers.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return NativeSql.of("SELECT container, level FROM packing_container"
                + " WHERE container = ANY(string_to_array(:keys, chr(10)))")
            .with("keys", joined(containers))
            .list(row -> Map.entry(row.getString(0), row.getString(1)))
            .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** The container each of these numbers is in now, for those that are in one. */
    Uni<Map<String, String>> parentsOf(Collection<String> children) {
        return NativeSql.of("SELECT child, parent FROM packing_link WHERE unpacked_at IS NULL"
                + " AND child = ANY(string_to_array(:keys, chr(10)))")
            .with("keys", joined(children))
            .list(row -> Map.entry(row.getString(0), row.getString(1)))
            .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Of these numbers, those in a container or holding something now. */
    Uni<List<String>> packedAmong(int workOrderId, Collection<String> keys) {
        return NativeSql.of("""
                SELECT child FROM packing_link WHERE workorder_id = :wo AND unpacked_at IS NULL
                    AND child = ANY(string_to_array(:keys, chr(10)))
                UNION
                SELECT parent FROM packing_link WHERE workorder_id = :wo AND unpacked_at IS NULL
                    AND parent = ANY(string_to_array(:keys, chr(10)))""")
            .with("wo", workOrderId).with("keys", joined(keys)).column(String.class);
    }

    /**
     * Whether the work order has packed numbers of a kind: SSCCs ({@code 00…}), its items' serials ({@code 01} and
     * its GTIN), or its bundles' (any other GTIN).
     */
    Uni<Boolean> anyPacked(int workOrderId, String kind, String itemGtin) {
        String condition = switch (kind) {
            case "sscc" -> "(child LIKE '00%' OR parent LIKE '00%')";
            case "serial" -> "child LIKE :item";
            default -> "((child LIKE '01%' AND child NOT LIKE :item) OR parent LIKE '01%')";
        };
        return NativeSql.of("SELECT count(*) FROM packing_link WHERE workorder_id = :wo AND unpacked_at IS NULL AND "
                + condition)
            .with("wo", workOrderId).with("item", "01" + itemGtin + "%").single(row -> row.getLong(0) > 0);
    }

    Uni<Long> countChildren(String parent) {
        return NativeSql.of("SELECT count(*) FROM packing_link WHERE parent = :p AND unpacked_at IS NULL")
            .with("p", parent).single(row -> row.getLong(0));
    }

    /**
     * Links the children to the parent; a child that is in a container already (another request got there first)
     * is skipped, so the answer says how many were linked.
     */
    Uni<Integer> link(int workOrderId, String parent, List<String> children, String childLevel, UUID packingId,
                      Instant at, String user) {
        return NativeSql.of("""
                INSERT INTO packing_link (workorder_id, parent, child, child_level, packing_id, packed_at, packed_by)
                SELECT CAST(:wo AS integer), :parent, c, :level, CAST(:packing AS uuid), CAST(:at AS timestamptz), :by
                FROM unnest(string_to_array(:children, chr(10))) AS c
                ON CONFLICT (child) WHERE unpacked_at IS NULL DO NOTHING""")
            .with("wo", workOrderId).with("parent", parent).with("children", joined(children))
            .with("level", childLevel).with("packing", packingId).with("at", at).with("by", user).update();
    }

    /** Takes the children (or, when {@code children} is null, all) out of the parent; answers how many. */
    Uni<Integer> unlink(String parent, List<String> children, UUID unpackingId, Instant at, String user) {
        // every child: a condition that holds for each, so the statement keeps one shape and its parameters
        return NativeSql.of("UPDATE packing_link SET unpacking_id = CAST(:id AS uuid), unpacked_at = :at,"
                + " unpacked_by = :by WHERE parent = :p AND unpacked_at IS NULL"
                + " AND (CAST(:all AS boolean) OR child = ANY(string_to_array(:keys, chr(10))))")
            .with("id", unpackingId).with("at", at).with("by", user).with("p", parent)
            .with("all", children == null).with("keys", children == null ? "" : joined(children)).update();
    }

    /** A page of what the container holds now, in the order packed. */
    Uni<List<String>> children(String parent, int offset, int limit) {
        return NativeSql.of("SELECT child FROM packing_link WHERE parent = :p AND unpacked_at IS NULL"
                + " ORDER BY id OFFSET :offset LIMIT :limit")
            .with("p", parent).with("offset", offset).with("limit", limit).column(String.class);
    }

    /** Per level of the work order's breakdown: how many containers hold something, and how many children. */
    Uni<List<LevelCount>> counts(int workOrderId) {
        return NativeSql.of("""
                SELECT c.level, count(DISTINCT l.parent), count(*) FROM packing_link l
                JOIN packing_container c ON c.container = l.parent
                WHERE l.workorder_id = :wo AND l.unpacked_at IS NULL GROUP BY c.level ORDER BY c.level""")
            .with("wo", workOrderId)
            .list(row -> new LevelCount(row.getString(0), row.getLong(1), row.getLong(2)));
    }

    /** Every packing and unpacking of the work order, oldest first. */
    Uni<List<PackingEvent>> events(int workOrderId) {
        return NativeSql.of("""
                SELECT packing_id, false, parent, min(packed_at) FROM packing_link WHERE workorder_id = :wo
                GROUP BY packing_id, parent
                UNION ALL
                SELECT unpacking_id, true, parent, min(unpacked_at) FROM packing_link
                WHERE workorder_id = :wo AND unpacking_id IS NOT NULL GROUP BY unpacking_id, parent
                ORDER BY 4, 2, 3""")
            .with("wo", workOrderId)
            .list(row -> new PackingEvent(row.getUuid(0), row.getBoolean(1), row.getString(2), row.getInstant(3)));
    }

    /** The children one packing or unpacking moved. */
    Uni<List<String>> childrenOf(PackingEvent event) {
        return NativeSql.of("SELECT child FROM packing_link WHERE parent = :p AND "
                + (event.unpacking() ? "unpacking_id" : "packing_id") + " = CAST(:id AS uuid) ORDER BY id")
            .with("p", event.parent()).with("id", event.id()).column(String.class);
    }
}
