package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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

import org.serialgen.gs1.ElementString;
import org.serialgen.gs1.EpcUrn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The gateway relays bodies untouched: reports of 1 000 000 serials through the gateway are byte for byte the
 * service's, with their content type and Content-Disposition, and parse whole to the serials issued; a thousand
 * downloads of every kind meet no 5xx.
 * A service that is away is a 503 with the spec's error body, and the gateway serves again once it is back.
 */
@ExtendWith(RunningSuite.class)
class RelayIT {

    static final String API = "/api/v1/serial-generation/";
    static final int SERIALS = 1_000_000;

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
        byte[] csv = null;
        byte[] epcis = null;

        for (String report : new String[] {"serials.csv", "serials.csv?format=dl", "epcis"}) {
            Response direct = given().baseUri(RunningSuite.direct("generation-service"))
                .header("Authorization", supervisor).get("/serial-generation/workorders/" + woId + "/" + report);
            Response relayed = given().header("Authorization", supervisor)
                .get(API + "workorders/" + woId + "/" + report);
            assertEquals(200, relayed.statusCode(), report);
            // an EPCIS document is dated by its events, so it too is the same on every download
            assertArrayEquals(direct.asByteArray(), relayed.asByteArray(), report + " differs through the gateway");
            assertEquals(direct.contentType(), relayed.contentType(), report);
            assertEquals(direct.header("Content-Disposition"), relayed.header("Content-Disposition"), report);
            if (report.equals("serials.csv")) {
                csv = relayed.asByteArray();
            } else if (report.equals("epcis")) {
                epcis = relayed.asByteArray();
            }
        }
        // parsed whole: the EPCIS document names exactly the serials of the CSV, each once
        Set<String> serials = new HashSet<>(SERIALS);
        List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().skip(1).toList();
        for (String line : lines) {
            assertTrue(serials.add(ElementString.parseSgtin(line.split(",")[2]).serial().value()), line);
        }
        assertEquals(SERIALS, serials.size());
        int epcs = 0;
        try (JsonParser parser = new JsonFactory().createParser(epcis)) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && parser.currentName().equals("epcList")) {
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.VALUE_STRING) {
                        assertTrue(serials.contains(EpcUrn.parseSgtin(parser.getText()).serial().value()));
                        epcs++;
                    }
                }
            }
        }
        assertEquals(SERIALS, epcs);
    }

    @Test
    void aThousandDownloadsThroughTheGatewayMeetNo5xx() throws Exception {
        String supervisor = FlowIT.login("supervisor");
        String woId = "WO-SOAK-" + UUID.randomUUID().toString().substring(0, 6);
        FlowIT.publishErpWorkOrder(woId, 500);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            given().header("Authorization", supervisor).get(API + "workorders/" + woId + "/")
                .then().statusCode(200).body("total_requested_sscc", equalTo(5)));
        given().header("Authorization", supervisor).contentType(ContentType.JSON).body("{}")
            .post(API + "workorders/" + woId + "/generate-serials/").then().statusCode(202);
        given().header("Authorization", supervisor).contentType(ContentType.JSON).body("{}")
            .post(API + "workorders/" + woId + "/generate-sscc/").then().statusCode(202);
        String serial = given().header("Authorization", supervisor).get(API + "workorders/" + woId + "/serials.csv")
            .asString().lines().skip(1).findFirst().orElseThrow().split(",")[1];
        String[] reports = {"serials.csv", "sscc.csv?format=pack", "serials.csv?format=scan", "epcis",
            "datamatrix?serial=" + serial};
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                String report = reports[i % reports.length];
                answers.add(clients.submit(() -> {
                    Response answer = given().header("Authorization", supervisor)
                        .get(API + "workorders/" + woId + "/" + report);
                    assertTrue(answer.asByteArray().length > 0, report);
                    assertTrue(answer.header("Content-Disposition") != null, report + " keeps its Content-Disposition");
                    return answer.statusCode();
                }));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            clients.shutdownNow();
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
