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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.serialgen.events.AggregationComputed.Level;
import org.serialgen.generation.report.EpcisSchema;
import org.serialgen.gs1.CheckDigit;
import org.serialgen.gs1.EpcUrn;
import org.serialgen.gs1.Sgtin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Bundle serials: SGTINs of the work order's trade-item packaging levels above the item, each from its own GTIN's
 * pool — with their own counts, status, history and reports, never overlapping anything any work order was issued.
 */
@QuarkusTest
class BundleSerialsTest {

    static final String API = "/serial-generation/workorders/";

    /** 250 items in bundles of 10 (GTIN {@code bundle}), shelf packs of 5 bundles (GTIN {@code pack}), one pallet. */
    static List<Level> levels(String bundle, String pack) {
        return List.of(
            new Level("l1", "Item", 1, 0, 250, 1, 0, "sgtin", null),
            new Level("l2", "Bundle", 10, 10, 25, 10, 10, "sgtin", bundle),
            new Level("l3", "Shelf pack", 50, 5, 5, 50, 5, "sgtin", pack),
            new Level("l4", "Pallet", 250, 5, 1, 250, 5, "sscc", null));
    }

    /** gtin → serials of the work order's bundle-serials.csv. */
    static Map<String, List<String>> bundleSerials(String woId) {
        Map<String, List<String>> byGtin = new HashMap<>();
        for (String line : csvLines(woId, "bundle-serials", null)) {
            String[] cells = line.split(",");
            byGtin.computeIfAbsent(cells[0], g -> new ArrayList<>()).add(cells[1]);
        }
        return byGtin;
    }

    @Test
    void issuesEachBundleGtinItsContainersWithCountsHistoryAndReportsOfTheirOwn() {
        configure(12, "numeric", "randomised", 1_000_000);
        String item = newGtin();
        String bundle = newGtin();
        String pack = newGtin();
        String woId = workOrder(item, 250, 1, levels(bundle, pack), 30);

        generate(woId, "bundle-serials", "{}").statusCode(202);
        given().header("Authorization", VIEWER).get(API + woId + "/").then().statusCode(200)
            .body("total_requested_bundle_serials", equalTo(30)).body("generated_bundle_serials", equalTo(30))
            .body("bundle_serial_generation_status", equalTo("completed"))
            .body("serial_generation_status", equalTo("pending")).body("generated_serials", equalTo(0))
            .body("allocations.findAll { it.kind == 'bundle' }.gtin.toSet()", equalTo(Set.of(bundle, pack)));
        given().header("Authorization", VIEWER).get(API + woId + "/history/").then()
            .body("results[0].action_type", equalTo("bundle_serial_generation"))
            .body("results[0].action_status", equalTo("completed"))
            .body("results[0].generated_quantity", equalTo(30));

        Map<String, List<String>> issued = bundleSerials(woId);
        assertEquals(25, issued.get(bundle).size());
        assertEquals(5, issued.get(pack).size());
        assertEquals(25, new HashSet<>(issued.get(bundle)).size());
        // the pack code of a bundle names the bundle's GTIN with the work order's lot and expiry
        List<String> packs = csvLines(woId, "bundle-serials", "pack");
        assertTrue(packs.stream().allMatch(line -> line.contains("(17)290131(10)LOT1(21)")), packs.get(0));

        // the items' serials are another report: neither holds the other's numbers
        generate(woId, "serials", "{}").statusCode(202);
        List<String> items = csvLines(woId, "serials", null);
        assertTrue(items.stream().allMatch(line -> line.startsWith(item + ",")));
        assertEquals(30, csvLines(woId, "bundle-serials", null).size());

        // EPCIS: the bundles are trade items, commissioned with the lot and expiry, under their own GTINs
        String document = given().header("Authorization", VIEWER).get(API + woId + "/epcis").then().statusCode(200)
            .extract().asString();
        EpcisSchema.assertValid(document);
        GenerationFixtures.epcisXmlTellingTheSame(woId, document);
        JsonPath epcis = new JsonPath(document);
        Map<String, Integer> perGtin = new HashMap<>();
        for (int i = 0; i < epcis.getList("epcisBody.eventList").size(); i++) {
            assertEquals("LOT1", epcis.getString("epcisBody.eventList[" + i + "].ilmd.'cbvmda:lotNumber'"));
            for (String urn : epcis.<String>getList("epcisBody.eventList[" + i + "].epcList")) {
                Sgtin sgtin = EpcUrn.parseSgtin(urn);
                perGtin.merge(sgtin.gtin().value(), 1, Integer::sum);
            }
        }
        assertEquals(Map.of(item, items.size(), bundle, 25, pack, 5), perGtin);

        // a bundle serial has its DataMatrix under the bundle's GTIN, not the item's
        String first = issued.get(bundle).get(0);
        given().header("Authorization", VIEWER).queryParam("serial", first).queryParam("gtin", bundle)
            .get(API + woId + "/datamatrix").then().statusCode(200).contentType("image/png");
        given().header("Authorization", VIEWER).queryParam("serial", first).queryParam("gtin", pack)
            .get(API + woId + "/datamatrix").then().statusCode(404).body("code", equalTo("SERIAL_NOT_HELD"));

        // done once: again only when forced or for a named GTIN with the override
        generate(woId, "bundle-serials", "{}").statusCode(409).body("code", equalTo("ALREADY_GENERATED"));
        generate(woId, "bundle-serials", "{\"quantity\": 2, \"override_config\": true}").statusCode(400)
            .body("error", equalTo("validation_error")).body("details.gtin[0]", containsString("Say which"));
        generate(woId, "bundle-serials", "{\"quantity\": 2, \"gtin\": \"" + item + "\", \"override_config\": true}")
            .statusCode(400).body("details.gtin[0]", containsString("Not a bundle GTIN"));
        generate(woId, "bundle-serials", "{\"quantity\": 2, \"gtin\": \"" + pack + "\", \"override_config\": true}")
            .statusCode(202);
        assertEquals(7, bundleSerials(woId).get(pack).size());
        generate(woId, "serials", "{\"gtin\": \"" + pack + "\"}").statusCode(400)
            .body("details.gtin[0]", containsString("Only bundle serials"));

        // forced: all voided, never reissued, the demand issued anew
        Set<String> before = new HashSet<>(csvLines(woId, "bundle-serials", null));
        generate(woId, "bundle-serials", "{\"force_regenerate\": true}").statusCode(202);
        List<String> after = csvLines(woId, "bundle-serials", null);
        assertEquals(30, after.size());
        assertTrue(after.stream().noneMatch(before::contains));
        given().header("Authorization", VIEWER).get(API + woId + "/").then()
            .body("generated_bundle_serials", equalTo(30));
    }

