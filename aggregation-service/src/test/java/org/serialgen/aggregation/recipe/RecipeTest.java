package org.serialgen.aggregation.recipe;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.serialgen.aggregation.AggregationFlowTest;
import org.serialgen.events.AggregationComputed;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.gs1.CheckDigit;
import org.serialgen.testkit.TestKafka;
import org.serialgen.testkit.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class RecipeTest {

    static final String API = "/serial-generation/aggregation/";
    static final String MANAGER = TestTokens.bearer("mia.manager", "manager");
    static final String VIEWER = TestTokens.bearer("vic.viewer", "viewer");
    static final String SUPERVISOR = TestTokens.bearer("sam.supervisor", "supervisor");

    /** A fresh GTIN-14 with a valid check digit, so each test has recipes of its own. */
    static String gtin() {
        String body = "0" + String.format("%012d", (long) (Math.random() * 1e12));
        return body + CheckDigit.compute(body);
    }

    static String bundleGtin(String item) {
        String body = "1" + item.substring(1, 13);
        return body + CheckDigit.compute(body);
    }

    /** 10 per bundle (its own GTIN), 12 bundles per case, 40 cases per pallet. */
    static String recipe(String gtin, String variant, String effectiveFrom, int perBundle) {
        return "{\"gtin\":\"" + gtin + "\",\"variant\":\"" + variant + "\",\"effective_from\":\"" + effectiveFrom
            + "\",\"levels\":[{\"level\":1,\"name\":\"unit\",\"identified_by\":\"sgtin\"},"
            + "{\"level\":2,\"name\":\"bundle\",\"children_per_parent\":" + perBundle + ",\"identified_by\":\"sgtin\","
            + "\"gtin\":\"" + bundleGtin(gtin) + "\"},"
            + "{\"level\":3,\"name\":\"case\",\"children_per_parent\":12,\"identified_by\":\"sscc\"},"
            + "{\"level\":4,\"name\":\"pallet\",\"children_per_parent\":40,\"identified_by\":\"sscc\"}]}";
    }

    static ValidatableResponse create(String body) {
        return given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(body).post(API + "recipes/")
            .then();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "gtin check digit|\"gtin\":\"GTIN\"|\"gtin\":\"BADGTIN\"|gtin",
        "variant characters|\"variant\":\"main\"|\"variant\":\"main line!\"|variant",
        "effective date|\"effective_from\":\"2026-01-01\"|\"effective_from\":\"2026-13-01\"|effective_from",
        "levels start at 1|\"level\":1,\"name\":\"unit\"|\"level\":2,\"name\":\"unit\"|levels[0].level",
        "levels without a gap|\"level\":3,\"name\":\"case\"|\"level\":5,\"name\":\"case\"|levels[2].level",
        "children positive|\"children_per_parent\":12|\"children_per_parent\":0|levels[2].children_per_parent",
        "L1 has no children|\"level\":1,\"name\":\"unit\"|\"level\":1,\"children_per_parent\":2,\"name\":\"unit\"|levels[0].children_per_parent",
        "identified_by known|\"children_per_parent\":40,\"identified_by\":\"sscc\"|\"children_per_parent\":40,\"identified_by\":\"rfid\"|levels[3].identified_by",
        "bundle GTIN check digit|\"gtin\":\"BUNDLE\"|\"gtin\":\"BADBUNDLE\"|levels[1].gtin",
        "bundle GTIN required|,\"gtin\":\"BUNDLE\"||levels[1].gtin",
        "a trade item above a logistic unit|\"children_per_parent\":40,\"identified_by\":\"sscc\"|\"children_per_parent\":40,\"identified_by\":\"sgtin\",\"gtin\":\"OTHER\"|levels[3].identified_by",
        "an SSCC level has no GTIN|\"children_per_parent\":12,\"identified_by\":\"sscc\"|\"children_per_parent\":12,\"identified_by\":\"sscc\",\"gtin\":\"OTHER\"|levels[2].gtin",
        "at most four levels|\"identified_by\":\"sscc\"}]}|\"identified_by\":\"sscc\"},{\"level\":5,\"children_per_parent\":2,\"identified_by\":\"sscc\"}]}|levels",
    })
    void refusesEveryBrokenRuleWithItsField(String rule, String good, String bad, String field) {
        String gtin = gtin();
        String bundle = bundleGtin(gtin);
        String other = bundleGtin(gtin()).replaceFirst("^1", "2");
        other = other.substring(0, 13) + CheckDigit.compute(other.substring(0, 13));
        String badBundle = bundle.substring(0, 13) + (char) ('0' + (bundle.charAt(13) - '0' + 1) % 10);
        String badGtin = gtin.substring(0, 13) + (char) ('0' + (gtin.charAt(13) - '0' + 1) % 10);
        String valid = recipe(gtin, "main", "2026-01-01", 10);
        String from = good.replace("BUNDLE", bundle).replace("GTIN", gtin);
        String to = (bad == null ? "" : bad).replace("BADBUNDLE", badBundle).replace("BADGTIN", badGtin)
            .replace("OTHER", other);
        assertTrue(valid.contains(from), rule + ": the case names a part of the valid recipe");
        String broken = valid.replaceFirst(java.util.regex.Pattern.quote(from),
            java.util.regex.Matcher.quoteReplacement(to));
        create(broken).statusCode(400).body("error", equalTo("validation_error")).body("details", hasKey(field));
        given().header("Authorization", VIEWER).queryParam("search", gtin.substring(1, 13)).get(API + "recipes/")
            .then().statusCode(200).body("count", equalTo(0));
    }

    @Test
    void createsVersionsListsAndDeletesWithTheRolesAndVersionChecks() {
        String gtin = gtin();
        String body = recipe(gtin, "main", "2026-01-01", 10);
        given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON).body(body).post(API + "recipes/")
            .then().statusCode(403);
        int id = create(body).statusCode(201).header("ETag", "\"v1\"")
            .header("Location", org.hamcrest.Matchers.containsString("/serial-generation/aggregation/recipes/"))
            .body("version", equalTo(1)).body("levels[1].gtin", equalTo(bundleGtin(gtin)))
            .body("changed_by", equalTo("mia.manager")).extract().path("id");
        create(body).statusCode(409).body("code", equalTo("RECIPE_EXISTS"));

        given().header("Authorization", MANAGER).header("If-Match", "\"v1\"").contentType(ContentType.JSON)
            .body(recipe(gtin, "main", "2026-02-01", 6)).put(API + "recipes/" + id + "/")
            .then().statusCode(200).body("version", equalTo(2)).body("levels[1].children_per_parent", equalTo(6));
        given().header("Authorization", MANAGER).header("If-Match", "\"v1\"").contentType(ContentType.JSON)
            .body(recipe(gtin, "main", "2026-03-01", 8)).put(API + "recipes/" + id + "/")
            .then().statusCode(409).body("code", equalTo("VERSION_CONFLICT"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
            .body(recipe(gtin(), "main", "2026-03-01", 8)).put(API + "recipes/" + id + "/")
            .then().statusCode(400).body("details", hasKey("gtin"));

        create(recipe(gtin, "export", "2026-01-01", 20)).statusCode(201);
        given().header("Authorization", VIEWER).queryParam("gtin", gtin).get(API + "recipes/")
            .then().statusCode(200).body("count", equalTo(2)).body("results[0].version", equalTo(2));
        given().header("Authorization", VIEWER).queryParam("gtin", gtin).queryParam("variant", "export")
            .get(API + "recipes/").then().body("count", equalTo(1)).body("results[0].variant", equalTo("export"));
        given().header("Authorization", VIEWER).queryParam("search", gtin.substring(2, 12)).queryParam("page_size", 1)
            .get(API + "recipes/").then().body("count", equalTo(2)).body("results.size()", equalTo(1));
        given().header("Authorization", VIEWER).queryParam("page_size", 1000).get(API + "recipes/")
            .then().statusCode(400).body("details", hasKey("page_size"));

        given().header("Authorization", MANAGER).delete(API + "recipes/" + id + "/")
            .then().statusCode(200).body("version", equalTo(3)).body("deleted", equalTo(true));
        given().header("Authorization", VIEWER).get(API + "recipes/" + id + "/versions/")
            .then().statusCode(200).body("count", equalTo(3))
            .body("results.version", equalTo(List.of(3, 2, 1)));
        given().header("Authorization", VIEWER).queryParam("gtin", gtin).get(API + "recipes/")
            .then().body("count", equalTo(1));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
            .body(recipe(gtin, "main", "2026-03-01", 8)).put(API + "recipes/" + id + "/")
            .then().statusCode(404).body("code", equalTo("RECIPE_NOT_FOUND"));
    }

    @Test
    void calculatesTheWorkedExampleByTheGtinsRecipe() {
        String gtin = gtin();
        create(recipe(gtin, "main", "2026-01-01", 10)).statusCode(201);
        // a version that takes effect later does not apply yet
        create(recipe(gtin, "later", LocalDate.now().plusDays(30).toString(), 5)).statusCode(201);
        given().header("Authorization", VIEWER).contentType(ContentType.JSON)
            .body("{\"gtin\":\"" + gtin + "\",\"quantity\":12345}").post(API + "calculate")
            .then().statusCode(200).body("rules_source", startsWith("recipe:"))
            .body("levels.containers", equalTo(List.of(12_345, 1_235, 103, 3)))
            .body("levels.last_container_children", equalTo(List.of(0, 5, 11, 23)))
            .body("levels.last_container_units", equalTo(List.of(1, 5, 105, 2_745)))
            .body("levels[1].gtin", equalTo(bundleGtin(gtin)))
            .body("sscc_count", equalTo(106)).body("bundle_serial_count", equalTo(1_235));
        given().header("Authorization", VIEWER).contentType(ContentType.JSON)
            .body("{\"gtin\":\"" + gtin + "\",\"quantity\":12345,\"overage_percent\":1}").post(API + "calculate")
            .then().statusCode(200).body("quantity", equalTo(12_469));
        given().header("Authorization", VIEWER).contentType(ContentType.JSON)
            .body("{\"gtin\":\"123\",\"quantity\":1,\"overage_percent\":101}").post(API + "calculate")
            .then().statusCode(400).body("details", hasKey("gtin")).body("details", hasKey("overage_percent"));
    }

    @Test
    void packagesTheUnitsTheConfigurationHasSerialsIssuedForWhenAsked() {
        String gtin = gtin();
        create(recipe(gtin, "main", "2026-01-01", 10)).statusCode(201);
        // 100 % and a 5 % tolerance: 12 345 × 1.05 = 12 962.25, so 12 963 units, as generation-service issues serials
        AggregationFlowTest.publishConfig(TestKafka.nextConfigVersion(), 100);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", VIEWER)
            .contentType(ContentType.JSON)
            .body("{\"gtin\":\"" + gtin + "\",\"quantity\":12345,\"apply_config_overage\":true}")
            .post(API + "calculate")
            .then().statusCode(200).body("quantity", equalTo(12_963))
            .body("levels.containers", equalTo(List.of(12_963, 1_297, 109, 3)))
            .body("sscc_count", equalTo(112)));
        given().header("Authorization", VIEWER).contentType(ContentType.JSON)
            .body("{\"gtin\":\"" + gtin + "\",\"quantity\":12345,\"apply_config_overage\":true,"
                + "\"overage_percent\":1}").post(API + "calculate")
            .then().statusCode(400).body("details", hasKey("apply_config_overage"));
    }

    @Test
    void aRecipeChangePublishesTheWorkOrdersNewBreakdown() {
        String gtin = gtin();
        AggregationFlowTest.publishConfig(TestKafka.nextConfigVersion(), 100);
        String woId = "WO-RCP-" + UUID.randomUUID().toString().substring(0, 8);
        TestKafka.publish(Topics.WORKORDERS, woId, EventCodec.write(EventCodec.envelope(EventTypes.WORKORDER_SYNCED,
            new WorkOrderSynced(woId, "Batch", gtin, "L1", LocalDate.of(2028, 1, 31), 12_345, 1, Instant.now(),
                WorkOrderSynced.ERP))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", VIEWER)
            .get(API + "workorders/" + woId + "/").then().statusCode(200)
            .body("rules_source", startsWith("config:")));

        int id = create(recipe(gtin, "main", "2026-01-01", 10)).statusCode(201).extract().path("id");
        List<AggregationComputed> events = TestKafka.records(Topics.AGGREGATION,
                v -> v.contains("\"wo_id\":\"" + woId + "\""), 2, Duration.ofSeconds(30), Duration.ofSeconds(1))
            .stream().map(r -> EventCodec.payload(EventCodec.readEnvelope(r.value()), AggregationComputed.class))
            .toList();
        AggregationComputed latest = events.get(events.size() - 1);
        assertEquals("recipe:" + id + ":v1", latest.rulesSource());
        assertEquals(106, latest.ssccCount());
        assertEquals(1_235, latest.bundleSerialCount());
        assertEquals(2, latest.revision());

        given().header("Authorization", MANAGER).delete(API + "recipes/" + id + "/").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", VIEWER)
            .get(API + "workorders/" + woId + "/").then().body("rules_source", startsWith("config:"))
            .body("revision", equalTo(3)));
    }
}
