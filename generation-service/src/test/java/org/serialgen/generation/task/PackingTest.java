package org.serialgen.generation.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.serialgen.generation.task.GenerationFixtures.SUPERVISOR;
import static org.serialgen.generation.task.GenerationFixtures.VIEWER;
import static org.serialgen.generation.task.GenerationFixtures.configure;
import static org.serialgen.generation.task.GenerationFixtures.csvLines;
import static org.serialgen.generation.task.GenerationFixtures.generate;
import static org.serialgen.generation.task.GenerationFixtures.newGtin;
import static org.serialgen.generation.task.GenerationFixtures.workOrder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serialgen.events.AggregationComputed.Level;
import org.serialgen.generation.report.EpcisSchema;
import org.serialgen.gs1.EpcUrn;
import org.serialgen.gs1.Sgtin;
import org.serialgen.gs1.Sscc;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The packing hierarchy: items into bundles, bundles into cases, cases onto a pallet — each number one the work order
 * holds, each container of the level right above its children, never over its capacity, no number in two
 * containers (also when two requests race), unpacking, the queries, and the EPCIS AggregationEvents.
 */
@QuarkusTest
class PackingTest {

    static final String API = "/serial-generation/workorders/";

    /** 250 items, bundles of 10 (25), cases of 10 bundles (3), one pallet of up to 10 cases. */
    static List<Level> levels(String bundle) {
        return List.of(
            new Level("l1", "Item", 1, 0, 250, 1, 0, "sgtin", null),
            new Level("l2", "Bundle", 10, 10, 25, 10, 10, "sgtin", bundle),
            new Level("l3", "Case", 100, 10, 3, 50, 5, "sscc", null),
            new Level("l4", "Pallet", 1000, 10, 1, 250, 3, "sscc", null));
    }

    /** A work order with its items' serials, its bundle serials and its SSCCs issued. */
    record Issued(String woId, String item, String bundle, List<String> items, List<String> bundles,
                  List<String> ssccs) {
    }

    static Issued issued() {
        String item = newGtin();
        String bundle = newGtin();
        String woId = workOrder(item, 250, 4, levels(bundle), 25);
        generate(woId, "serials", "{}").statusCode(202);
        generate(woId, "bundle-serials", "{}").statusCode(202);
        generate(woId, "sscc", "{}").statusCode(202);
        List<String> items = csvLines(woId, "serials", null).stream().map(line -> line.split(",")[2]).toList();
        List<String> bundles = csvLines(woId, "bundle-serials", null).stream().map(line -> line.split(",")[2])
            .toList();
        // the element strings: (00) and the SSCC
        List<String> ssccs = csvLines(woId, "sscc", null).stream().map(line -> line.split(",")[1]).toList();
        return new Issued(woId, item, bundle, items, bundles, ssccs);
    }

    static ValidatableResponse pack(String woId, String parent, List<String> children) {
        return given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
            .body(Map.of("parent", parent, "children", children)).post(API + woId + "/packing/").then();
    }

    @BeforeEach
    void twelveDigitRandomisedSerials() {
        configure(12, "numeric", "randomised", 1_000_000);
    }

