package org.serialgen.generation.workorder;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.serialgen.events.AggregationComputed;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.ConfigDocument;
import org.serialgen.events.ConfigDocument.AggregationRule;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventEnvelope;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.testkit.TestKafka;
import org.serialgen.testkit.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkOrderProjectionTest {

    static final String SUPERVISOR = TestTokens.bearer("sam.supervisor", "supervisor");

    static void publish(String topic, String key, String eventType, Object payload) {
        TestKafka.publish(topic, key, EventCodec.write(EventCodec.envelope(eventType, payload)));
    }

    static void publishConfig(long version, String manufacturing) {
        ConfigDocument document = new ConfigDocument(List.of(), List.of(), true, new BigDecimal(manufacturing),
            new BigDecimal("5.00"), Map.of("l1", new AggregationRule(true, 1L)), List.of(), null, new BigDecimal("80"));
        publish(Topics.CONFIG, "config", EventTypes.CONFIG_ACTIVATED,
            new ConfigActivated(version, document, "test", Instant.now()));
    }

    static WorkOrderSynced workOrder(String woId, long quantity, long revision) {
        return new WorkOrderSynced(woId, "Batch " + woId, "09506000134352", "LOT-1", LocalDate.of(2028, 3, 31),
            quantity, revision, Instant.now(), WorkOrderSynced.ERP);
    }

    static AggregationComputed aggregation(String woId, long revision, long sscc) {
        return new AggregationComputed(woId, 1_000, revision, "config:v1", List.of(), sscc, 0);
    }

    static ValidatableResponse workOrderView(String woId) {
        return given().header("Authorization", SUPERVISOR).get("/serial-generation/workorders/" + woId + "/").then();
    }

    static void eventually(Runnable assertion) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(assertion::run);
    }

    static String newWoId() {
        return "WO-GEN-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @Order(1)
    void upsertsAnErpWorkOrderWithDemandsFromConfigAndAggregation() {
        publishConfig(TestKafka.nextConfigVersion(), "100.00");
        String woId = newWoId();
        publish(Topics.WORKORDERS, woId, EventTypes.WORKORDER_SYNCED, workOrder(woId, 1_000, 1));
        publish(Topics.AGGREGATION, woId, EventTypes.AGGREGATION_COMPUTED, aggregation(woId, 1, 10));
        eventually(() -> workOrderView(woId).statusCode(200)
            .body("wo_source", equalTo("erp"))
            .body("serial_generation_status", equalTo("pending"))
            .body("sscc_generation_status", equalTo("pending"))
            .body("total_requested_serials", equalTo(1_050))
            .body("total_requested_sscc", equalTo(10))
            .body("lot", equalTo("LOT-1")));
    }

    @Test
    @Order(2)
    void toleratesReorderingAndDuplicates() {
        String woId = newWoId();
        // the aggregation result overtakes the work order it belongs to
        publish(Topics.AGGREGATION, woId, EventTypes.AGGREGATION_COMPUTED, aggregation(woId, 2, 12));
        publish(Topics.AGGREGATION, woId, EventTypes.AGGREGATION_COMPUTED, aggregation(woId, 1, 99));
        EventEnvelope revision2 = EventCodec.envelope(EventTypes.WORKORDER_SYNCED, workOrder(woId, 2_000, 2));
        TestKafka.publish(Topics.WORKORDERS, woId, EventCodec.write(revision2));
        publish(Topics.WORKORDERS, woId, EventTypes.WORKORDER_SYNCED, workOrder(woId, 1_000, 1));
        TestKafka.publish(Topics.WORKORDERS, woId, EventCodec.write(revision2));
        eventually(() -> workOrderView(woId).statusCode(200)
            .body("quantity", equalTo(2_000))
            .body("total_requested_sscc", equalTo(12)));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            workOrderView(woId).body("quantity", equalTo(2_000)).body("total_requested_sscc", equalTo(12)));
        given().header("Authorization", SUPERVISOR).get("/serial-generation/workorders/?search=" + woId)
            .then().statusCode(200).body("count", equalTo(1));
    }

    @Test
    @Order(2)
    void aBurstInOneBatchKeepsTheNewestRevisionOfEachWorkOrder() {
        List<String> woIds = java.util.stream.IntStream.range(0, 40)
            .mapToObj(i -> "WO-BURST-" + UUID.randomUUID().toString().substring(0, 8)).toList();
        List<String> workOrders = new java.util.ArrayList<>();
        List<String> aggregations = new java.util.ArrayList<>();
        for (String woId : woIds) {
            // in each batch: revision 2, its older revision 1 after it, revision 3, and revision 2 again
            for (long revision : new long[] {2, 1, 3, 2}) {
                workOrders.add(EventCodec.write(EventCodec.envelope(EventTypes.WORKORDER_SYNCED,
                    workOrder(woId, 1_000 * revision, revision))));
                aggregations.add(EventCodec.write(EventCodec.envelope(EventTypes.AGGREGATION_COMPUTED,
                    aggregation(woId, revision, 10 * revision))));
            }
        }
        TestKafka.publishAll(Topics.AGGREGATION, "burst", aggregations);
        TestKafka.publishAll(Topics.WORKORDERS, "burst", workOrders);
        for (String woId : woIds) {
            eventually(() -> workOrderView(woId).statusCode(200)
                .body("quantity", equalTo(3_000))
                .body("total_requested_sscc", equalTo(30)));
        }
        given().header("Authorization", SUPERVISOR).get("/serial-generation/workorders/?search=" + woIds.get(0))
            .then().statusCode(200).body("count", equalTo(1));
    }

    @Test
    @Order(3)
    void recomputesPendingWorkOrdersWhenTheConfigurationChanges() {
        String woId = newWoId();
        publish(Topics.WORKORDERS, woId, EventTypes.WORKORDER_SYNCED, workOrder(woId, 1_000, 1));
        eventually(() -> workOrderView(woId).statusCode(200).body("total_requested_serials", equalTo(1_050)));
        long newer = TestKafka.nextConfigVersion();
        publishConfig(newer, "50.00");
        eventually(() -> workOrderView(woId).body("total_requested_serials", equalTo(525))
            .body("config_version", equalTo(newer)));
        publishConfig(newer - 1, "100.00");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            workOrderView(woId).body("total_requested_serials", equalTo(525)));
    }

    @Test
    @Order(4)
    void listsWithTheSpecShapeFiltersAndPages() {
        eventually(() -> given().header("Authorization", SUPERVISOR)
            .get("/serial-generation/workorders/?source=erp&status=pending&search=WO-GEN-&page=1&page_size=2")
            .then().statusCode(200)
            .body("count", equalTo(3))
            .body("results", hasSize(2))
            .body("results.wo_source", everyItem(equalTo("erp")))
            .body("previous", nullValue())
            .body("next", notNullValue()));
        // the links' origin is the configured one, whatever Host and X-Forwarded-* a client sends
        given().header("Authorization", SUPERVISOR).header("X-Forwarded-Host", "evil.example")
            .header("X-Forwarded-Proto", "javascript").header("Host", "evil.example")
            .get("/serial-generation/workorders/?source=erp&search=WO-GEN-&page=2&page_size=1")
            .then().statusCode(200)
            .body("next", org.hamcrest.Matchers.startsWith("http://127.0.0.1:8080/serial-generation/workorders/?"))
            .body("next", org.hamcrest.Matchers.containsString("page=3"))
            .body("previous", org.hamcrest.Matchers.startsWith("http://127.0.0.1:8080/serial-generation/"));
        given().header("Authorization", SUPERVISOR).get("/serial-generation/workorders/?source=manual&search=WO-GEN-")
            .then().statusCode(200).body("count", equalTo(0));
        given().header("Authorization", SUPERVISOR).get("/serial-generation/workorders/?status=done&page=0")
            .then().statusCode(400).body("error", equalTo("validation_error"))
            .body("details.status[0]", equalTo("Must be one of pending, in_progress, completed, failed"))
            .body("details.page[0]", equalTo("Must be 1 or more"));
        List<String> ascending = given().header("Authorization", SUPERVISOR)
            .get("/serial-generation/workorders/?search=WO-GEN-&ordering=wo_id").then().statusCode(200)
            .extract().jsonPath().getList("results.wo_id");
        List<String> descending = given().header("Authorization", SUPERVISOR)
            .get("/serial-generation/workorders/?search=WO-GEN-&ordering=-wo_id").then().statusCode(200)
            .extract().jsonPath().getList("results.wo_id");
        org.junit.jupiter.api.Assertions.assertEquals(ascending.stream().sorted().toList(), ascending);
        List<String> reversed = new java.util.ArrayList<>(ascending);
        java.util.Collections.reverse(reversed);
        org.junit.jupiter.api.Assertions.assertEquals(reversed, descending);
        given().header("Authorization", SUPERVISOR).get("/serial-generation/workorders/?ordering=gtin; drop table")
            .then().statusCode(400).body("details.ordering", notNullValue());
        given().header("Authorization", SUPERVISOR).get("/serial-generation/workorders/NO-SUCH-WO/")
            .then().statusCode(404).body("error", equalTo("not_found")).body("code", equalTo("WO_NOT_FOUND"));
        given().get("/serial-generation/workorders/").then().statusCode(401);
    }
}
