package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.serialgen.events.Topics;
import org.serialgen.testkit.TestKafka;

import org.junit.jupiter.api.extension.ExtendWith;
import io.restassured.http.ContentType;

/** The thin slice end to end: ERP record on Kafka → work order with its demands, read and configured through here. */
@ExtendWith(RunningSuite.class)
class FlowIT {

    static String login(String username) {
        return "Bearer " + given().contentType(ContentType.JSON)
            .body("{\"username\": \"" + username + "\", \"password\": \"" + RunningSuite.PASSWORD + "\"}")
            .post("/api/v1/auth/token")
            .then().statusCode(200).body("token_type", equalTo("Bearer"))
            .extract().jsonPath().getString("access_token");
    }

    /** A JSON merge patch on the active configuration, through the gateway, based on the version it reads first. */
    static void patchConfig(String token, String mergePatch) {
        long version = given().header("Authorization", token).get("/api/v1/serial-generation/config/").then()
            .extract().jsonPath().getLong("version");
        given().header("Authorization", token).header("If-Match", "\"v" + version + "\"")
            .contentType("application/merge-patch+json").body(mergePatch)
            .patch("/api/v1/serial-generation/config/").then().statusCode(200);
    }

    static void publishErpWorkOrder(String woId, long quantity) {
        TestKafka.publish(Topics.ERP_WORKORDERS, woId, """
            {"wo_id": "%s", "wo_name": "Batch %s", "gtin": "09506000134352", "lot": "LOT-7", "expiry": "2028-06-30",
             "quantity": %d}""".formatted(woId, woId, quantity));
    }

    @Test
    void anErpWorkOrderAppearsWithItsDemandsAndFollowsAConfigChange() {
        String supervisor = login("supervisor");
        String manager = login("manager");
        String woId = "WO-E2E-" + UUID.randomUUID().toString().substring(0, 8);
        publishErpWorkOrder(woId, 1_000);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            given().header("Authorization", supervisor).get("/api/v1/serial-generation/workorders/" + woId + "/")
                .then().statusCode(200)
                .body("wo_source", equalTo("erp"))
                .body("total_requested_sscc", equalTo(10))
                .body("total_requested_serials", equalTo(1_050)));

        String config = given().header("Authorization", manager).get("/api/v1/serial-generation/config/")
            .then().statusCode(200).header("ETag", notNullValue()).extract().asString();
        String halved = config.replaceAll("\"manufacturing_percentage\":[0-9.]+", "\"manufacturing_percentage\":50.0");
        given().header("Authorization", manager).contentType(ContentType.JSON).body(halved)
            .put("/api/v1/serial-generation/config/")
            .then().statusCode(200).body("updated_by", equalTo("manager"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            given().header("Authorization", supervisor).get("/api/v1/serial-generation/workorders/" + woId + "/")
                .then().statusCode(200).body("total_requested_serials", equalTo(525)));

        given().header("Authorization", supervisor).get("/api/v1/serial-generation/aggregation/workorders/" + woId + "/")
            .then().statusCode(200).body("sscc_count", equalTo(10));
        given().header("Authorization", supervisor).get("/api/v1/serial-generation/erp/status/")
            .then().statusCode(200).body("status", equalTo("success"));
    }

    @Test
    void listsWithLinksThatPointAtTheGateway() {
        String viewer = login("viewer");
        publishErpWorkOrder("WO-LIST-" + UUID.randomUUID().toString().substring(0, 6), 10);
        publishErpWorkOrder("WO-LIST-" + UUID.randomUUID().toString().substring(0, 6), 20);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
            given().header("Authorization", viewer).get("/api/v1/serial-generation/workorders/?search=WO-LIST&page_size=1")
                .then().statusCode(200)
                .body("results.size()", equalTo(1))
                .body("next", containsString("/api/v1/serial-generation/workorders"))
                .body("next", containsString("page=2")));
    }

    @Test
    void refusesBadLoginsTokensAndRolesWithTheErrorBody() {
        given().contentType(ContentType.JSON).body("{\"username\": \"manager\", \"password\": \"wrong\"}")
            .post("/api/v1/auth/token")
            .then().statusCode(401).body("error", equalTo("unauthorized")).body("code", equalTo("INVALID_CREDENTIALS"));
        given().contentType(ContentType.JSON).body("{\"username\": \"manager\"}")
            .post("/api/v1/auth/token")
            .then().statusCode(400).body("error", equalTo("validation_error"));
        given().get("/api/v1/serial-generation/workorders/")
            .then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("Authorization", login("viewer")).contentType(ContentType.JSON).body("{}")
            .put("/api/v1/serial-generation/config/")
            .then().statusCode(403).body("error", equalTo("forbidden"));
        given().header("Authorization", login("manager")).contentType(ContentType.JSON)
            .body("{\"version\": 1, \"manufacturing_percentage\": 150}")
            .put("/api/v1/serial-generation/config/")
            .then().statusCode(400).body("error", equalTo("validation_error"))
            .body("details.manufacturing_percentage[0]", equalTo("Value must be between 0 and 100"));
    }

    @Test
    void carriesTheRequestIdToTheServiceAndBack() {
        given().header("Authorization", login("viewer")).header("X-Request-Id", "req_trace-me-42")
            .get("/api/v1/serial-generation/workorders/NO-SUCH-WO/")
            .then().statusCode(404)
            .header("X-Request-Id", "req_trace-me-42")
            .body("code", equalTo("WO_NOT_FOUND"))
            .body("request_id", equalTo("req_trace-me-42"));
        // health, metrics and OpenAPI answer on the management port only, not where the public API is
        String management = RunningSuite.RUNNING.get(RunningSuite.GATEWAY).managementUrl();
        given().get(management + "/q/health/ready").then().statusCode(200);
        given().get(management + "/q/openapi").then().statusCode(200)
            .body(containsString("/api/v1/serial-generation/config"));
        given().get(management + "/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health").then().statusCode(404);
        for (String backend : RunningSuite.BACKENDS) {
            given().get(RunningSuite.RUNNING.get(backend).managementUrl() + "/q/health/ready").then().statusCode(200);
            given().get(RunningSuite.RUNNING.get(backend).url() + "/q/metrics").then().statusCode(404);
        }
    }
}