    @Test
    void packsItemsIntoBundlesIntoCasesOntoAPalletByTheRules() {
        Issued wo = issued();
        String bundle0 = wo.bundles().get(0);
        String bundle1 = wo.bundles().get(1);
        String case0 = wo.ssccs().get(0);
        String pallet = wo.ssccs().get(3);
        List<String> ten = new ArrayList<>(wo.items().subList(0, 10));
        // a line may send EPC URNs and pack codes too
        Sgtin first = org.serialgen.gs1.ElementString.parseSgtin(ten.get(0));
        ten.set(0, EpcUrn.of(first, 7));
        Sgtin second = org.serialgen.gs1.ElementString.parseSgtin(ten.get(1));
        ten.set(1, "(01)" + second.gtin().value() + "(17)290131(10)LOT1(21)" + second.serial().value());

        pack(wo.woId(), bundle0, ten).statusCode(201).body("moved", equalTo(10)).body("children", equalTo(10))
            .body("capacity", equalTo(10)).body("level", equalTo("l2"));
        // a repeat changes nothing
        pack(wo.woId(), bundle0, ten).statusCode(200).body("moved", equalTo(0)).body("children", equalTo(10));

        // the rules, each refused with the spec's body and nothing written
        pack(wo.woId(), bundle1, wo.items().subList(10, 21)).statusCode(409).body("code", equalTo("CONTAINER_FULL"));
        pack(wo.woId(), bundle1, List.of(wo.items().get(20), wo.items().get(5))).statusCode(409)
            .body("code", equalTo("PACKED_ELSEWHERE")).body("message", containsString("(in " + bundle0 + ")"));
        pack(wo.woId(), bundle1, List.of("(01)" + second.gtin().value() + "(10)OTHER(21)" + second.serial().value()))
            .statusCode(400).body("error", equalTo("validation_error"))
            .body("details.children[0]", containsString("not the work order's"));
        pack(wo.woId(), bundle1, List.of(wo.items().get(30), wo.items().get(30))).statusCode(400)
            .body("details.children[0]", containsString("twice"));
        pack(wo.woId(), case0, List.of(bundle0, wo.items().get(40))).statusCode(400)
            .body("details.children[0]", containsString("more than one level"));
        pack(wo.woId(), bundle1, List.of(wo.bundles().get(2))).statusCode(400)
            .body("details.parent[0]", containsString("identified by an SSCC"));
        pack(wo.woId(), case0, List.of(wo.items().get(41))).statusCode(400)
            .body("details.parent[0]", containsString("identified by an SGTIN"));
        pack(wo.woId(), pallet, List.of(wo.ssccs().get(1))).statusCode(409).body("code", equalTo("CONTAINER_EMPTY"));
        Issued other = issued();
        pack(wo.woId(), bundle1, List.of(other.items().get(0))).statusCode(400)
            .body("details.children[0]", containsString("1 not held by this work order"));
        given().header("Authorization", VIEWER).get(API + wo.woId() + "/packing/contents?container=" + bundle1)
            .then().statusCode(404).body("code", equalTo("NOT_A_CONTAINER"));

        // bundles into a case, the case onto the pallet; the case is a case from then on
        pack(wo.woId(), case0, wo.bundles().subList(0, 10)).statusCode(201).body("level", equalTo("l3"));
        pack(wo.woId(), pallet, List.of(case0)).statusCode(201).body("level", equalTo("l4"));
        pack(wo.woId(), case0, List.of(wo.ssccs().get(2))).statusCode(409);

        given().header("Authorization", VIEWER).queryParam("number", wo.items().get(3))
            .get(API + wo.woId() + "/packing/containers").then().statusCode(200)
            .body("containers.container", equalTo(List.of(bundle0, case0, pallet)))
            .body("containers.level", equalTo(List.of("l2", "l3", "l4")));
        given().header("Authorization", VIEWER).queryParam("container", bundle0).queryParam("page_size", 4)
            .get(API + wo.woId() + "/packing/contents").then().statusCode(200).body("level", equalTo("l2"))
            .body("page.count", equalTo(10)).body("page.results.size()", equalTo(4))
            .body("page.results[2]", equalTo(wo.items().get(2)));
        given().header("Authorization", VIEWER).get(API + wo.woId() + "/packing/").then().statusCode(200)
            .body("levels.find { it.level == 'l2' }.packed_containers", equalTo(1))
            .body("levels.find { it.level == 'l2' }.packed_children", equalTo(10))
            .body("levels.find { it.level == 'l3' }.packed_children", equalTo(10))
            .body("levels.find { it.level == 'l4' }.packed_children", equalTo(1))
            .body("levels.find { it.level == 'l3' }.containers", equalTo(3));

        // unpacking one item: it may go elsewhere then
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
            .body(Map.of("parent", bundle0, "children", List.of(wo.items().get(9))))
            .post(API + wo.woId() + "/packing/unpack").then().statusCode(200).body("moved", equalTo(1))
            .body("children", equalTo(9));
        pack(wo.woId(), bundle1, List.of(wo.items().get(9))).statusCode(201);
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
            .body(Map.of("parent", bundle1, "children", List.of(wo.items().get(8))))
            .post(API + wo.woId() + "/packing/unpack").then().statusCode(400);
        given().header("Authorization", VIEWER).contentType(ContentType.JSON)
            .body(Map.of("parent", bundle1, "children", List.of(wo.items().get(50))))
            .post(API + wo.woId() + "/packing/").then().statusCode(403);

        // EPCIS: an AggregationEvent per packing of a container, and one for the unpacking
        String document = given().header("Authorization", VIEWER).get(API + wo.woId() + "/epcis").then()
            .statusCode(200).extract().asString();
        EpcisSchema.assertValid(document);
        GenerationFixtures.epcisXmlTellingTheSame(wo.woId(), document);
        JsonPath epcis = new JsonPath(document);
        List<Map<String, Object>> aggregations = epcis.getList(
            "epcisBody.eventList.findAll { it.type == 'AggregationEvent' }");
        assertEquals(5, aggregations.size(), "bundle0, case0, pallet, the unpacking, bundle1");
        Map<String, Object> packing = aggregations.get(0);
        assertEquals("ADD", packing.get("action"));
        assertEquals("packing", packing.get("bizStep"));
        Sgtin bundle = org.serialgen.gs1.ElementString.parseSgtin(bundle0);
        assertEquals(EpcUrn.of(bundle, 7), packing.get("parentID"));
        assertEquals(10, ((List<?>) packing.get("childEPCs")).size());
        assertEquals(List.of(EpcUrn.of(new Sscc(case0.substring(4)), 7)), aggregations.get(2).get("childEPCs"));
        Map<String, Object> unpacking = aggregations.get(3);
        assertEquals("DELETE", unpacking.get("action"));
        assertEquals("unpacking", unpacking.get("bizStep"));
        assertEquals(List.of(EpcUrn.of(org.serialgen.gs1.ElementString.parseSgtin(wo.items().get(9)), 7)),
            unpacking.get("childEPCs"));
        assertEquals(document, given().header("Authorization", VIEWER).get(API + wo.woId() + "/epcis").asString(),
            "the same document on every download");

        // what is packed is not voided under the line's feet: unpack first
        String packedSerial = org.serialgen.gs1.ElementString.parseSgtin(wo.items().get(3)).serial().value();
        String looseSerial = org.serialgen.gs1.ElementString.parseSgtin(wo.items().get(200)).serial().value();
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
            .body(Map.of("kind", "serial", "numbers", List.of(packedSerial), "reason", "damaged"))
            .post(API + wo.woId() + "/decommission/").then().statusCode(409).body("code", equalTo("PACKED"));
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
            .body(Map.of("kind", "sscc", "numbers", List.of(case0.substring(4)), "reason", "damaged"))
            .post(API + wo.woId() + "/decommission/").then().statusCode(409).body("code", equalTo("PACKED"));
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
            .body(Map.of("kind", "bundle", "all", true, "reason", "damaged"))
            .post(API + wo.woId() + "/decommission/").then().statusCode(409).body("code", equalTo("PACKED"));
        generate(wo.woId(), "serials", "{\"force_regenerate\": true}").statusCode(409).body("code", equalTo("PACKED"));
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
            .body(Map.of("kind", "serial", "numbers", List.of(looseSerial), "reason", "damaged"))
            .post(API + wo.woId() + "/decommission/").then().statusCode(200).body("decommissioned", equalTo(1));
    }

