package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The gateway relays bodies untouched: a large streamed report through the gateway is byte for byte the service's,
 * with its content type and Content-Disposition, and an EPCIS document of many identifiers is one valid JSON document.
 * A service that is away is a 503 with the spec's error body, and the gateway serves again once it is back.
 */
@ExtendWith(RunningSuite.class)
class RelayIT {

    static final String API = "/api/v1/serial-generation/";
    static final int SERIALS = 200_000;

    @Test
    void streamsReportsThroughByteForByte() throws Exception {
        String supervisor = FlowIT.login("supervisor");
        FlowIT.patchConfig(FlowIT.login("manager"), "{\"gs1_company_prefixes\": [{\"prefix\": \"9506000\","
            + " \"sscc_extension_digit\": 1}]}");
        String woId = "WO-RELAY-" + UUID.randomUUID().toString().substring(0, 6);
        FlowIT.publishErpWorkOrder(woId, 1_000);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            given().header("Authorization", supervisor).get(API + "workorders/" + woId + "/")
                .then().statusCode(200).body("total_requested_sscc", equalTo(10)));
        given().header("Authorization", supervisor).contentType(ContentType.JSON)
            .body("{\"quantity\": " + SERIALS + ", \"override_config\": true}")
            .post(API + "workorders/" + woId + "/generate-serials/").then().statusCode(202);

        ObjectMapper json = new ObjectMapper();
        for (String report : new String[] {"serials.csv", "serials.csv?format=dl", "epcis"}) {
            Response direct = given().baseUri(RunningSuite.direct("generation-service"))
                .header("Authorization", supervisor).get("/serial-generation/workorders/" + woId + "/" + report);
            Response relayed = given().header("Authorization", supervisor)
                .get(API + "workorders/" + woId + "/" + report);
            assertEquals(200, relayed.statusCode(), report);
            if (report.equals("epcis")) {
                // each download is written at its own time (creationDate); the identifiers are the same
                JsonNode events = json.readTree(relayed.asByteArray()).path("epcisBody").path("eventList");
                assertEquals(json.readTree(direct.asByteArray()).path("epcisBody").path("eventList").path(0)
                    .path("epcList"), events.path(0).path("epcList"));
                assertEquals(SERIALS, events.path(0).path("epcList").size());
            } else {
                assertArrayEquals(direct.asByteArray(), relayed.asByteArray(), report + " differs through the gateway");
            }
            assertEquals(direct.contentType(), relayed.contentType(), report);
            assertEquals(direct.header("Content-Disposition"), relayed.header("Content-Disposition"), report);
        }
    }

    @Test
    void aServiceThatIsAwayIsA503UntilItIsBack() {
        String viewer = FlowIT.login("viewer");
        RunningSuite.stop("erp-sync-service");
        try {
            given().header("Authorization", viewer).get(API + "erp/status/").then().statusCode(503)
                .body("error", equalTo("service_unavailable")).body("code", equalTo("UPSTREAM_UNAVAILABLE"));
            given().header("Authorization", viewer).get(API + "config/").then().statusCode(200);
        } finally {
            RunningSuite.restart("erp-sync-service");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().header("Authorization", viewer).get(API + "erp/status/").then().statusCode(200));
    }
}
