package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serialgen.fakeerp.DemoWorkOrders;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The ERP integration end to end, through the gateway: a sync asked for pulls the ERP's work orders into the suite
 * (with their SSCC demand from aggregation), a failed record is fixed by manual entry, an override reaches the work
 * order, an ERP record of a manual work order's wo_id shows on it, and generation is confirmed to the ERP.
 */
@ExtendWith(RunningSuite.class)
class ErpIT {

    static final String API = "/api/v1/serial-generation/";

    static JsonPath sync(String operator, String body) {
        String id = given().header("Authorization", operator).contentType(ContentType.JSON).body(body)
            .post(API + "erp/sync/").then().statusCode(202).extract().jsonPath().getString("sync_id");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> !"running".equals(
            given().header("Authorization", operator).get(API + "erp/syncs/" + id + "/").jsonPath().getString("status")));
        return given().header("Authorization", operator).get(API + "erp/syncs/" + id + "/?page_size=100").then()
            .statusCode(200).extract().jsonPath();
    }

    @Test
    void aSyncBringsTheErpsWorkOrdersInAndAFailedOneIsFixedByHand() {
        String operator = FlowIT.login("erp-operator");
        JsonPath run = sync(operator, "{}");
        assertEquals("succeeded", run.getString("status"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            given().header("Authorization", operator).get(API + "workorders/WO-DEMO-1003/").then().statusCode(200)
                .body("wo_source", equalTo("erp")).body("quantity", equalTo(12_345))
                .body("total_requested_sscc", greaterThan(0)));

        // the demo's sixth work order has a wrong GTIN check digit: refused, kept with its reason
        JsonPath failed = given().header("Authorization", operator).get(API + "erp/failed-records/?status=open")
            .then().statusCode(200).extract().jsonPath();
        long id = failed.getLong("results.find { it.wo_id == 'WO-DEMO-1006' }.id");
        assertEquals("GTIN check digit is wrong", failed.getString(
            "results.find { it.wo_id == 'WO-DEMO-1006' }.reasons.gtin[0]").replaceAll(" \\(.*", ""));
        given().header("Authorization", operator).get(API + "workorders/WO-DEMO-1006/").then().statusCode(404);

        // fixed by manual entry, which resolves the failed record by itself; a dismissal then finds it closed
        given().header("Authorization", operator).contentType(ContentType.JSON).body("""
            {"wo_id": "WO-DEMO-1006", "wo_name": "Cetirizine 10 mg, batch F", "gtin": "%s", "lot": "C2406",
             "expiry": "%s", "quantity": 750}""".formatted(DemoWorkOrders.gtin(4), LocalDate.now().plusYears(2)))
            .post(API + "workorders/").then().statusCode(201).body("wo_source", equalTo("manual"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
            given().header("Authorization", operator).get(API + "erp/failed-records/" + id + "/").then()
                .statusCode(200).body("status", equalTo("resolved")).body("resolved_by", equalTo("manual entry")));
        given().header("Authorization", operator).contentType(ContentType.JSON)
            .body("{\"reason\": \"entered by hand with the right GTIN\"}")
            .post(API + "erp/failed-records/" + id + "/dismiss").then().statusCode(409)
            .body("code", equalTo("FAILED_RECORD_CLOSED"));
        given().header("Authorization", FlowIT.login("viewer")).contentType(ContentType.JSON).body("{}")
            .post(API + "erp/sync/").then().statusCode(403);
    }

    @Test
    void anOverrideReachesTheWorkOrderAndGenerationIsConfirmedToTheErp() {
        String operator = FlowIT.login("erp-operator");
        String woId = "WO-ERP-" + UUID.randomUUID().toString().substring(0, 6);
        RunningSuite.erp.put(woId, "Batch " + woId, DemoWorkOrders.gtin(9), "E1", LocalDate.now().plusYears(1)
            .toString(), 100);
        sync(operator, "{\"work_order_ids\": [\"" + woId + "\"]}");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", operator)
            .get(API + "workorders/" + woId + "/").then().statusCode(200).body("quantity", equalTo(100)));

        given().header("Authorization", operator).contentType(ContentType.JSON)
            .body("{\"quantity\": 80, \"serial_quantity\": 90, \"reason\": \"20 rejected at line clearance\"}")
            .put(API + "erp/workorders/" + woId + "/override").then().statusCode(200)
            .body("forwarded.quantity", equalTo(80)).body("erp.quantity", equalTo(100));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", operator)
            .get(API + "workorders/" + woId + "/").then().body("quantity", equalTo(80))
            .body("total_requested_serials", equalTo(90)).body("serials_fixed", equalTo(true)));

        String supervisor = FlowIT.login("supervisor");
        given().header("Authorization", supervisor).contentType(ContentType.JSON).body("{}")
            .post(API + "workorders/" + woId + "/generate-serials/").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> RunningSuite.erp.confirmations().stream()
            .anyMatch(c -> c.path("wo_id").asText().equals(woId)
                && c.path("serial_generation_status").asText().equals("completed")
                && c.path("generated_serials").asLong() == 90));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", operator)
            .get(API + "workorders/" + woId + "/").then().body("erp_confirmed_at", notNullValue()));
    }

    @Test
    void anErpRecordOfAManualWorkOrdersWoIdShowsOnItAndOnTheRun() {
        String operator = FlowIT.login("erp-operator");
        String woId = "WO-BOTH-" + UUID.randomUUID().toString().substring(0, 6);
        given().header("Authorization", operator).contentType(ContentType.JSON).body("""
            {"wo_id": "%s", "wo_name": "By hand", "gtin": "%s", "lot": "H1", "expiry": "%s", "quantity": 50}"""
            .formatted(woId, DemoWorkOrders.gtin(5), LocalDate.now().plusYears(1))).post(API + "workorders/")
            .then().statusCode(201);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        RunningSuite.erp.put(woId, "From the ERP", DemoWorkOrders.gtin(5), "H1", LocalDate.now().plusYears(1)
            .toString(), 5_000);
        JsonPath run = sync(operator, "{\"work_order_ids\": [\"" + woId + "\"]}");
        assertEquals("conflict", run.getString("records.results[0].outcome"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", operator)
            .get(API + "workorders/" + woId + "/").then().body("quantity", equalTo(50))
            .body("erp_conflict", startsWith("The ERP sent work order " + woId)));
    }
}