    @Test
    void whereTheBundlesCarryNoNumberTheCasesHoldTheItemsThemselves() {
        // the configuration's rules: bundles of 10 without a GTIN of their own, cases of 10 bundles (100 items)
        String woId = workOrder(newGtin(), 250, 3, List.of(
            new Level("l1", "unit", 1, 0, 250, 1, 0, "sgtin", null),
            new Level("l2", "bundle", 10, 10, 25, 10, 10, "sgtin", null),
            new Level("l3", "case", 100, 10, 3, 50, 5, "sscc", null)));
        generate(woId, "serials", "{}").statusCode(202);
        generate(woId, "sscc", "{}").statusCode(202);
        List<String> items = csvLines(woId, "serials", null).stream().map(line -> line.split(",")[2]).toList();
        List<String> cases = csvLines(woId, "sscc", null).stream().map(line -> line.split(",")[1]).toList();
        pack(woId, cases.get(0), items.subList(0, 101)).statusCode(409).body("code", equalTo("CONTAINER_FULL"));
        pack(woId, cases.get(0), items.subList(0, 100)).statusCode(201).body("capacity", equalTo(100))
            .body("level", equalTo("l3"));
        given().header("Authorization", VIEWER).get(API + woId + "/packing/").then().statusCode(200)
            .body("levels.level", equalTo(List.of("l1", "l3")))
            .body("levels[1].children_per_container", equalTo(100))
            .body("levels[1].packed_children", equalTo(100));
    }

