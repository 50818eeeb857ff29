package org.serialgen.erpsync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.fakeerp.DemoWorkOrders;
import org.serialgen.fakeerp.FakeErp;
import org.serialgen.testkit.TestTokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The pull from the ERP (faked: a third party) on real PostgreSQL and Kafka: everything changed since the last run,
 * page by page, and the work orders named; the high-water mark; a malformed page failing the run without half of it
 * applied; a second request while a run is active.
 */
@QuarkusTest
class ErpPullTest {

    @jakarta.inject.Inject
    AgroalDataSource dataSource;

    static final String OPERATOR = TestTokens.bearer("eric.erp", "erp-operator");
    static final String EXPIRY = LocalDate.now().plusYears(2).toString();

    static FakeErp erp() {
        return FakeErpResource.erp();
    }

    static String newId(String tag) {
        return "WO-" + tag + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void put(String woId, long quantity) {
        erp().put(woId, "Batch " + woId, DemoWorkOrders.gtin(7), "L1", EXPIRY, quantity);
    }

    /** Asks for a sync and answers the run once it has ended. */
    static JsonPath sync(String body) {
        String id = given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(body)
            .post("/serial-generation/erp/sync/").then().statusCode(202).body("sync_id", notNullValue())
            .extract().jsonPath().getString("sync_id");
        return finished(id);
    }

    @org.junit.jupiter.api.BeforeEach
    void behave() {
        erp().trouble(FakeErp.Trouble.NONE, 0);
    }

    static JsonPath finished(String runId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
            !"running".equals(run(runId).getString("status")));
        return run(runId);
    }

    static JsonPath run(String runId) {
        return given().header("Authorization", OPERATOR).get("/serial-generation/erp/syncs/" + runId + "/?page_size=100")
            .then().statusCode(200).extract().jsonPath();
    }

    /** What the run did with a work order's record. */
    static String outcome(JsonPath run, String woId) {
        return run.getString("records.results.find { it.wo_id == '" + woId + "' }.outcome");
    }

    @Test
    void pullsEverythingChangedSinceTheLastRunPageByPage() {
        sync("{}"); // whatever earlier tests left in the fake ERP
        List<String> ids = List.of(newId("P"), newId("P"), newId("P"), newId("P"), newId("P"), newId("P"),
            newId("P"));
        ids.forEach(id -> put(id, 1_000));

        JsonPath run = sync("{}");
        assertEquals("succeeded", run.getString("status"));
        assertEquals("changed_since", run.getString("mode"));
        assertTrue(run.getInt("counts.created") >= 7);
        assertTrue(run.getInt("counts.pages") >= 3, "pages of three");
        for (String id : ids) {
            assertEquals("created", outcome(run, id));
        }
        assertEquals("user", run.getString("trigger"));
        assertEquals("eric.erp", run.getString("triggered_by"));
        for (String id : ids) {
            List<WorkOrderSynced> forwarded = ErpWorkOrderSyncTest.forwarded(id, 1, Duration.ofMillis(200));
            assertEquals(1, forwarded.size(), id);
            assertEquals(DemoWorkOrders.gtin(7), forwarded.get(0).gtin());
        }

        // the next run reads from the high-water mark on: only what changed since
        put(ids.get(3), 2_000);
        JsonPath next = sync("{}");
        assertEquals(1, next.getInt("counts.fetched"));
        assertEquals(1, next.getInt("counts.updated"));
        assertEquals(run.getString("high_water_after"), next.getString("high_water_before"));
        assertTrue(erp().requests().stream().anyMatch(r -> r.contains("changed_since=")), "asked changed_since");
        List<WorkOrderSynced> changed = ErpWorkOrderSyncTest.forwarded(ids.get(3), 2, Duration.ofMillis(500));
        assertEquals(2, changed.get(1).revision());
        assertEquals(2_000, changed.get(1).quantity());
        assertEquals(0, sync("{}").getInt("counts.fetched"));
    }

    @Test
    void pullsTheWorkOrdersNamedAndSaysWhichTheErpHasNot() {
        String a = newId("ID");
        String b = newId("ID");
        String missing = newId("ID");
        put(a, 10);
        put(b, 20);
        JsonPath run = sync("{\"work_order_ids\": [\"" + a + "\", \"" + b + "\", \"" + missing + "\"]}");
        assertEquals("by_ids", run.getString("mode"));
        assertEquals(2, run.getInt("counts.created"));
        assertEquals(1, run.getInt("counts.failed"));
        assertEquals("The ERP has no work order " + missing,
            run.getString("records.results.find { it.wo_id == '" + missing + "' }.reasons.wo_id[0]"));
        given().header("Authorization", OPERATOR).get("/serial-generation/erp/failed-records/?status=open")
            .then().statusCode(200).body("results.wo_id", hasItem(missing));
    }

