package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serialgen.gs1.CheckDigit;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The packaging line's path through the gateway: a recipe with a bundle level, a work order of it, its items' and
 * bundles' serials and its SSCCs issued, items packed into a bundle and the bundle into a case, the tree and the
 * EPCIS document's AggregationEvents read back — the five packaged services together.
 */
@ExtendWith(RunningSuite.class)
class PackingIT {

    static final String API = "/api/v1/serial-generation/";

    static String gtin(String first) {
        String body = "0" + "9506000" + first + String.format("%04d", (int) (Math.random() * 10_000));
        return body + CheckDigit.compute(body);
    }

    static List<String> column(String token, String woId, String report, int column) {
        return given().header("Authorization", token).get(API + "workorders/" + woId + "/" + report).then()
            .statusCode(200).extract().asString().lines().skip(1).map(line -> line.split(",")[column]).toList();
    }

    @Test
    void itemsIntoABundleIntoACaseThroughTheGateway() {
        String manager = FlowIT.login("manager");
        String item = gtin("7");
        String bundle = gtin("8");
        given().header("Authorization", manager).contentType(ContentType.JSON).body(Map.of("gtin", item,
                "variant", "default", "effective_from", "2026-01-01", "levels", List.of(
                    Map.of("level", 1, "name", "unit", "identified_by", "sgtin"),
                    Map.of("level", 2, "name", "bundle", "children_per_parent", 5, "identified_by", "sgtin",
                        "gtin", bundle),
                    Map.of("level", 3, "name", "case", "children_per_parent", 4, "identified_by", "sscc"))))
            .post(API + "aggregation/recipes/").then().statusCode(201);
        String woId = "WO-PACK-" + UUID.randomUUID().toString().substring(0, 6);
        given().header("Authorization", manager).contentType(ContentType.JSON).body(Map.of("wo_id", woId,
                "wo_name", "Packed", "gtin", item, "lot", "P1", "expiry", "2030-01-31", "quantity", 40))
            .post(API + "workorders/").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            given().header("Authorization", manager).get(API + "workorders/" + woId + "/").then()
                .body("total_requested_bundle_serials", equalTo(8)).body("total_requested_sscc", equalTo(2)));
        for (String kind : List.of("serials", "bundle-serials", "sscc")) {
            given().header("Authorization", manager).contentType(ContentType.JSON).body("{}")
                .post(API + "workorders/" + woId + "/generate-" + kind + "/").then().statusCode(202);
        }
        List<String> items = column(manager, woId, "serials.csv", 2);
        List<String> bundles = column(manager, woId, "bundle-serials.csv", 2);
        List<String> cases = column(manager, woId, "sscc.csv", 1);

        given().header("Authorization", manager).contentType(ContentType.JSON)
            .body(Map.of("parent", bundles.get(0), "children", items.subList(0, 5)))
            .post(API + "workorders/" + woId + "/packing/").then().statusCode(201).body("moved", equalTo(5));
        given().header("Authorization", manager).contentType(ContentType.JSON)
            .body(Map.of("parent", cases.get(0), "children", bundles.subList(0, 4)))
            .post(API + "workorders/" + woId + "/packing/").then().statusCode(201).body("level", equalTo("l3"));
        given().header("Authorization", manager).contentType(ContentType.JSON)
            .body(Map.of("parent", cases.get(1), "children", List.of(bundles.get(0))))
            .post(API + "workorders/" + woId + "/packing/").then().statusCode(409)
            .body("code", equalTo("PACKED_ELSEWHERE")).body("request_id", org.hamcrest.Matchers.notNullValue());
        // a packaging line may stream its body (chunked, of unknown length): the gateway relays it as it comes;
        // an ordinary operation still needs its length
        String streamed = "{\"parent\":\"" + bundles.get(1) + "\",\"children\":[\""
            + String.join("\",\"", items.subList(5, 10)) + "\"]}";
        java.net.http.HttpResponse<String> packed = postChunked(manager, "workorders/" + woId + "/packing/", streamed);
        assertEquals(201, packed.statusCode(), packed.body());
        java.net.http.HttpResponse<String> refused = postChunked(manager, "workorders/", "{}");
        assertEquals(411, refused.statusCode());
        assertEquals("LENGTH_REQUIRED", new JsonPath(refused.body()).getString("code"));

        given().header("Authorization", FlowIT.login("viewer")).queryParam("number", items.get(2))
            .get(API + "workorders/" + woId + "/packing/containers").then().statusCode(200)
            .body("containers.container", equalTo(List.of(bundles.get(0), cases.get(0))));
        given().header("Authorization", manager).get(API + "workorders/" + woId + "/packing/").then()
            .body("levels.find { it.level == 'l2' }.packed_children", equalTo(10))
            .body("levels.find { it.level == 'l3' }.packed_children", equalTo(4));

        JsonPath epcis = given().header("Authorization", manager).get(API + "workorders/" + woId + "/epcis").then()
            .statusCode(200).extract().jsonPath();
        assertEquals(List.of("packing", "packing", "packing"),
            epcis.getList("epcisBody.eventList.findAll { it.type == 'AggregationEvent' }.bizStep"));
    }

    static java.net.http.HttpResponse<String> postChunked(String token, String path, String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                io.restassured.RestAssured.baseURI + API + path))
            .header("Authorization", token).header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
            .build();
        try {
            // Java's client offers an h2c upgrade by default: the gateway must not lose the body over it
            return java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
