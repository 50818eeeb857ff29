package org.serialgen.configservice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.serialgen.configservice.ConfigApi.MANAGER;
import static org.serialgen.configservice.ConfigApi.PATH;
import static org.serialgen.configservice.ConfigApi.VIEWER;
import static org.serialgen.configservice.ConfigApi.activeVersion;
import static org.serialgen.configservice.ConfigApi.document;

import java.math.BigDecimal;
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

    @Test
    void servesTheActiveConfigurationToEveryRole() {
        for (String role : List.of("admin", "manager", "supervisor", "erp-operator", "viewer")) {
            given().header("Authorization", TestTokens.bearer("u", role)).get(PATH)
                .then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .header("ETag", notNullValue())
                .body("aggregation_rules.l1.multiplier", equalTo(1))
                .body("is_active", equalTo(true))
                .body("serial_format.length", notNullValue())
                .body("pool_exhaustion_warning_percent", notNullValue())
                .body("created_by", notNullValue());
        }
    }

    @Test
    void aSaveThatChangesNothingMakesNoVersionAndPostOnlyCreatesTheFirst() {
        long before = activeVersion();
        ConfigApi.put(document("77.5"), before).statusCode(200).body("version", equalTo((int) before + 1));
        long history = given().header("Authorization", VIEWER).get(PATH + "history/").then().extract().jsonPath()
            .getLong("count");
        // the same document again, by PUT and by PATCH: 200 with the active version, nothing new
        ConfigApi.put(document("77.5"), before + 1).statusCode(200).header("ETag", "\"v" + (before + 1) + "\"")
            .body("version", equalTo((int) before + 1));
        ConfigApi.patch("{\"manufacturing_percentage\": 77.5}", before + 1).statusCode(200)
            .body("version", equalTo((int) before + 1));
        given().header("Authorization", VIEWER).get(PATH + "history/").then().body("count", equalTo((int) history));
        // a configuration exists: POST does not replace it behind PUT's version check
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(document("60"))
            .post(PATH).then().statusCode(409).body("error", equalTo("conflict")).body("code", equalTo("CONFIG_EXISTS"))
            .body("current.version", equalTo((int) before + 1));
        assertEquals(before + 1, activeVersion());
    }

    @Test
    void savesANewVersionAndPublishesIt() {
        long before = activeVersion();
        ConfigApi.put(document("95.5"), before)
            .statusCode(200)
            .header("ETag", "\"v" + (before + 1) + "\"")
            .body("version", equalTo((int) before + 1))
            .body("manufacturing_percentage", equalTo(95.5f))
            .body("serial_format.alphabet", equalTo("alphanumeric_safe"))
            .body("gs1_company_prefixes[0].sscc_extension_digit", equalTo(3))
            .body("change_action", equalTo("update"))
            .body("updated_by", equalTo("mia.manager"));

        List<ConsumerRecord<String, String>> events = TestKafka.records(Topics.CONFIG,
            v -> v.contains("\"version\":" + (before + 1) + ","), 1, Duration.ofSeconds(30), Duration.ZERO);
        assertFalse(events.isEmpty(), "config.activated for the new version reached Kafka");
        EventEnvelope envelope = EventCodec.readEnvelope(events.get(0).value());
        ConfigActivated activated = EventCodec.payload(envelope, ConfigActivated.class);
        assertEquals("config.activated", envelope.eventType());
        assertEquals(0, activated.config().manufacturingPercentage().compareTo(new BigDecimal("95.5")));
        assertEquals(12, activated.config().serialFormat().length());
        assertEquals("mia.manager", activated.updatedBy());
    }

    @Test
    void anEditMustSayWhichVersionItEdited() {
        long before = activeVersion();
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(document("90"))
            .put(PATH)
            .then().statusCode(428).body("error", equalTo("precondition_required"))
            .body("code", equalTo("CONFIG_VERSION_REQUIRED"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
            .body(document("90").replaceFirst("\\{", "{\"version\": " + before + ", "))
            .put(PATH)
            .then().statusCode(200).body("version", equalTo((int) before + 1));
    }

    @Test
    void refusesAStaleEditWith409AndTheCurrentVersion() {
        long current = activeVersion();
        ConfigApi.put(document("90"), current).statusCode(200);
        ConfigApi.put(document("80"), current)
            .statusCode(409).body("error", equalTo("conflict")).body("code", equalTo("CONFIG_VERSION_CONFLICT"))
            .body("current.version", equalTo((int) current + 1))
            .body("current.manufacturing_percentage", equalTo(90.0f));
        ConfigApi.patch("{\"discrepancy_tolerance\": 1}", current).statusCode(409);
        assertEquals(current + 1, activeVersion());
    }

    @Test
    void patchesSingleFields() {
        long current = activeVersion();
        ConfigApi.patch("{\"discrepancy_tolerance\": 2.5, \"serial_format\": {\"length\": 14}}", current)
            .statusCode(200)
            .body("version", equalTo((int) current + 1))
            .body("discrepancy_tolerance", equalTo(2.5f))
            .body("serial_format.length", equalTo(14))
            .body("serial_format.mode", notNullValue())
            .body("change_action", equalTo("patch"));
    }

    @Test
    void answers401And403InTheErrorBody() {
        given().get(PATH)
            .then().statusCode(401).body("error", equalTo("unauthorized")).body("request_id", notNullValue());
        given().header("Authorization", TestTokens.forgedBearer("eve", "admin")).get(PATH)
            .then().statusCode(401).body("error", equalTo("unauthorized"));
        // signed by the trusted key, but for another audience or none: not a token for this suite
        given().header("Authorization", TestTokens.bearerFor("another-app", "eve", "admin")).get(PATH)
            .then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("Authorization", TestTokens.bearerFor(null, "eve", "admin")).get(PATH)
            .then().statusCode(401);
        given().header("Authorization", TestTokens.bearerFor("serialgen:refresh", "eve", "admin")).get(PATH)
            .then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("nobody")).get(PATH).then().statusCode(403);
        long current = activeVersion();
        for (String role : List.of("supervisor", "erp-operator", "viewer")) {
            String token = TestTokens.bearer("u", role);
            given().header("Authorization", token).header("If-Match", "\"v" + current + "\"")
                .contentType(ContentType.JSON).body(document("90")).put(PATH)
                .then().statusCode(403).body("error", equalTo("forbidden"));
            given().header("Authorization", token).header("If-Match", "\"v" + current + "\"")
                .contentType(ContentType.JSON).body("{\"discrepancy_tolerance\": 1}").patch(PATH).then().statusCode(403);
            given().header("Authorization", token).post(PATH + "reset/").then().statusCode(403);
            given().header("Authorization", token).post(PATH + "versions/1/restore/").then().statusCode(403);
            given().header("Authorization", token).contentType(ContentType.JSON).body("{}")
                .post(PATH + "import/?dry_run=true").then().statusCode(403);
            given().header("Authorization", token).get(PATH + "history/").then().statusCode(200);
            given().header("Authorization", token).get(PATH + "export/").then().statusCode(200);
        }
        assertEquals(current, activeVersion());
    }

    @Test
    void aBodyWithThousandsOfMistakesGetsASmallAnswer() {
        long before = activeVersion();
        String prefixes = String.join(",", java.util.Collections.nCopies(5_000,
            "{\"prefix\": \"" + "x".repeat(30) + "\", \"sscc_extension_digit\": 12}"));
        String document = ConfigApi.document("95").replace(
            "[{\"prefix\": \"9506000\", \"sscc_extension_digit\": 3}]", "[" + prefixes + "]");
        String answer = ConfigApi.put(document, before).statusCode(400).body("error", equalTo("validation_error"))
            .body("details.more_fields[0]", org.hamcrest.Matchers.endsWith("more fields with problems"))
            .extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(document.length() > 300_000, "the body is large");
        org.junit.jupiter.api.Assertions.assertTrue(answer.length() < 20_000, answer.length() + " characters");
        assertEquals(before, activeVersion());
    }

    @Test
    void keepsTheCallersRequestId() {
        given().header("Authorization", VIEWER).header("X-Request-Id", "req_from-gateway-1").get(PATH)
            .then().statusCode(200).header("X-Request-Id", "req_from-gateway-1");
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Test
    void exposesHealthMetricsAndADescribedOpenApiOnTheManagementInterfaceOnly() {
        String base = management.getProtocol() + "://" + management.getHost() + ":" + management.getPort();
        given().get(base + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get(base + "/q/health/live").then().statusCode(200);
        given().get(base + "/q/metrics").then().statusCode(200);
        // not where the API is
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
        given().accept("application/json").get(base + "/q/openapi?format=json").then().statusCode(200)
            .body("components.schemas.ConfigDocument.properties.manufacturing_percentage.maximum", equalTo(100))
            .body("components.schemas.SerialFormat.properties.length.maximum", equalTo(20));
    }
}
