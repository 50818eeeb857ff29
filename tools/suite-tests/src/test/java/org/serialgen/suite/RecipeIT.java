package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.serialgen.gs1.CheckDigit;

import org.junit.jupiter.api.extension.ExtendWith;
import io.restassured.http.ContentType;

/**
 * Recipes through the gateway, across the suite: a recipe for a GTIN changes the SSCC demand of its pending work
 * order in generation-service, and is reported as a discrepancy on one whose SSCC generation has started.
 */
@ExtendWith(RunningSuite.class)
class RecipeIT {

    static final String API = "/api/v1/serial-generation/";

    static String gtin(String first) {
        String body = first + String.format("%012d", (long) (Math.random() * 1e12));
        return body + CheckDigit.compute(body);
    }

    static String workOrder(String manager, String gtin, long quantity) {
        String woId = "WO-RCP-GW-" + UUID.randomUUID().toString().substring(0, 6);
        given().header("Authorization", manager).contentType(ContentType.JSON)
            .body("{\"wo_id\":\"" + woId + "\",\"wo_name\":\"Recipe " + woId + "\",\"gtin\":\"" + gtin + "\","
                + "\"lot\":\"L1\",\"expiry\":\"2030-01-31\",\"quantity\":" + quantity + "}")
            .post(API + "workorders/").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            given().header("Authorization", manager).get(API + "aggregation/workorders/" + woId + "/")
                .then().statusCode(200).body("rules_source", startsWith("config:")));
        return woId;
    }

    @Test
    void aRecipeChangesAPendingWorkOrdersDemandAndIsFlaggedOnAStartedOne() {
        String manager = FlowIT.login("manager");
        String supervisor = FlowIT.login("supervisor");
        FlowIT.patchConfig(manager,
            "{\"gs1_company_prefixes\": [{\"prefix\": \"9506000\", \"sscc_extension_digit\": 1}]}");
        String item = gtin("0");
        String bundle = gtin("1");
        String pending = workOrder(manager, item, 12_345);
        String started = workOrder(manager, item, 1_200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", supervisor)
            .contentType(ContentType.JSON).body("{}").post(API + "workorders/" + started + "/generate-sscc/")
            .then().statusCode(202));
        long before = given().header("Authorization", supervisor).get(API + "workorders/" + started + "/")
            .then().extract().jsonPath().getLong("total_requested_sscc");

        String recipe = "{\"gtin\":\"" + item + "\",\"variant\":\"default\",\"effective_from\":\"2026-01-01\","
            + "\"levels\":[{\"level\":1,\"name\":\"unit\",\"identified_by\":\"sgtin\"},"
            + "{\"level\":2,\"name\":\"bundle\",\"children_per_parent\":10,\"identified_by\":\"sgtin\",\"gtin\":\""
            + bundle + "\"},{\"level\":3,\"name\":\"case\",\"children_per_parent\":12,\"identified_by\":\"sscc\"},"
            + "{\"level\":4,\"name\":\"pallet\",\"children_per_parent\":40,\"identified_by\":\"sscc\"}]}";
        given().header("Authorization", supervisor).contentType(ContentType.JSON).body(recipe)
            .post(API + "aggregation/recipes/").then().statusCode(403).body("error", equalTo("forbidden"));
        int id = given().header("Authorization", manager).contentType(ContentType.JSON).body(recipe)
            .post(API + "aggregation/recipes/").then().statusCode(201).body("version", equalTo(1))
            .extract().path("id");

        // 12 345 units: 1 235 bundles, 103 cases, 3 pallets
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            given().header("Authorization", supervisor).get(API + "workorders/" + pending + "/")
                .then().body("total_requested_sscc", equalTo(106))
                .body("total_requested_bundle_serials", equalTo(1_235)));
        // 1 200 units would now need 10 cases and 1 pallet: not applied, reported
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            given().header("Authorization", supervisor).get(API + "workorders/" + started + "/")
                .then().body("total_requested_sscc", equalTo((int) before))
                .body("error_message", containsString("Aggregation now needs 11 SSCCs")));

        given().header("Authorization", supervisor).queryParam("gtin", item).get(API + "aggregation/recipes/")
            .then().statusCode(200).body("count", equalTo(1)).body("results[0].id", equalTo(id));
        given().header("Authorization", manager).header("If-Match", "\"v1\"").contentType(ContentType.JSON)
            .body(recipe.replace("\"children_per_parent\":12", "\"children_per_parent\":0"))
            .put(API + "aggregation/recipes/" + id + "/").then().statusCode(400)
            .body("details.'levels[2].children_per_parent'[0]", startsWith("Must be a whole number"));
        given().header("Authorization", supervisor).get(API + "aggregation/recipes/" + id + "/versions/")
            .then().statusCode(200).body("count", equalTo(1));
        given().header("Authorization", supervisor).contentType(ContentType.JSON)
            .body("{\"gtin\":\"" + item + "\",\"quantity\":12345}").post(API + "aggregation/calculate")
            .then().statusCode(200).body("sscc_count", equalTo(106));

        String other = gtin("0");
        String csv = "gtin,variant,effective_from,l1_name,l2_name,l2_children_per_parent,l2_identified_by,l2_gtin\n"
            + other + ",main,2026-01-01,unit,case,24,sscc,\n";
        given().header("Authorization", manager).contentType("text/csv").body(csv)
            .post(API + "aggregation/recipes/import").then().statusCode(200).body("imported", equalTo(1));
        given().header("Authorization", supervisor).get(API + "aggregation/recipes/export")
            .then().statusCode(200).body(containsString(other + ",main,2026-01-01,unit,case,24,sscc,"));
    }
}
