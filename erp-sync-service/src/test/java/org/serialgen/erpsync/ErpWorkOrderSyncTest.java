package org.serialgen.erpsync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.serialgen.testkit.StoredJson;

import io.agroal.api.AgroalDataSource;
import org.serialgen.events.EventCodec;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.testkit.TestKafka;
import org.serialgen.testkit.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ErpWorkOrderSyncTest {

    @Inject
    AgroalDataSource dataSource;

    static final String OPERATOR = TestTokens.bearer("eric.erp", "erp-operator");

    static String erpRecord(String woId, String gtin, long quantity) {
        return """
            {"wo_id": "%s", "wo_name": "Batch %s", "gtin": "%s", "lot": "L-2026/11", "expiry": "2028-10-31",
             "quantity": %d}""".formatted(woId, woId, gtin, quantity);
    }

    static List<WorkOrderSynced> forwarded(String woId, int expected, Duration settle) {
        List<ConsumerRecord<String, String>> records = TestKafka.records(Topics.WORKORDERS,
            v -> v.contains("\"wo_id\":\"" + woId + "\""), expected, Duration.ofSeconds(30), settle);
        return records.stream()
            .map(r -> EventCodec.payload(EventCodec.readEnvelope(r.value()), WorkOrderSynced.class)).toList();
    }

    @Test
    void forwardsAValidWorkOrderOnceAndEachChangeWithTheNextRevision() {
        String woId = "WO-" + UUID.randomUUID().toString().substring(0, 8);
        TestKafka.publish(Topics.ERP_WORKORDERS, woId, erpRecord(woId, "9506000134352", 12_000));
        TestKafka.publish(Topics.ERP_WORKORDERS, woId, erpRecord(woId, "9506000134352", 12_000));
        List<WorkOrderSynced> first = forwarded(woId, 1, Duration.ofSeconds(4));
        assertEquals(1, first.size(), "the repeated record changed nothing");
        assertEquals("09506000134352", first.get(0).gtin(), "GTIN-13 cleansed to GTIN-14");
        assertEquals(1, first.get(0).revision());

        TestKafka.publish(Topics.ERP_WORKORDERS, woId, erpRecord(woId, "09506000134352", 12_500));
        List<WorkOrderSynced> both = forwarded(woId, 2, Duration.ofSeconds(2));
        assertEquals(2, both.size());
        assertEquals(12_500, both.get(1).quantity());
        assertEquals(2, both.get(1).revision());
    }

    @Test
    void keepsAnInvalidRecordWithItsReasonsAndForwardsNothing() throws Exception {
        String woId = "WO-BAD-" + UUID.randomUUID().toString().substring(0, 8);
        long failedBefore = given().header("Authorization", OPERATOR).get("/serial-generation/erp/status/")
            .then().statusCode(200).extract().jsonPath().getLong("failed_records");

        TestKafka.publish(Topics.ERP_WORKORDERS, woId, erpRecord(woId, "9506000134353", 0));
        TestKafka.publish(Topics.ERP_WORKORDERS, "garbage", "{not json");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().header("Authorization", OPERATOR).get("/serial-generation/erp/status/")
                .then().statusCode(200)
                .body("failed_records", greaterThanOrEqualTo((int) failedBefore + 2))
                .body("status", equalTo("failed")));
        given().header("Authorization", OPERATOR).get("/serial-generation/erp/failed-records/?page_size=10")
            .then().statusCode(200)
            .body("results.find { it.wo_id == '" + woId + "' }.reasons.gtin[0]",
                equalTo("GTIN check digit is wrong (expected 2)"))
            .body("results.find { it.wo_id == '" + woId + "' }.reasons.quantity[0]",
                equalTo("Must be between 1 and 100000000"));
        assertTrue(forwarded(woId, 0, Duration.ofSeconds(3)).isEmpty(), "an invalid record is never forwarded");
        StoredJson.assertColumn(dataSource, "erp_failed_record", "reasons", "object");
    }

    @Test
    void rejectsBadPagingAndMissingTokens() {
        given().header("Authorization", OPERATOR).get("/serial-generation/erp/failed-records/?page_size=1000")
            .then().statusCode(400).body("error", equalTo("validation_error"))
            .body("details.page_size[0]", equalTo("Must be between 1 and 100"));
        given().get("/serial-generation/erp/status/").then().statusCode(401).body("error", equalTo("unauthorized"));
    }
}