    @Test
    void aMalformedPageFailsTheRunAndKeepsWhatCameBefore() {
        sync("{}");
        List<String> ids = List.of(newId("M"), newId("M"), newId("M"), newId("M"));
        ids.forEach(id -> put(id, 5));
        erp().trouble(FakeErp.Trouble.GARBAGE_PAGE, 1, 1);
        JsonPath failed = sync("{}");
        assertEquals("failed", failed.getString("status"));
        assertEquals("malformed_page", failed.getString("failure_class"));
        assertEquals(3, failed.getInt("counts.fetched"), "the first page stored, the second not half applied");
        given().header("Authorization", OPERATOR).get("/serial-generation/erp/status/").then()
            .body("status", equalTo("failed")).body("last_run.failure_class", equalTo("malformed_page"));

        JsonPath next = sync("{}");
        assertEquals("succeeded", next.getString("status"));
        assertEquals(1, next.getInt("counts.fetched"), "the next run goes on from the high-water mark");
        assertEquals(failed.getString("high_water_after"), next.getString("high_water_before"));
    }

    @Test
    void aSecondRequestWhileARunIsActiveAnswersThatRun() {
        put(newId("BUSY"), 1);
        erp().slowness(Duration.ofMillis(700));
        // two slow calls: a confirmation the tick sends meanwhile may take the first
        erp().trouble(FakeErp.Trouble.DELAY, 2);
        String first = given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{}")
            .post("/serial-generation/erp/sync/").then().statusCode(202).body("status", equalTo("initiated"))
            .extract().jsonPath().getString("sync_id");
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{}")
            .post("/serial-generation/erp/sync/").then().statusCode(202).body("status", equalTo("in_progress"))
            .body("sync_id", equalTo(first));
        given().header("Authorization", OPERATOR).get("/serial-generation/erp/status/").then()
            .body("status", equalTo("running")).body("running_sync_id", equalTo(first));
        assertEquals("succeeded", finished(first).getString("status"));
        assertNotEquals(first, sync("{}").getString("id"));
    }

    @Test
    void aRunWhoseReplicaDiedIsAbandonedOnceItsLeaseExpiresAndTheLeaseIsFreed() throws SQLException {
        // what a replica killed mid-run leaves: its run running, its lease no longer renewed
        UUID orphan = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement run = connection.prepareStatement("INSERT INTO erp_sync_run (id, trigger, triggered_by,"
                 + " mode, status, started_at) VALUES (?, 'user', 'eric.erp', 'changed_since', 'running',"
                 + " now() - interval '1 minute')");
             PreparedStatement lease = connection.prepareStatement("UPDATE erp_sync_state SET lease_holder ="
                 + " 'erp-sync-killed-replica', lease_run_id = ?, lease_expires_at = now() + interval '3 seconds'")) {
            run.setObject(1, orphan);
            run.executeUpdate();
            lease.setObject(1, orphan);
            lease.executeUpdate();
        }
        given().header("Authorization", OPERATOR).get("/serial-generation/erp/status/").then()
            .body("status", equalTo("running")).body("running_sync_id", equalTo(orphan.toString()));

        // no one asks for another run: the schedule's tick finds the lease expired by itself
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
            "abandoned".equals(run(orphan.toString()).getString("status")));
        JsonPath abandoned = run(orphan.toString());
        assertNotNull(abandoned.getString("finished_at"));
        given().header("Authorization", OPERATOR).get("/serial-generation/erp/status/").then()
            .body("running_sync_id", nullValue());
        String woId = newId("AFTER");
        put(woId, 5);
        JsonPath next = sync("{}");
        assertEquals("succeeded", next.getString("status"));
        assertEquals("created", outcome(next, woId));
    }

    @Test
    void onlyTheRolesThatMayAskForASyncCan() {
        given().header("Authorization", TestTokens.bearer("vic", "viewer")).contentType(ContentType.JSON).body("{}")
            .post("/serial-generation/erp/sync/").then().statusCode(403).body("error", equalTo("forbidden"));
        given().header("Authorization", TestTokens.bearer("sam", "supervisor")).contentType(ContentType.JSON)
            .body("{}").post("/serial-generation/erp/sync/").then().statusCode(403);
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
            .body("{\"work_order_ids\": [\"not a wo id!\"]}").post("/serial-generation/erp/sync/")
            .then().statusCode(400).body("details.work_order_ids[0]", notNullValue());
        given().header("Authorization", TestTokens.bearer("vic", "viewer")).get("/serial-generation/erp/status/")
            .then().statusCode(200).body("pull_configured", equalTo(true))
            .body("next_scheduled_sync", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", TestTokens.bearer("vic", "viewer")).get("/serial-generation/erp/syncs/")
            .then().statusCode(200).body("count", org.hamcrest.Matchers.greaterThan(0));
    }
}
