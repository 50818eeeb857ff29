package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serialgen.fakeerp.FakeErp;
import org.serialgen.testkit.ServiceProcess;

import io.restassured.path.json.JsonPath;

/**
 * The schedule with two replicas of erp-sync-service side by side on one database: scheduled runs never overlap,
 * and when the replica holding a run is killed, the other takes over once the lease expires — the killed run is
 * marked abandoned, never left running.
 */
@ExtendWith(RunningSuite.class)
class ErpReplicasIT {

    static final String API = "/api/v1/serial-generation/";

    static ServiceProcess replica() {
        Map<String, String> env = new HashMap<>(RunningSuite.RESTART_ENV);
        env.put("ERP_SYNC_INTERVAL", "2");
        env.put("SERIALGEN_ERP_LEASE", "3s");
        env.put("SERIALGEN_ERP_TICK", "500ms");
        return ServiceProcess.start("erp-sync-service", env);
    }

    static List<JsonPath> scheduledRuns(String viewer) {
        JsonPath page = given().header("Authorization", viewer).get(API + "erp/syncs/?trigger=schedule&page_size=100")
            .then().statusCode(200).extract().jsonPath();
        List<JsonPath> runs = new ArrayList<>();
        for (int i = 0; i < page.getList("results").size(); i++) {
            runs.add(new JsonPath(page.prettify()).setRootPath("results[" + i + "]"));
        }
        runs.sort(Comparator.comparing(run -> Instant.parse(run.getString("started_at"))));
        return runs;
    }

    @Test
    void twoReplicasRunOneScheduledSyncAtATimeAndTakeOverFromOneThatDies() {
        String viewer = FlowIT.login("viewer");
        RunningSuite.erp.slowness(Duration.ofSeconds(6));
        ServiceProcess first = replica().awaitReady(Duration.ofSeconds(120));
        ServiceProcess second = null;
        try {
            // a long run, held by the first replica
            RunningSuite.erp.trouble(FakeErp.Trouble.DELAY, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> scheduledRuns(viewer).stream()
                .anyMatch(run -> "running".equals(run.getString("status"))));
            second = replica().awaitReady(Duration.ofSeconds(120));
            first.kill();
            // the second takes over once the lease has expired, and goes on on schedule
            await().atMost(Duration.ofSeconds(60)).until(() -> scheduledRuns(viewer).stream()
                .filter(run -> "succeeded".equals(run.getString("status"))).count() >= 3);
        } finally {
            first.kill();
            if (second != null) {
                second.close();
            }
        }
        List<JsonPath> runs = scheduledRuns(viewer);
        assertTrue(runs.stream().anyMatch(run -> "abandoned".equals(run.getString("status"))),
            "the killed replica's run is abandoned");
        assertFalse(runs.stream().anyMatch(run -> "running".equals(run.getString("status"))), "none left running");
        for (int i = 1; i < runs.size(); i++) {
            JsonPath before = runs.get(i - 1);
            if (!"abandoned".equals(before.getString("status"))) {
                assertFalse(Instant.parse(runs.get(i).getString("started_at"))
                    .isBefore(Instant.parse(before.getString("finished_at"))), "runs " + (i - 1) + " and " + i
                    + " overlap");
            }
        }
        assertEquals(0, runs.stream().filter(run -> "failed".equals(run.getString("status"))).count());
    }
}
