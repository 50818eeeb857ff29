package org.serialgen.generation.workorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.serialgen.kit.configreplica.SerialDemand;
import org.serialgen.testkit.TestKafka;
import org.serialgen.testkit.TestTokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

/**
 * The work-order list at scale (issue #15): counts kept by triggers instead of count(*), pages past the middle read
 * from the other end, the search over one trigram-indexed column. Each is checked against what the table holds.
 */
@QuarkusTest
class WorkOrderListTest {

    static final String SUPERVISOR = TestTokens.bearer("sam.supervisor", "supervisor");
    /** Ids as Hibernate takes them (V8: the column has no default), one sequence value each. */
    static final String NEXT_ID = "nextval('workorder_serial_generation_id_seq')";
    static final String[] STATUSES = {"pending", "in_progress", "completed", "failed"};

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WorkOrderCounts counts;

    @Test
    void theCountsAreWhatTheTableHoldsAfterEveryKindOfWrite() throws Throwable {
        String tag = tag();
        sql("INSERT INTO workorder_serial_generation (id, wo_id, wo_name, wo_source, gtin, lot, expiry, quantity)"
            + " SELECT " + NEXT_ID + ", '" + tag + "-' || n, 'Batch ' || n,"
            + " CASE WHEN n % 3 = 0 THEN 'manual' ELSE 'erp' END,"
            + " '09506000134352', 'L' || n, DATE '2028-03-31', n FROM generate_series(1, 40) n");
        assertCountsMatchTheTable();
        // one statement moving many rows between statuses, some of them back where they were
        sql("UPDATE workorder_serial_generation SET serial_generation_status = CASE WHEN quantity % 4 = 0"
            + " THEN 'completed' WHEN quantity % 4 = 1 THEN 'failed' ELSE serial_generation_status END,"
            + " sscc_generation_status = CASE WHEN quantity % 5 = 0 THEN 'in_progress' ELSE sscc_generation_status"
            + " END WHERE wo_id LIKE '" + tag + "-%'");
        assertCountsMatchTheTable();
        // an update that changes no status appends nothing
        long rows = single("SELECT count(*) FROM workorder_count");
        sql("UPDATE workorder_serial_generation SET updated_at = now() WHERE wo_id LIKE '" + tag + "-%'");
        assertEquals(rows, single("SELECT count(*) FROM workorder_count"));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> counts.fold(0)));
        assertTrue(single("SELECT count(*) FROM workorder_count") <= 2 * 4 * 4, "one row per group after a fold");
        assertCountsMatchTheTable();
        deleteTagged(tag);
        assertCountsMatchTheTable();
    }

    @Test
    void pagesInEveryOrderingAndSizeAreTogetherTheWholeList() throws Exception {
        String tag = tag();
        // equal quantities, so the id has to break the ties the same way from either end
        sql("INSERT INTO workorder_serial_generation (id, wo_id, wo_name, wo_source, gtin, lot, expiry, quantity,"
            + " serial_generation_status) SELECT " + NEXT_ID + ", '" + tag + "-' || n, 'Batch ' || (n % 4),"
            + " 'manual', '09506000134352',"
            + " 'L1', DATE '2028-03-31', 1 + n % 3, 'failed' FROM generate_series(1, 11) n");
        try {
            for (String ordering : List.of("-id", "quantity", "-quantity", "wo_name")) {
                String selection = "search=" + tag + "&ordering=" + ordering;
                List<Integer> whole = ids(selection, 1, 100);
                assertEquals(11, whole.size());
                for (int size = 1; size <= 3; size++) {
                    List<Integer> paged = new ArrayList<>();
                    for (int page = 1; (page - 1) * size < whole.size(); page++) {
                        paged.addAll(ids(selection, page, size));
                    }
                    assertEquals(whole, paged, ordering + " by " + size);
                }
            }
            // the same from the counts (a status and a source, no search): the last page is read from the end
            String selection = "status=failed&source=manual&ordering=-id";
            JsonPath first = list(selection, 1, 100);
            int count = first.getInt("count");
            List<Integer> whole = first.getList("results.id", Integer.class);
            assertEquals(Math.min(count, 100), whole.size());
            List<Integer> paged = new ArrayList<>();
            for (int page = 1; paged.size() < whole.size(); page++) {
                paged.addAll(ids(selection, page, 3));
            }
            assertEquals(whole, paged.subList(0, whole.size()));
        } finally {
            deleteTagged(tag);
        }
    }

    @Test
    void theSearchFindsEachFieldWhateverItsCaseAndNoMatchAcrossFields() throws Exception {
        String tag = tag();
        sql("INSERT INTO workorder_serial_generation (id, wo_id, wo_name, wo_source, gtin, lot, expiry, quantity)"
            + " VALUES (" + NEXT_ID + ", '" + tag + "-A', 'Aspirin " + tag + "', 'manual', '09506000134352',"
            + " 'LOT" + tag + "',"
            + " DATE '2028-03-31', 5)");
        try {
            assertEquals(1, list("search=" + tag.toUpperCase() + "-a", 1, 20).getInt("count"));
            assertEquals(1, list("search=aspirin " + tag, 1, 20).getInt("count"));
            assertEquals(1, list("search=lot" + tag, 1, 20).getInt("count"));
            // the name's end and the GTIN's start do not make one match
            assertEquals(0, list("search=" + tag + "0950", 1, 20).getInt("count"));
            // LIKE's wildcards are searched for as themselves
            assertEquals(0, list("search=" + tag + "_a", 1, 20).getInt("count"));
            given().header("Authorization", SUPERVISOR).queryParam("search", tag + "\u001f09506")
                .get("/serial-generation/workorders/").then().statusCode(400)
                .body("details.search[0]", equalTo("Must not contain control characters"));
        } finally {
            deleteTagged(tag);
        }
    }

    @Test
    void aNewConfigurationRecomputesTheDemandOfPendingWorkOrdersOnly() throws Exception {
        String tag = tag();
        // pending ones of two quantities (one twice), a pending one whose demand was given, one already generating
        sql("INSERT INTO workorder_serial_generation (id, wo_id, wo_name, wo_source, gtin, lot, expiry, quantity,"
            + " total_requested_serials, serials_fixed, serial_generation_status) VALUES "
            + String.join(", ", demand(tag + "-1", 1000, 1, false, "pending"), demand(tag + "-2", 1000, 1, false,
                "pending"), demand(tag + "-3", 333, 1, false, "pending"), demand(tag + "-4", 1000, 7, true, "pending"),
                demand(tag + "-5", 1000, 9, false, "in_progress")));
        try {
            long version = TestKafka.nextConfigVersion();
            WorkOrderProjectionTest.publishConfig(version, "50.00");
            long forThousand = SerialDemand.serialsFor(1000, new BigDecimal("50.00"), new BigDecimal("5.00"));
            long forThreeHundred = SerialDemand.serialsFor(333, new BigDecimal("50.00"), new BigDecimal("5.00"));
            WorkOrderProjectionTest.eventually(() -> assertEquals(version, uncheckedSingle(
                "SELECT config_version FROM workorder_serial_generation WHERE wo_id = '" + tag + "-1'")));
            for (var expected : Map.of("-1", forThousand, "-2", forThousand, "-3", forThreeHundred, "-4", 7L, "-5", 9L)
                .entrySet()) {
                assertEquals(expected.getValue(), single("SELECT total_requested_serials FROM"
                    + " workorder_serial_generation WHERE wo_id = '" + tag + expected.getKey() + "'"),
                    expected.getKey());
            }
            assertEquals(0, single("SELECT count(*) FROM workorder_serial_generation WHERE wo_id IN ('" + tag
                + "-4', '" + tag + "-5') AND config_version IS NOT NULL"), "the given and the started keep theirs");
        } finally {
            // the percentages the other tests expect, in a newer version
            WorkOrderProjectionTest.publishConfig(TestKafka.nextConfigVersion(), "100.00");
            deleteTagged(tag);
        }
    }

    /** Every status filter and source filter, and both together, count as count(*) over the table does. */
    private void assertCountsMatchTheTable() throws SQLException {
        for (String source : new String[] {null, "erp", "manual"}) {
            for (String status : new String[] {null, STATUSES[0], STATUSES[1], STATUSES[2], STATUSES[3]}) {
                List<String> where = new ArrayList<>(List.of("true"));
                List<String> parameters = new ArrayList<>();
                if (source != null) {
                    where.add("wo_source = '" + source + "'");
                    parameters.add("source=" + source);
                }
                if (status != null) {
                    where.add("(sscc_generation_status = '" + status + "' OR serial_generation_status = '" + status
                        + "')");
                    parameters.add("status=" + status);
                }
                long counted = single("SELECT count(*) FROM workorder_serial_generation WHERE "
                    + String.join(" AND ", where));
                assertEquals(counted, list(String.join("&", parameters), 1, 1).getLong("count"), parameters.toString());
            }
        }
    }

    private static JsonPath list(String selection, int page, int size) {
        return given().header("Authorization", SUPERVISOR)
            .get("/serial-generation/workorders/?" + (selection.isEmpty() ? "" : selection + "&") + "page=" + page
                + "&page_size=" + size)
            .then().statusCode(200).extract().jsonPath();
    }

    private static List<Integer> ids(String selection, int page, int size) {
        return list(selection, page, size).getList("results.id", Integer.class);
    }

    private static String tag() {
        return "WOL" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void deleteTagged(String tag) throws SQLException {
        sql("DELETE FROM workorder_serial_generation WHERE wo_id LIKE '" + tag + "-%'");
    }

    private void sql(String statement) throws SQLException {
        try (var connection = dataSource.getConnection(); var run = connection.createStatement()) {
            run.executeUpdate(statement);
        }
    }

    /** The values of a work order with this quantity, serial demand (given or not) and serial status. */
    private static String demand(String woId, long quantity, long serials, boolean given, String status) {
        return "(" + NEXT_ID + ", '" + woId + "', 'Batch', 'erp', '09506000134352', 'L1', DATE '2028-03-31', "
            + quantity + ", " + serials + ", " + given + ", '" + status + "')";
    }

    private long uncheckedSingle(String query) {
        try {
            return single(query);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long single(String query) throws SQLException {
        try (var connection = dataSource.getConnection(); var run = connection.createStatement();
             var rs = run.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
