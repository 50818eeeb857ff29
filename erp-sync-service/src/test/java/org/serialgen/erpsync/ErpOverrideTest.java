package org.serialgen.erpsync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.serialgen.erpsync.ErpPullTest.OPERATOR;
import static org.serialgen.erpsync.ErpPullTest.erp;
import static org.serialgen.erpsync.ErpPullTest.newId;
import static org.serialgen.erpsync.ErpPullTest.put;
import static org.serialgen.erpsync.ErpPullTest.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.fakeerp.DemoWorkOrders;
import org.serialgen.testkit.TestKafka;
import org.serialgen.testkit.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Manual override of an ERP work order: kept by later syncs (the ERP's new values beside it) until lifted or forced
 * away; and an ERP record of a manual work order's wo_id, a conflict on the run.
 */
@QuarkusTest
class ErpOverrideTest {

    static final String ADMIN = TestTokens.bearer("ada.admin", "admin");

    static String override(String woId, String body, int status) {
        return given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(body)
            .put("/serial-generation/erp/workorders/" + woId + "/override").then().statusCode(status).extract()
            .asString();
    }

    static JsonPath view(String woId) {
        return given().header("Authorization", OPERATOR).get("/serial-generation/erp/workorders/" + woId + "/")
            .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void laterSyncsKeepAnOverrideUntilForced() {
        String woId = newId("OV");
        put(woId, 1_000);
        sync("{}");
        override(woId, "{\"quantity\": 900, \"serial_quantity\": 950, \"reason\": \"100 damaged in transit\"}", 200);
        List<WorkOrderSynced> forwarded = ErpWorkOrderSyncTest.forwarded(woId, 2, Duration.ofMillis(500));
        assertEquals(900, forwarded.get(1).quantity());
        assertEquals(950L, forwarded.get(1).serialQuantity());
        assertEquals(2, forwarded.get(1).revision());

        put(woId, 1_200);
        JsonPath kept = sync("{}");
        assertEquals("skipped_by_override", ErpPullTest.outcome(kept, woId));
        JsonPath held = view(woId);
        assertEquals(900, held.getInt("forwarded.quantity"));
        assertEquals(1_200, held.getInt("erp.quantity"), "the ERP's new value beside the override");
        assertEquals("100 damaged in transit", held.getString("override.reason"));
        assertEquals(2, ErpWorkOrderSyncTest.forwarded(woId, 2, Duration.ofSeconds(1)).size(), "nothing forwarded");

        put(woId, 1_300);
        JsonPath forced = sync("{\"force_update\": true}");
        assertEquals("updated", ErpPullTest.outcome(forced, woId));
        JsonPath after = view(woId);
        assertEquals(1_300, after.getInt("forwarded.quantity"));
        assertNull(after.get("override"), "forced away");
        WorkOrderSynced last = ErpWorkOrderSyncTest.forwarded(woId, 3, Duration.ofMillis(500)).get(2);
        assertEquals(1_300, last.quantity());
        assertNull(last.serialQuantity(), "the configuration computes the serials again");
        given().header("Authorization", ADMIN).get("/serial-generation/erp/actions/?wo_id=" + woId).then()
            .statusCode(200).body("results.action", hasItems("override_set", "override_lifted_by_force_update"));
    }

    @Test
    void liftingAnOverrideGivesTheSuiteTheErpsValuesAgain() {
        String woId = newId("LIFT");
        put(woId, 500);
        sync("{}");
        override(woId, "{\"wo_name\": \"Renamed batch\", \"reason\": \"typo in the ERP\"}", 200);
        assertEquals("Renamed batch", ErpWorkOrderSyncTest.forwarded(woId, 2, Duration.ofMillis(500)).get(1).woName());
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"reason\": \"fixed in the ERP\"}")
            .delete("/serial-generation/erp/workorders/" + woId + "/override").then().statusCode(200)
            .body("override", nullValue()).body("forwarded.wo_name", equalTo("Batch " + woId));
        assertEquals("Batch " + woId, ErpWorkOrderSyncTest.forwarded(woId, 3, Duration.ofMillis(500)).get(2).woName());
    }

    @Test
    void refusesAnOverrideThatSaysNothingOrWhyNotAndTheRolesThatMayNot() {
        String woId = newId("OVBAD");
        put(woId, 5);
        sync("{}");
        override(woId, "{\"reason\": \"nothing\"}", 400);
        override(woId, "{\"quantity\": 0, \"reason\": \" \"}", 400);
        given().header("Authorization", TestTokens.bearer("max", "manager")).contentType(ContentType.JSON)
            .body("{\"quantity\": 4, \"reason\": \"r\"}").put("/serial-generation/erp/workorders/" + woId + "/override")
            .then().statusCode(403);
        override("WO-NEVER-FROM-ERP", "{\"quantity\": 4, \"reason\": \"r\"}", 404);
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"reason\": \"none\"}")
            .delete("/serial-generation/erp/workorders/" + woId + "/override").then().statusCode(404)
            .body("code", equalTo("OVERRIDE_NOT_FOUND"));
    }

    @Test
    void anErpRecordOfAManualWorkOrdersWoIdIsAConflictOnTheRun() {
        String woId = newId("MAN");
        TestKafka.publish(Topics.WORKORDERS, woId, EventCodec.write(EventCodec.envelope(EventTypes.WORKORDER_SYNCED,
            new WorkOrderSynced(woId, "Entered by hand", DemoWorkOrders.gtin(7), "LM", LocalDate.now().plusYears(1),
                10, 1, Instant.now(), WorkOrderSynced.MANUAL))));
        org.awaitility.Awaitility.await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        put(woId, 10);
        JsonPath run = sync("{}");
        assertEquals("conflict", ErpPullTest.outcome(run, woId));
        org.junit.jupiter.api.Assertions.assertTrue(run.getInt("counts.conflicts") >= 1);
    }
}
