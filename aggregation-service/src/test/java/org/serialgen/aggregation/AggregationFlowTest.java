package org.serialgen.aggregation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.serialgen.testkit.StoredJson;

import io.agroal.api.AgroalDataSource;
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
import io.restassured.http.ContentType;

@QuarkusTest
public class AggregationFlowTest {

    @Inject
    AgroalDataSource dataSource;

    static final String VIEWER = TestTokens.bearer("vic", "viewer");

    public static void publishConfig(long version, long l3) {
        ConfigDocument document = new ConfigDocument(List.of(), List.of(), true, new BigDecimal("100.00"),
            new BigDecimal("5.00"), Map.of("l1", new AggregationRule(true, 1L), "l2", new AggregationRule(true, 10L),
                "l3", new AggregationRule(true, l3), "l4", new AggregationRule(false, 1000L)), List.of(), null,
            new BigDecimal("80"));
        ConfigActivated config = new ConfigActivated(version, document, "test", Instant.now());
        TestKafka.publish(Topics.CONFIG, "config",
            EventCodec.write(EventCodec.envelope(EventTypes.CONFIG_ACTIVATED, config)));
    }

    static List<AggregationComputed> breakdowns(String woId, int expected, Duration settle) {
        return TestKafka.records(Topics.AGGREGATION, v -> v.contains("\"wo_id\":\"" + woId + "\""), expected,
                Duration.ofSeconds(30), settle).stream()
            .map(r -> EventCodec.payload(EventCodec.readEnvelope(r.value()), AggregationComputed.class)).toList();
    }

    @Test
    void publishesTheBreakdownOfEachWorkOrderOnceAndAgainWhenTheRulesChange() throws Exception {
        long base = TestKafka.nextConfigVersion();
        publishConfig(base, 100);
        String woId = "WO-AGG-" + UUID.randomUUID().toString().substring(0, 8);
        EventEnvelope wo = EventCodec.envelope(EventTypes.WORKORDER_SYNCED, new WorkOrderSynced(woId, "Batch",
            "09506000134352", "L1", LocalDate.of(2028, 1, 31), 1_000, 1, Instant.now(), WorkOrderSynced.ERP));
        TestKafka.publish(Topics.WORKORDERS, woId, EventCodec.write(wo));
        TestKafka.publish(Topics.WORKORDERS, woId, EventCodec.write(wo));

        List<AggregationComputed> first = breakdowns(woId, 1, Duration.ofSeconds(4));
        assertEquals(1, first.size(), "a redelivered work order changes nothing");
        assertEquals(10, first.get(0).ssccCount());
        assertEquals(1, first.get(0).revision());

        given().header("Authorization", VIEWER).get("/serial-generation/aggregation/workorders/" + woId + "/")
            .then().statusCode(200).body("sscc_count", equalTo(10)).body("levels[2].containers", equalTo(10));
        StoredJson.assertColumn(dataSource, "workorder_packaging", "levels", "array");
        StoredJson.assertColumn(dataSource, "replicated_config", "document", "object");

        publishConfig(TestKafka.nextConfigVersion(), 50);
        List<AggregationComputed> both = breakdowns(woId, 2, Duration.ofSeconds(1));
        assertEquals(2, both.get(1).revision());
        assertEquals(20, both.get(1).ssccCount(), "1 000 items at 50 per case: 20 cases");

        publishConfig(base, 25);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            given().header("Authorization", VIEWER).get("/serial-generation/aggregation/workorders/" + woId + "/")
                .then().body("sscc_count", equalTo(20)));
    }

    @Test
    void aConfigurationThatLeavesTheLevelsRecordsItselfAndPublishesNothing() {
        publishConfig(TestKafka.nextConfigVersion(), 100);
        String tag = "WO-AGG-" + UUID.randomUUID().toString().substring(0, 8);
        // two of one GTIN and quantity (computed once, kept in one statement), one of another quantity
        Map<String, Long> quantities = Map.of(tag + "-1", 1_000L, tag + "-2", 1_000L, tag + "-3", 2_000L);
        quantities.forEach((woId, quantity) -> TestKafka.publish(Topics.WORKORDERS, woId, EventCodec.write(
            EventCodec.envelope(EventTypes.WORKORDER_SYNCED, new WorkOrderSynced(woId, "Batch", "09506000134352",
                "L1", LocalDate.of(2028, 1, 31), quantity, 1, Instant.now(), WorkOrderSynced.ERP)))));
        quantities.keySet().forEach(woId -> assertEquals(1, breakdowns(woId, 1, Duration.ZERO).size()));

        long same = TestKafka.nextConfigVersion();
        publishConfig(same, 100);
        quantities.keySet().forEach(woId -> await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().header("Authorization", VIEWER).get("/serial-generation/aggregation/workorders/" + woId + "/")
                .then().body("rules_source", equalTo("config:v" + same)).body("revision", equalTo(1))));
        quantities.keySet().forEach(woId -> assertEquals(1, breakdowns(woId, 1, Duration.ofSeconds(2)).size(),
            "levels that stay are not published again"));

        publishConfig(TestKafka.nextConfigVersion(), 50);
        quantities.forEach((woId, quantity) -> {
            List<AggregationComputed> both = breakdowns(woId, 2, Duration.ZERO);
            assertEquals(2, both.get(1).revision());
            assertEquals(quantity / 50, both.get(1).ssccCount());
        });
    }

    @Test
    void calculatesAndValidates() {
        publishConfig(TestKafka.nextConfigVersion(), 100);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().header("Authorization", VIEWER).contentType(ContentType.JSON).body("{\"quantity\": 12345}")
                .post("/serial-generation/aggregation/calculate")
                .then().statusCode(200).body("levels[1].containers", equalTo(1235)));
        given().header("Authorization", VIEWER).contentType(ContentType.JSON).body("{\"quantity\": 0}")
            .post("/serial-generation/aggregation/calculate")
            .then().statusCode(400).body("details.quantity[0]", equalTo("Must be a whole number between 1 and 1000000000"));
        given().header("Authorization", VIEWER).get("/serial-generation/aggregation/workorders/NOPE/")
            .then().statusCode(404).body("code", equalTo("WO_NOT_FOUND"));
    }
}
