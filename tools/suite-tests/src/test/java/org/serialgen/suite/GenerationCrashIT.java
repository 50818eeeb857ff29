package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.extension.ExtendWith;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The promise under a crash: generation-service is killed (SIGKILL) while issue requests are in flight, then
 * restarted. Every number issued is recorded with a completed task, none is issued twice, and the work order's counts
 * match exactly what was issued — an issue either happened whole or not at all.
 */
@ExtendWith(RunningSuite.class)
class GenerationCrashIT {

    static final String API = "/api/v1/serial-generation/";

    @Test
    void aCrashMidIssueLeavesNoDuplicateAndNoHalfDoneTask() throws Exception {
        String supervisor = FlowIT.login("supervisor");
        String woId = "WO-CRASH-" + UUID.randomUUID().toString().substring(0, 6);
        FlowIT.publishErpWorkOrder(woId, 1_000_000);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            given().header("Authorization", supervisor).get(API + "workorders/" + woId + "/")
                .then().statusCode(200).body("total_requested_serials", org.hamcrest.Matchers.greaterThan(0)));

        String direct = RunningSuite.direct("generation-service");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch someIssued = new java.util.concurrent.CountDownLatch(20);
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String key = "crash-" + i;
            calls.add(clients.submit(() -> {
                try {
                    var response = given().baseUri(direct).header("Authorization", supervisor)
                        .header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"quantity\": 1000}")
                        .post("/serial-generation/workorders/" + woId + "/generate-serials/");
                    if (response.statusCode() != 202) {
                        return null;
                    }
                    someIssued.countDown();
                    return response.jsonPath().getString("task_id");
                } catch (Exception connectionLost) { // the service died under this request
                    return null;
                }
            }));
        }
        // kill it while most requests are still to come or in flight
        assertTrue(someIssued.await(60, java.util.concurrent.TimeUnit.SECONDS));
        RunningSuite.crashAndRestart("generation-service");
        List<String> acknowledged = new ArrayList<>();
        for (Future<String> call : calls) {
            String task = call.get();
            if (task != null) {
                acknowledged.add(task);
            }
        }
        clients.shutdown();
        assertTrue(acknowledged.size() >= 20 && acknowledged.size() < 200,
            "the crash cut the run short: " + acknowledged.size() + " of 200 acknowledged");

        for (String task : acknowledged) {
            given().header("Authorization", supervisor).get(API + "tasks/" + task + "/")
                .then().statusCode(200).body("status", equalTo("completed"));
        }
        JsonPath workOrder = given().header("Authorization", supervisor).get(API + "workorders/" + woId + "/")
            .then().statusCode(200).extract().jsonPath();
        long generated = workOrder.getLong("generated_serials");
        assertTrue(generated >= acknowledged.size() * 1000L, "every acknowledged issue is there");
        assertEquals(0, generated % 1000, "issues are whole: " + generated);

        List<String> rows = given().header("Authorization", supervisor).get(API + "workorders/" + woId + "/serials.csv")
            .then().statusCode(200).extract().asString().lines().skip(1).toList();
        assertEquals(generated, rows.size(), "the report holds exactly what the work order counts");
        Set<String> serials = new HashSet<>();
        rows.forEach(row -> assertTrue(serials.add(row.split(",")[1]), "serial issued twice: " + row));
        given().header("Authorization", supervisor).get(API + "workorders/" + woId + "/history/?page_size=1")
            .then().statusCode(200).body("count", equalTo((int) (generated / 1000) * 2));
        given().header("Authorization", supervisor).post(API + "audit/uniqueness?derive=true")
            .then().statusCode(200).body("ok", equalTo(true)).body("duplicate_serials", equalTo(0))
            .body("overlapping_allocations", equalTo(0));
    }
}
