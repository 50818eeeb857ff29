package org.serialgen.generation.workorder;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.testkit.TestKafka;
import org.serialgen.testkit.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The spec's work-order form: manual work orders, checked like the ERP's, announced like them. */
@QuarkusTest
class ManualWorkOrderTest {

    static final String OPERATOR = TestTokens.bearer("olga.operator", "erp-operator");

    static String form(String woId, String gtin, long quantity) {
        return """
            {"wo_id": "%s", "wo_name": "Hand entered %s", "gtin": "%s", "lot": "M-1", "expiry": "2029-05-31",
             "quantity": %d}""".formatted(woId, woId, gtin, quantity);
    }

    static ValidatableResponse create(String body) {
        return given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(body)
            .post("/serial-generation/workorders/").then();
    }

    @Test
    void createsAManualWorkOrderAndAnnouncesIt() {
        String woId = "WO-MAN-" + UUID.randomUUID().toString().substring(0, 8);
        create(form(woId, "9506000134352", 400))
            .statusCode(201)
            .header("Location", org.hamcrest.Matchers.containsString("/serial-generation/workorders/"))
            .body("wo_source", equalTo("manual"))
            .body("gtin", equalTo("09506000134352"))
            .body("serial_generation_status", equalTo("pending"));
        assertFalse(TestKafka.records(Topics.WORKORDERS, v -> v.contains(woId) && v.contains("\"source\":\"manual\""),
            1, Duration.ofSeconds(20), Duration.ZERO).isEmpty(), "announced for aggregation-service");
        create(form(woId, "9506000134352", 400)).statusCode(409).body("code", equalTo("WO_EXISTS"));

        // an ERP record with the same wo_id does not take the manual work order over
        TestKafka.publish(Topics.WORKORDERS, woId, EventCodec.write(EventCodec.envelope(EventTypes.WORKORDER_SYNCED,
            new WorkOrderSynced(woId, "From the ERP", "09506000134352", "E-1", LocalDate.of(2029, 1, 1), 999, 50,
                Instant.now(), WorkOrderSynced.ERP))));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
            given().header("Authorization", OPERATOR).get("/serial-generation/workorders/" + woId + "/")
                .then().body("wo_source", equalTo("manual")).body("quantity", equalTo(400)));

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
            .body(form(woId, "9506000134352", 450)).put("/serial-generation/workorders/" + woId + "/")
            .then().statusCode(200).body("quantity", equalTo(450));
    }

    @Test
    void refusesAnInvalidFormWithEveryFieldNamedAndCreatesNothing() {
        String woId = "WO-BAD-" + UUID.randomUUID().toString().substring(0, 8);
        create("""
            {"wo_id": "%s", "wo_name": "", "gtin": "9506000134353", "lot": "has space", "expiry": "31.12.2029",
             "quantity": 0}""".formatted(woId))
            .statusCode(400).body("error", equalTo("validation_error"))
            .body("details", hasKey("wo_name")).body("details", hasKey("gtin")).body("details", hasKey("lot"))
            .body("details", hasKey("expiry")).body("details", hasKey("quantity"));
        given().header("Authorization", OPERATOR).get("/serial-generation/workorders/" + woId + "/")
            .then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("v", "viewer")).contentType(ContentType.JSON)
            .body(form(woId, "9506000134352", 1)).post("/serial-generation/workorders/").then().statusCode(403);
    }

    @Test
    void anErpWorkOrderCannotBeEditedHere() {
        String woId = "WO-ERP-" + UUID.randomUUID().toString().substring(0, 8);
        TestKafka.publish(Topics.WORKORDERS, woId, EventCodec.write(EventCodec.envelope(EventTypes.WORKORDER_SYNCED,
            new WorkOrderSynced(woId, "ERP", "09506000134352", "E-1", LocalDate.of(2029, 1, 1), 10, 1, Instant.now(),
                WorkOrderSynced.ERP))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().header("Authorization", OPERATOR).get("/serial-generation/workorders/" + woId + "/")
                .then().statusCode(200));
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
            .body(form(woId, "9506000134352", 20)).put("/serial-generation/workorders/" + woId + "/")
            .then().statusCode(409).body("code", equalTo("ERP_OWNED"));
    }

    @Test
    void everyWriteIsInTheAuditTrailWithWhoWhatWhenAndTheRequestIdAndNoOneCanChangeIt() {
        String woId = "WO-AUD-" + UUID.randomUUID().toString().substring(0, 8);
        String created = "req-" + UUID.randomUUID();
        given().header("Authorization", OPERATOR).header("X-Request-Id", created).contentType(ContentType.JSON)
            .body(form(woId, "9506000134352", 400)).post("/serial-generation/workorders/").then().statusCode(201);
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
            .body(form(woId, "9506000134352", 450)).put("/serial-generation/workorders/" + woId + "/")
            .then().statusCode(200);
        String refused = "req-" + UUID.randomUUID();
        given().header("Authorization", OPERATOR).header("X-Request-Id", refused).contentType(ContentType.JSON)
            .body(form(woId, "9506000134352", 1)).post("/serial-generation/workorders/").then().statusCode(409);
        String forbidden = "req-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer("vera.viewer", "viewer")).header("X-Request-Id", forbidden)
            .contentType(ContentType.JSON).body(form(woId, "9506000134352", 1)).post("/serial-generation/workorders/")
            .then().statusCode(403);

        String manager = TestTokens.bearer("mia.manager", "manager");
        given().header("Authorization", manager).queryParam("entity_id", woId).get("/serial-generation/audit/")
            .then().statusCode(200)
            .body("count", equalTo(2))
            .body("results[0].action", equalTo("workorder.update"))
            .body("results[0].change.before.quantity", equalTo(400))
            .body("results[0].change.after.quantity", equalTo(450))
            .body("results[1].action", equalTo("workorder.create"))
            .body("results[1].actor", equalTo("olga.operator"))
            .body("results[1].roles", equalTo(java.util.List.of("erp-operator")))
            .body("results[1].service", equalTo("generation-service"))
            .body("results[1].outcome", equalTo("success"))
            .body("results[1].request_id", equalTo(created))
            .body("results[1].change.after.wo_name", equalTo("Hand entered " + woId));
        given().header("Authorization", manager).queryParam("request_id", refused).get("/serial-generation/audit/")
            .then().statusCode(200).body("count", equalTo(1))
            .body("results[0].outcome", equalTo("refused"))
            .body("results[0].actor", equalTo("olga.operator"))
            .body("results[0].change.status", equalTo(409))
            .body("results[0].change.code", equalTo("WO_EXISTS"));
        given().header("Authorization", manager).queryParam("request_id", forbidden).get("/serial-generation/audit/")
            .then().statusCode(200).body("count", equalTo(1))
            .body("results[0].actor", equalTo("vera.viewer"))
            .body("results[0].change.status", equalTo(403));

        // managers and admins read it; nobody writes it
        for (String role : java.util.List.of("viewer", "supervisor", "erp-operator")) {
            given().header("Authorization", TestTokens.bearer("x", role)).get("/serial-generation/audit/")
                .then().statusCode(403);
        }
        given().get("/serial-generation/audit/").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("a", "admin")).contentType(ContentType.JSON).body("{}")
            .post("/serial-generation/audit/").then().statusCode(405);
        given().header("Authorization", manager).queryParam("outcome", "maybe").queryParam("limit", "0")
            .get("/serial-generation/audit/").then().statusCode(400)
            .body("error", equalTo("validation_error")).body("details", hasKey("outcome"))
            .body("details", hasKey("limit"));
    }
}
