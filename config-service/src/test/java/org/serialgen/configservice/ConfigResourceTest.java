package org.serialgen.configservice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventEnvelope;
import org.serialgen.events.Topics;
import org.serialgen.testkit.TestKafka;
import org.serialgen.testkit.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ConfigResourceTest {

    static final String MANAGER = TestTokens.bearer("mia.manager", "manager");
    static final String VIEWER = TestTokens.bearer("vic.viewer", "viewer");

    static String body(String manufacturing, String l2Multiplier) {
        return """
            {"serial_sources": [{"name": "Primary", "url": "https://serials.example.com/api", "enabled": true}],
             "sscc_sources": [],
             "manufacturing_percentage": %s,
             "discrepancy_tolerance": 5.0,
             "aggregation_rules": {"l1": {"enabled": true, "multiplier": 1},
                                   "l2": {"enabled": true, "multiplier": %s},
                                   "l3": {"enabled": true, "multiplier": 120},
                                   "l4": {"enabled": false, "multiplier": 4800}}}
            """.formatted(manufacturing, l2Multiplier);
    }

    long activeVersion() {
        return given().header("Authorization", VIEWER).get("/serial-generation/config/")
            .then().statusCode(200).extract().jsonPath().getLong("version");
    }

    @Test
    void servesTheSeededDefaultsToEveryRole() {
        for (String role : List.of("admin", "manager", "supervisor", "erp-operator", "viewer")) {
            given().header("Authorization", TestTokens.bearer("u", role))
                .get("/serial-generation/config/")
                .then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .body("aggregation_rules.l1.multiplier", equalTo(1))
                .body("is_active", equalTo(true))
                .body("$", hasKey("manufacturing_percentage"));
        }
    }

    @Test
    void savesANewVersionAndPublishesIt() {
        long before = activeVersion();
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(body("95.5", "10"))
            .put("/serial-generation/config/")
            .then().statusCode(200)
            .body("version", equalTo((int) before + 1))
            .body("manufacturing_percentage", equalTo(95.5f))
            .body("updated_by", equalTo("mia.manager"));

        List<ConsumerRecord<String, String>> events = TestKafka.records(Topics.CONFIG,
            v -> v.contains("\"version\":" + (before + 1) + ","), 1, Duration.ofSeconds(30), Duration.ZERO);
        assertFalse(events.isEmpty(), "config.activated for the new version reached Kafka");
        EventEnvelope envelope = EventCodec.readEnvelope(events.get(0).value());
        ConfigActivated activated = EventCodec.payload(envelope, ConfigActivated.class);
        assertEquals("config.activated", envelope.eventType());
        assertEquals(0, activated.manufacturingPercentage().compareTo(new java.math.BigDecimal("95.5")));
        assertEquals("mia.manager", activated.updatedBy());
    }

    @Test
    void rejectsInvalidInputWithFieldDetailsAndSavesNothing() {
        long before = activeVersion();
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(body("100.5", "7"))
            .put("/serial-generation/config/")
            .then().statusCode(400)
            .body("error", equalTo("validation_error"))
            .body("details.manufacturing_percentage[0]", equalTo("Value must be between 0 and 100"))
            .body("details", hasKey("aggregation_rules.l3.multiplier"))
            .body("request_id", notNullValue());
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body("{\"manufacturing_percentage\": \"x\"")
            .put("/serial-generation/config/")
            .then().statusCode(400).body("error", equalTo("validation_error"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
            .body(body("50", "10").replace("https://serials.example.com/api", "ftp://x"))
            .put("/serial-generation/config/")
            .then().statusCode(400).body("details", hasKey("serial_sources[0].url"));
        assertEquals(before, activeVersion());
    }

    @Test
    void refusesAStaleEditWith409() {
        long current = activeVersion();
        given().header("Authorization", MANAGER).header("If-Match", "\"v" + current + "\"")
            .contentType(ContentType.JSON).body(body("90", "10"))
            .put("/serial-generation/config/").then().statusCode(200);
        given().header("Authorization", MANAGER).header("If-Match", "\"v" + current + "\"")
            .contentType(ContentType.JSON).body(body("80", "10"))
            .put("/serial-generation/config/")
            .then().statusCode(409).body("error", equalTo("conflict")).body("code", equalTo("CONFIG_VERSION_CONFLICT"));
        assertEquals(current + 1, activeVersion());
    }

    @Test
    void answers401And403InTheErrorBody() {
        given().get("/serial-generation/config/")
            .then().statusCode(401).body("error", equalTo("unauthorized")).body("request_id", notNullValue());
        given().header("Authorization", TestTokens.forgedBearer("eve", "admin")).get("/serial-generation/config/")
            .then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("Authorization", VIEWER).contentType(ContentType.JSON).body(body("90", "10"))
            .put("/serial-generation/config/")
            .then().statusCode(403).body("error", equalTo("forbidden"));
        given().header("Authorization", TestTokens.bearer("nobody")).get("/serial-generation/config/")
            .then().statusCode(403);
    }

    @Test
    void keepsTheCallersRequestId() {
        given().header("Authorization", VIEWER).header("X-Request-Id", "req_from-gateway-1")
            .get("/serial-generation/config/")
            .then().statusCode(200).header("X-Request-Id", "req_from-gateway-1");
    }

    @Test
    void exposesHealthMetricsAndOpenApi() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
