package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.serialgen.gs1.ElementString;

import org.junit.jupiter.api.extension.ExtendWith;
import io.restassured.http.ContentType;

/** From an ERP work order to its serials and SSCCs as CSV, all through the gateway. */
@ExtendWith(RunningSuite.class)
class GenerationIT {

    static final String API = "/api/v1/serial-generation/";

    @Test
    void issuesAndReportsAWorkOrdersSerialsAndSsccs() {
        String manager = FlowIT.login("manager");
        String supervisor = FlowIT.login("supervisor");
        FlowIT.patchConfig(manager, "{\"manufacturing_percentage\": 100, \"discrepancy_tolerance\": 5,"
            + " \"gs1_company_prefixes\": [{\"prefix\": \"9506000\", \"sscc_extension_digit\": 1}],"
            + " \"aggregation_rules\": {\"l2\": {\"enabled\": true, \"multiplier\": 10},"
            + " \"l3\": {\"enabled\": true, \"multiplier\": 100}, \"l4\": {\"enabled\": false, \"multiplier\": 1000}}}");
        String woId = "WO-GEN-GW-" + UUID.randomUUID().toString().substring(0, 6);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        FlowIT.publishErpWorkOrder(woId, 1_000);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            given().header("Authorization", supervisor).get(API + "workorders/" + woId + "/")
                .then().statusCode(200).body("total_requested_serials", equalTo(1_050))
                .body("total_requested_sscc", equalTo(10)));

        String task = given().header("Authorization", supervisor).header("Idempotency-Key", "gw-1")
            .contentType(ContentType.JSON).body("{}")
            .post(API + "workorders/" + woId + "/generate-serials/")
            .then().statusCode(202).body("status", equalTo("initiated")).extract().jsonPath().getString("task_id");
        given().header("Authorization", supervisor).header("Idempotency-Key", "gw-1")
            .contentType(ContentType.JSON).body("{}")
            .post(API + "workorders/" + woId + "/generate-serials/")
            .then().statusCode(202).body("task_id", equalTo(task));
        given().header("Authorization", supervisor).get(API + "tasks/" + task + "/")
            .then().statusCode(200).body("status", equalTo("completed"));
        given().header("Authorization", supervisor).contentType(ContentType.JSON).body("{}")
            .post(API + "workorders/" + woId + "/generate-sscc/").then().statusCode(202);

        List<String> serials = given().header("Authorization", supervisor)
            .get(API + "workorders/" + woId + "/serials.csv").then().statusCode(200).extract().asString().lines()
            .skip(1).toList();
        assertEquals(1_050, serials.size());
        Set<String> unique = new HashSet<>();
        serials.forEach(row -> assertTrue(unique.add(ElementString.parseSgtin(row.split(",")[2]).serial().value())));
        List<String> ssccs = given().header("Authorization", supervisor)
            .get(API + "workorders/" + woId + "/sscc.csv?format=urn").then().statusCode(200).extract().asString()
            .lines().skip(1).toList();
        assertEquals(10, ssccs.size());
        assertTrue(ssccs.get(0).split(",")[1].startsWith("urn:epc:id:sscc:9506000.1"));

        given().header("Authorization", supervisor).get(API + "workorders/" + woId + "/epcis")
            .then().statusCode(200).body("epcisBody.eventList.size()", equalTo(2))
            .body("epcisBody.eventList[0].epcList.size()", equalTo(1_050))
            .body("epcisBody.eventList[1].epcList.size()", equalTo(10));
        given().header("Authorization", supervisor).get(API + "workorders/" + woId + "/history/")
            .then().statusCode(200).body("count", equalTo(4));
        given().header("Authorization", supervisor).get(API + "pools/").then().statusCode(200);
        given().header("Authorization", FlowIT.login("viewer")).contentType(ContentType.JSON).body("{}")
            .post(API + "workorders/" + woId + "/generate-serials/")
            .then().statusCode(403).body("error", equalTo("forbidden"));
        given().header("Authorization", supervisor).contentType(ContentType.JSON).body("{\"quantity\": -1}")
            .post(API + "workorders/" + woId + "/generate-sscc/")
            .then().statusCode(400).body("details.quantity[0]", equalTo("Must be between 1 and 100000000"));
        // a streamed report's error is the service's own answer, relayed
        given().header("Authorization", supervisor).get(API + "workorders/" + woId + "/serials.csv?format=xml")
            .then().statusCode(400).body("error", equalTo("validation_error"))
            .body("details.format[0]", equalTo("Must be element, urn, dl, pack, scan or hri"));
        given().header("Authorization", supervisor).get(API + "workorders/WO-NOT-THERE/serials.csv")
            .then().statusCode(404).body("error", equalTo("not_found"));
        given().header("Authorization", supervisor).get(API + "workorders/WO-NOT-THERE/epcis")
            .then().statusCode(404).body("code", equalTo("WO_NOT_FOUND"));
    }
}
