package org.serialgen.erpsync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.serialgen.erpsync.ErpPullTest.OPERATOR;
import static org.serialgen.erpsync.ErpPullTest.erp;
import static org.serialgen.erpsync.ErpPullTest.newId;
import static org.serialgen.erpsync.ErpPullTest.put;
import static org.serialgen.erpsync.ErpPullTest.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.testkit.TestKafka;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Failed records: retried once the ERP fixed them, dismissed with a reason; a push that cannot be stored. */
@QuarkusTest
class ErpFailedRecordTest {

    static long failedRecordOf(String woId) {
        return given().header("Authorization", OPERATOR).get("/serial-generation/erp/failed-records/?status=open&page_size=100")
            .then().statusCode(200).extract().jsonPath().getLong("results.find { it.wo_id == '" + woId + "' }.id");
    }

    /** A record the ERP holds with a GTIN whose check digit is wrong (…18 where …17 is right). */
    static void putWithWrongCheckDigit(String woId) {
        erp().putRaw(woId, org.serialgen.fakeerp.FakeErp.JSON.createObjectNode().put("wo_id", woId)
            .put("wo_name", "Batch").put("gtin", "09520000000018").put("lot", "L1")
            .put("expiry", ErpPullTest.EXPIRY).put("quantity", 10));
    }

    @Test
    void aRetryFetchesTheRecordAgainAndTakesItOnceTheErpFixedIt() {
        String woId = newId("FIX");
        putWithWrongCheckDigit(woId);
        sync("{}");
        long id = failedRecordOf(woId);
        given().header("Authorization", OPERATOR).post("/serial-generation/erp/failed-records/" + id + "/retry")
            .then().statusCode(200).body("status", equalTo("open")).body("reasons.gtin[0]",
                startsWith("GTIN check digit is wrong"));

        put(woId, 10);
        given().header("Authorization", OPERATOR).post("/serial-generation/erp/failed-records/" + id + "/retry")
            .then().statusCode(200).body("status", equalTo("resolved")).body("resolved_by", equalTo("eric.erp"))
            .body("resolution", startsWith("Retried with the ERP's current record: created"));
        assertEquals(1, ErpWorkOrderSyncTest.forwarded(woId, 1, Duration.ofMillis(500)).size());
        given().header("Authorization", OPERATOR).post("/serial-generation/erp/failed-records/" + id + "/retry")
            .then().statusCode(409).body("code", equalTo("FAILED_RECORD_CLOSED"));
    }

    @Test
    void aWorkOrderEnteredByHandResolvesItsOpenFailedRecords() {
        String woId = newId("HAND");
        putWithWrongCheckDigit(woId);
        sync("{}");
        long id = failedRecordOf(woId);
        // generation-service announces the work order entered on its form
        TestKafka.publish(Topics.WORKORDERS, woId, EventCodec.write(EventCodec.envelope(EventTypes.WORKORDER_SYNCED,
            new WorkOrderSynced(woId, "By hand", "09520000000017", "L1", LocalDate.parse(ErpPullTest.EXPIRY), 10, 1,
                Instant.now(), WorkOrderSynced.MANUAL))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
            given().header("Authorization", OPERATOR).get("/serial-generation/erp/failed-records/" + id + "/")
                .then().statusCode(200).body("status", equalTo("resolved"))
                .body("resolution", equalTo("Entered by hand in the suite")));
    }

    @Test
    void aDismissalSaysWhyAndIsAudited() {
        String woId = newId("DIS");
        erp().putRaw(woId, org.serialgen.fakeerp.FakeErp.JSON.createObjectNode().put("wo_id", woId));
        sync("{}");
        long id = failedRecordOf(woId);
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{}")
            .post("/serial-generation/erp/failed-records/" + id + "/dismiss").then().statusCode(400);
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
            .body("{\"reason\": \"test order, cancelled in the ERP\"}")
            .post("/serial-generation/erp/failed-records/" + id + "/dismiss").then().statusCode(200)
            .body("status", equalTo("dismissed")).body("resolution", equalTo("test order, cancelled in the ERP"));
        given().header("Authorization", OPERATOR).get("/serial-generation/erp/failed-records/" + id + "/")
            .then().statusCode(200).body("status", equalTo("dismissed"));
        given().header("Authorization", OPERATOR).get("/serial-generation/erp/actions/?wo_id=" + woId)
            .then().body("results.action", hasItems("failed_record_dismissed"));
    }

    @Test
    void aPushedRecordThatCannotBeStoredGoesToTheDeadLetterTopicWithItsReason() {
        String woId = newId("NUL");
        TestKafka.publish(Topics.ERP_WORKORDERS, woId, "{\"wo_id\": \"" + woId + "\", \"wo_name\": \"a\\u0000b\","
            + " \"gtin\": \"09520000000011\", \"lot\": \"L\", \"expiry\": \"" + ErpPullTest.EXPIRY
            + "\", \"quantity\": 1}");
        var dead = TestKafka.records("dead-letter-topic-erp-workorders", value -> value.contains(woId), 1,
            Duration.ofSeconds(60), Duration.ofSeconds(1));
        assertEquals(1, dead.size());
        assertTrue(dead.get(0).headers().headers("dead-letter-reason").iterator().hasNext(),
            "the reason travels in the headers");
        // and the consumer moved on
        String next = newId("AFTER");
        TestKafka.publish(Topics.ERP_WORKORDERS, next, ErpWorkOrderSyncTest.erpRecord(next, "9506000134352", 7));
        assertEquals(1, ErpWorkOrderSyncTest.forwarded(next, 1, Duration.ofMillis(500)).size());
    }
}