    @Test
    void twoLinesPackingTheSameItemsAtOnceLeaveEachInOneContainer() throws Exception {
        Issued wo = issued();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                List<String> items = wo.items().subList(round * 10, round * 10 + 10);
                String a = wo.bundles().get(2 * round);
                String b = wo.bundles().get(2 * round + 1);
                CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() ->
                    pack(wo.woId(), a, items).extract().statusCode(), threads);
                CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() ->
                    pack(wo.woId(), b, items).extract().statusCode(), threads);
                List<Integer> answers = new ArrayList<>(List.of(first.get(), second.get()));
                answers.sort(null);
                assertEquals(List.of(201, 409), answers, "round " + round);
                Map<String, Integer> in = new HashMap<>();
                for (String bundle : List.of(a, b)) {
                    JsonPath contents = given().header("Authorization", VIEWER).queryParam("container", bundle)
                        .queryParam("page_size", 100).get(API + wo.woId() + "/packing/contents").then().extract()
                        .jsonPath();
                    if (contents.getString("page") != null) {
                        contents.<String>getList("page.results").forEach(item -> in.merge(item, 1, Integer::sum));
                    }
                }
                assertEquals(10, in.size());
                assertTrue(in.values().stream().allMatch(count -> count == 1));
            }
        } finally {
            threads.shutdown();
        }
    }

    /**
     * A body sent as it is made, chunked (of unknown total length), as a packaging line streams one; the answer as
     * RestAssured would give it.
     */
    static ValidatableResponse packStreamed(String woId, String body) {
        return sendStreamed(API + woId + "/packing/", body);
    }

    static ValidatableResponse sendStreamed(String path, String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + path))
            .header("Authorization", SUPERVISOR).header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
            .build();
        try {
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new io.restassured.builder.ResponseBuilder().setStatusCode(answer.statusCode())
                    .setContentType(answer.headers().firstValue("Content-Type").orElse("application/json"))
                    .setBody(answer.body()).build().then();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String quoted(List<String> numbers) {
        return numbers.stream().map(number -> '"' + number + '"').collect(java.util.stream.Collectors.joining(","));
    }

    @Test
    void aStreamedBodyIsReadAsItComesAndRefusedAsSoonAsItBreaksARule() {
        Issued wo = issued();
        String bundle0 = wo.bundles().get(0);
        String ten = quoted(wo.items().subList(0, 10));
        ValidatableResponse refused;

        refused = packStreamed(wo.woId(), "{\"parent\":\"" + bundle0 + "\",\"parent\":\"" + bundle0
            + "\",\"children\":[" + ten + "]}");
        refused.statusCode(400).body("error", equalTo("validation_error"))
            .body("details.body[0]", containsString("Duplicate field 'parent'"));
        packStreamed(wo.woId(), "{\"parent\":\"" + bundle0 + "\",\"children\":[" + ten + "]} {}").statusCode(400)
            .body("details.body[0]", containsString("Nothing may follow"));
        packStreamed(wo.woId(), "{\"parent\":\"" + bundle0 + "\",\"children\":[" + ten + ",7]}").statusCode(400)
            .body("details.children[0]", containsString("Must be text"));
        packStreamed(wo.woId(), "{\"parent\":7,\"children\":[" + ten + "]}").statusCode(400)
            .body("details.parent[0]", containsString("Must be text"));
        packStreamed(wo.woId(), "{\"parent\":\"" + bundle0 + "\",\"children\":\"" + wo.items().get(0) + "\"}")
            .statusCode(400).body("details.children[0]", containsString("array"));
        packStreamed(wo.woId(), "{\"parent\":\"" + bundle0 + "\",\"children\":[\"a\\u0000b\"]}").statusCode(400)
            .body("details.children[0]", containsString("control characters"));
        packStreamed(wo.woId(), "[\"" + bundle0 + "\"]").statusCode(400)
            .body("details.body[0]", containsString("JSON object"));
        packStreamed(wo.woId(), "{\"parent\":\"" + bundle0 + "\",\"children\":[" + ten).statusCode(400)
            .body("details.body[0]", containsString("Not readable as JSON"));
        // the 100 001st child is refused as it is read: what follows it (not JSON at all) is never looked at
        String many = String.join(",", java.util.Collections.nCopies(100_000 + 1, '"' + wo.items().get(0)
            + '"'));
        packStreamed(wo.woId(), "{\"parent\":\"" + bundle0 + "\",\"children\":[" + many + ", garbage")
            .statusCode(400).body("details.children[0]", containsString("1 to 100000 numbers"));
        // more than 16 MiB is a 413, whatever it holds (a few KB over it: the server stops reading there and closes,
        // and a client still sending much more would never see the answer)
        String huge = String.join(",", java.util.Collections.nCopies((16 << 20) / 201 + 20, '"' + "9".repeat(198)
            + '"'));
        packStreamed(wo.woId(), "{\"parent\":\"" + bundle0 + "\",\"children\":[" + huge + "]}").statusCode(413)
            .body("error", equalTo("payload_too_large")).body("code", equalTo("PAYLOAD_TOO_LARGE"))
            .body("request_id", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", VIEWER).get(API + wo.woId() + "/packing/").then().statusCode(200)
            .body("levels.find { it.level == 'l2' }.packed_children", equalTo(0));

        // a well-formed streamed body packs; fields it does not know are passed over
        packStreamed(wo.woId(), "{\"line\":{\"id\":[1,2]},\"children\":[" + ten + "],\"parent\":\"" + bundle0
            + "\"}").statusCode(201).body("moved", equalTo(10));
        sendStreamed(API + wo.woId() + "/packing/unpack", "{\"parent\":\"" + bundle0 + "\"}").statusCode(200).body("moved", equalTo(10))
            .body("children", equalTo(0));
    }
}
