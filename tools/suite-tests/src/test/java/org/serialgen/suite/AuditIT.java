package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The audit trail through the gateway: one trail out of every service's, newest first, paged by cursor without an
 * entry lost or shown twice, filtered, exported as CSV and NDJSON, read by admins and managers only; the gateway's
 * sign-ins among them.
 */
@ExtendWith(RunningSuite.class)
class AuditIT {

    static final String API = "/api/v1/serial-generation/";

    @Test
    void everyServicesWritesAreInOneTrailPagedExportedAndOnlyForAdminsAndManagers() {
        String from = Instant.now().minusSeconds(1).toString();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // the gateway's sign-ins, granted or not, reach config-service's trail as events
        String signIn = "req-audit-sign-in-" + tag;
        String admin = "Bearer " + given().contentType(ContentType.JSON).header("X-Request-Id", signIn)
            .body("{\"username\": \"admin\", \"password\": \"" + RunningSuite.PASSWORD + "\"}")
            .post("/api/v1/auth/token").then().statusCode(200).extract().jsonPath().getString("access_token");
        String intruder = "intruder-" + tag;
        given().contentType(ContentType.JSON).body("{\"username\": \"" + intruder + "\", \"password\": \"x\"}")
            .post("/api/v1/auth/token").then().statusCode(401);
        // sign-ins of one name arrive in order: once this one is in, no earlier one of admin's can enter the window
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            given().header("Authorization", admin).queryParam("request_id", signIn).get(API + "audit/").then()
                .statusCode(200).body("count", equalTo(1))
                .body("results[0].service", equalTo("config-service"))
                .body("results[0].action", equalTo("auth.sign_in_success"))
                .body("results[0].actor", equalTo("admin"))
                .body("results[0].entity_id", equalTo("admin"))
                .body("results[0].change.address", org.hamcrest.Matchers.notNullValue());
            given().header("Authorization", admin).queryParam("entity_type", "user").queryParam("entity_id", intruder)
                .get(API + "audit/").then().statusCode(200).body("count", equalTo(1))
                .body("results[0].action", equalTo("auth.sign_in_failure"))
                .body("results[0].outcome", equalTo("refused"));
        });
        Map<String, String> requests = new java.util.LinkedHashMap<>();

        // generation-service: a work order entered by hand
        String woId = "WO-AUDIT-" + tag;
        requests.put("generation-service", "req-audit-wo-" + tag);
        given().header("Authorization", admin).header("X-Request-Id", requests.get("generation-service"))
            .contentType(ContentType.JSON).body("{\"wo_id\":\"" + woId + "\",\"wo_name\":\"Audit\",\"gtin\":"
                + "\"9506000134352\",\"lot\":\"L1\",\"expiry\":\"2030-01-31\",\"quantity\":10}")
            .post(API + "workorders/").then().statusCode(201);
        // aggregation-service: a recipe
        requests.put("aggregation-service", "req-audit-recipe-" + tag);
        given().header("Authorization", admin).header("X-Request-Id", requests.get("aggregation-service"))
            .contentType(ContentType.JSON).body("{\"gtin\":\"" + RecipeIT.gtin("0") + "\",\"variant\":\"default\","
                + "\"effective_from\":\"2026-01-01\",\"levels\":[{\"level\":1,\"name\":\"unit\","
                + "\"identified_by\":\"sgtin\"},{\"level\":2,\"name\":\"case\",\"children_per_parent\":10,"
                + "\"identified_by\":\"sscc\"}]}")
            .post(API + "aggregation/recipes/").then().statusCode(201);
        // config-service and erp-sync-service: writes they refused are in the trail too
        requests.put("config-service", "req-audit-config-" + tag);
        given().header("Authorization", admin).header("X-Request-Id", requests.get("config-service"))
            .header("If-Match", "\"v999999\"").contentType(ContentType.JSON)
            .body("{\"pool_exhaustion_warning_percent\": 81}").patch(API + "config/").then().statusCode(409);
        requests.put("erp-sync-service", "req-audit-erp-" + tag);
        given().header("Authorization", admin).header("X-Request-Id", requests.get("erp-sync-service"))
            .contentType(ContentType.JSON).body("{\"quantity\": 5, \"reason\": \"audit test\"}")
            .put(API + "erp/workorders/NO-SUCH-" + tag + "/override").then().statusCode(404);

        requests.forEach((service, requestId) -> given().header("Authorization", admin)
            .queryParam("request_id", requestId).get(API + "audit/").then().statusCode(200)
            .body("count", equalTo(1))
            .body("results[0].service", equalTo(service))
            .body("results[0].actor", equalTo("admin"))
            .body("results[0].outcome", equalTo(service.equals("generation-service")
                || service.equals("aggregation-service") ? "success" : "refused")));

        // the whole window, two at a time: every entry once, newest first, the four services among them
        List<Map<String, Object>> walked = new ArrayList<>();
        String next = API + "audit/?actor=admin&limit=2&from=" + from;
        long count = -1;
        while (next != null) {
            JsonPath page = given().header("Authorization", admin).urlEncodingEnabled(false).get(next).then()
                .statusCode(200).extract().jsonPath();
            count = page.getLong("count");
            walked.addAll(page.getList("results"));
            String link = page.getString("next");
            next = link == null ? null : link.substring(link.indexOf("/api/"));
            assertTrue(walked.size() <= count + 2, "the walk ends");
        }
        assertEquals(count, walked.size(), "every entry of the window, once");
        Set<String> ids = new HashSet<>();
        walked.forEach(entry -> assertTrue(ids.add(String.valueOf(entry.get("entry_id"))), "once: " + entry));
        for (int i = 1; i < walked.size(); i++) {
            assertTrue(Instant.parse(String.valueOf(walked.get(i - 1).get("at")))
                .compareTo(Instant.parse(String.valueOf(walked.get(i).get("at")))) >= 0, "newest first at " + i);
        }
        Set<Object> requestIds = new HashSet<>();
        walked.forEach(entry -> requestIds.add(entry.get("request_id")));
        assertTrue(requestIds.containsAll(requests.values()), "the four writes: " + requestIds);
        assertTrue(requestIds.contains(signIn), "the sign-in: " + requestIds);

        String csv = given().header("Authorization", admin).queryParam("actor", "admin").queryParam("from", from)
            .get(API + "audit/export.csv").then().statusCode(200).contentType(startsWith("text/csv"))
            .extract().asString();
        String[] lines = csv.split("\n");
        assertTrue(lines[0].startsWith("at,service,sequence,actor"), lines[0]);
        assertTrue(lines.length - 1 >= walked.size(), "every entry exported: " + csv);
        assertTrue(csv.contains(requests.get("erp-sync-service")), csv);
        String ndjson = given().header("Authorization", admin).queryParam("actor", "admin").queryParam("from", from)
            .get(API + "audit/export.ndjson").then().statusCode(200).extract().asString();
        assertTrue(ndjson.split("\n").length >= walked.size(), ndjson);
        assertTrue(new JsonPath(ndjson.split("\n")[0]).getString("entry_id") != null);

        given().header("Authorization", admin).queryParam("service", "nowhere").get(API + "audit/").then()
            .statusCode(400).body("details.service[0]", org.hamcrest.Matchers.containsString("config-service"));
        given().header("Authorization", admin).queryParam("limit", "10").get(API + "audit/export.csv").then()
            .statusCode(400).body("error", equalTo("validation_error"));
        given().header("Authorization", admin).queryParam("service", "config-service")
            .queryParam("request_id", requests.get("config-service")).get(API + "audit/").then()
            .statusCode(200).body("count", equalTo(1));
        given().header("Authorization", FlowIT.login("manager")).get(API + "audit/").then().statusCode(200);
        for (String role : List.of("supervisor", "viewer", "erp-operator")) {
            given().header("Authorization", FlowIT.login(role)).get(API + "audit/").then().statusCode(403)
                .body("error", equalTo("forbidden"));
        }
        given().get(API + "audit/export.csv").then().statusCode(401);
    }

    private static org.hamcrest.Matcher<String> startsWith(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }
}
