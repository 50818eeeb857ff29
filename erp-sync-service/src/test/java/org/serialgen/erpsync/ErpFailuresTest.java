package org.serialgen.erpsync;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.serialgen.erpsync.ErpPullTest.OPERATOR;
import static org.serialgen.erpsync.ErpPullTest.erp;
import static org.serialgen.erpsync.ErpPullTest.newId;
import static org.serialgen.erpsync.ErpPullTest.put;
import static org.serialgen.erpsync.ErpPullTest.sync;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serialgen.fakeerp.FakeErp;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each way the ERP fails ends the run with its class and applies nothing of the failed call; the ERP failing never
 * blocks what does not need it (the service stays ready).
 */
@QuarkusTest
class ErpFailuresTest {

    @org.junit.jupiter.api.AfterEach
    void behaveAgain() {
        erp().trouble(FakeErp.Trouble.NONE, 0);
    }

    /**
     * Each test starts with the breaker closed: the one before may have left it open (the test profile's breaker delay
     * is 500 ms, measured from its last failure, which can come after that test ended). A run that succeeds closes it.
     */
    @BeforeEach
    void letTheBreakerCloseAgain() {
        erp().trouble(FakeErp.Trouble.NONE, 0);
        await().pollDelay(Duration.ofMillis(600)).pollInterval(Duration.ofMillis(300)).atMost(Duration.ofSeconds(20))
            .until(() -> "succeeded".equals(sync("{}").getString("status")));
    }

    /** Calls of the work-order API the ERP received (not its health endpoint). */
    static long pageRequests() {
        return erp().requests().stream().filter(r -> r.startsWith("GET /workorders")).count();
    }

    static JsonPath failingRun(String woId) {
        JsonPath run = sync("{}");
        assertEquals("failed", run.getString("status"));
        assertEquals(0, run.getInt("counts.created"), "nothing of the failed call applied");
        given().header("Authorization", OPERATOR).get("/serial-generation/erp/workorders/" + woId + "/")
            .then().statusCode(404);
        return run;
    }

    @Test
    void aRefusedTokenIsUnauthorizedAndNotRetried() {
        String woId = newId("401");
        put(woId, 1);
        long before = pageRequests();
        erp().trouble(FakeErp.Trouble.UNAUTHORIZED, 1);
        assertEquals("unauthorized", failingRun(woId).getString("failure_class"));
        assertEquals(1, pageRequests() - before, "a refused token is not tried again");
    }

    @Test
    void aFailingErpIsAServerErrorAfterRetries() {
        String woId = newId("500");
        put(woId, 1);
        long before = pageRequests();
        erp().trouble(FakeErp.Trouble.SERVER_ERROR, 100);
        assertEquals("server_error", failingRun(woId).getString("failure_class"));
        assertTrue(pageRequests() - before >= 2, "tried again");
    }

    @Test
    void aSlowErpTimesOut() {
        String woId = newId("SLOW");
        put(woId, 1);
        erp().slowness(Duration.ofSeconds(3));
        erp().trouble(FakeErp.Trouble.SLOW, 100);
        assertEquals("timeout", failingRun(woId).getString("failure_class"));
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Test
    void anErpThatIsAwayIsUnreachableAndTheServiceStaysReady() throws InterruptedException {
        String woId = newId("AWAY");
        put(woId, 1);
        erp().goAway();
        try {
            assertEquals("unreachable", failingRun(woId).getString("failure_class"));
            given().get(management.getProtocol() + "://" + management.getHost() + ":" + management.getPort()
                + "/q/health/ready").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", OPERATOR)
                .get("/serial-generation/erp/status/").then().body("erp_health.status", equalTo("down")));
        } finally {
            erp().comeBack();
        }
        Thread.sleep(1_000); // the breaker, opened while the ERP was away, lets a call through again
        assertEquals("succeeded", sync("{}").getString("status"));
    }

    @Test
    void anInvalidRecordIsKeptWithItsReasonsAndTheRunGoesOn() {
        String bad = newId("INV");
        String good = newId("OK");
        erp().putRaw(bad, FakeErp.JSON.createObjectNode().put("wo_id", bad).put("wo_name", "x")
            .put("gtin", "09520000000017").put("lot", "L1").put("expiry", "2020-01-01").put("quantity", 1.5));
        put(good, 3);
        JsonPath run = sync("{}");
        assertEquals("succeeded", run.getString("status"));
        assertEquals("failed", ErpPullTest.outcome(run, bad));
        assertEquals("created", ErpPullTest.outcome(run, good));
        given().header("Authorization", OPERATOR).get("/serial-generation/erp/failed-records/?status=open")
            .then().body("results.find { it.wo_id == '" + bad + "' }.reasons.quantity[0]",
                equalTo("Must be a whole number (not text, not a fraction)"))
            .body("results.find { it.wo_id == '" + bad + "' }.reasons.expiry[0]",
                org.hamcrest.Matchers.startsWith("Must not be in the past"))
            .body("results.find { it.wo_id == '" + bad + "' }.reasons.gtin[0]",
                org.hamcrest.Matchers.startsWith("GTIN check digit is wrong"));
    }
}