    @Test
    void returnsBundleSerialsOfANamedGtinAndTellsThemDecommissioned() {
        configure(12, "numeric", "sequential", 1_000_000);
        String bundle = newGtin();
        String pack = newGtin();
        String woId = workOrder(newGtin(), 250, 1, levels(bundle, pack), 30);
        generate(woId, "bundle-serials", "{}").statusCode(202);
        Map<String, List<String>> issued = bundleSerials(woId);
        String returned = issued.get(pack).get(0);

        // sequential serials of two fresh pools start alike: the GTIN says whose is returned
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
            .body("{\"kind\": \"bundle\", \"numbers\": [\"" + returned + "\"], \"reason\": \"torn\"}")
            .post(API + woId + "/decommission/").then().statusCode(400).body("details.gtin[0]",
                containsString("Say which bundle GTIN"));
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON)
            .body("{\"kind\": \"bundle\", \"gtin\": \"" + pack + "\", \"numbers\": [\"" + returned
                + "\"], \"reason\": \"torn\"}")
            .post(API + woId + "/decommission/").then().statusCode(200).body("kind", equalTo("bundle"))
            .body("decommissioned", equalTo(1)).body("held", equalTo(29));

        Map<String, List<String>> held = bundleSerials(woId);
        assertEquals(4, held.get(pack).size());
        assertEquals(25, held.get(bundle).size());
        assertTrue(held.get(bundle).contains(returned), "the bundle GTIN's serial of the same text stays");
        given().header("Authorization", VIEWER).get(API + woId + "/").then()
            .body("decommissioned_bundle_serials", equalTo(1)).body("generated_bundle_serials", equalTo(30));
        JsonPath epcis = new JsonPath(given().header("Authorization", VIEWER).get(API + woId + "/epcis").asString());
        List<String> deleted = epcis.getList("epcisBody.eventList.find { it.action == 'DELETE' }.epcList");
        assertEquals(List.of(EpcUrn.of(new Sgtin(new org.serialgen.gs1.Gtin(pack),
            new org.serialgen.gs1.SerialNumber(returned)), 7)), deleted);
    }

    @Test
    void bundleSerialsOfOneGtinNeverOverlapAcrossWorkOrdersIssuedAtOnce() throws Exception {
        configure(10, "numeric", "sequential", 1_000_000);
        String bundle = newGtin();
        String pack = newGtin();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(workOrder(newGtin(), 250, 1, levels(bundle, pack), 30));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Integer>> calls = orders.stream().map(woId -> CompletableFuture.supplyAsync(() ->
                generate(woId, "bundle-serials", "{}").extract().statusCode(), pool)).toList();
            for (CompletableFuture<Integer> call : calls) {
                assertEquals(202, call.get());
            }
        } finally {
            pool.shutdown();
        }
        Set<String> seen = new HashSet<>();
        for (String woId : orders) {
            for (String line : csvLines(woId, "bundle-serials", null)) {
                assertTrue(seen.add(line.split(",")[0] + "/" + line.split(",")[1]), "issued twice: " + line);
            }
        }
        assertEquals(6 * 30, seen.size());
        given().header("Authorization", SUPERVISOR).post("/serial-generation/audit/uniqueness?derive=true")
            .then().statusCode(200).body("ok", equalTo(true)).body("overlapping_allocations", equalTo(0));
    }

    @Test
    void refusesWhatItCannotIssueBeforeTakingAnything() {
        configure(12, "numeric", "randomised", 1_000_000);
        String none = workOrder(newGtin(), 100, 1);
        generate(none, "bundle-serials", "{}").statusCode(409).body("code", equalTo("NO_BUNDLE_LEVELS"));

        String body = "0" + "4012345" + "00001";
        String outside = body + CheckDigit.compute(body);
        String woId = workOrder(newGtin(), 250, 1, levels(newGtin(), outside), 30);
        generate(woId, "bundle-serials", "{}").statusCode(409).body("code", equalTo("GTIN_PREFIX_UNKNOWN"))
            .body("message", containsString(outside));
        given().header("Authorization", VIEWER).get(API + woId + "/").then()
            .body("generated_bundle_serials", equalTo(0)).body("bundle_serial_generation_status", equalTo("pending"));
        given().header("Authorization", VIEWER).get(API + woId + "/history/").then().body("count", equalTo(0));
        given().header("Authorization", VIEWER).contentType(ContentType.JSON).body("{}")
            .post(API + woId + "/generate-bundle-serials/").then().statusCode(403);
    }
}
