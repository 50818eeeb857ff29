package org.serialgen.configservice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.serialgen.configservice.ConfigApi.MANAGER;
import static org.serialgen.configservice.ConfigApi.PATH;
import static org.serialgen.configservice.ConfigApi.VIEWER;
import static org.serialgen.configservice.ConfigApi.activeVersion;
import static org.serialgen.configservice.ConfigApi.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.serialgen.testkit.StoredJson;

import io.agroal.api.AgroalDataSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ConfigVersioningTest {

    static final List<String> DOCUMENT_FIELDS = List.of("serial_sources", "sscc_sources", "builtin_serial_generator",
        "manufacturing_percentage", "discrepancy_tolerance", "aggregation_rules", "gs1_company_prefixes",
        "serial_format", "pool_exhaustion_warning_percent");

    static Map<String, Object> documentOf(JsonPath config) {
        Map<String, Object> document = new java.util.LinkedHashMap<>();
        DOCUMENT_FIELDS.forEach(field -> document.put(field, config.get(field)));
        return document;
    }

    static JsonPath active() {
        return given().header("Authorization", VIEWER).get(PATH).then().statusCode(200).extract().jsonPath();
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void storesTheDocumentAsQueryableJson() throws Exception {
        ConfigApi.put(document("64"), activeVersion()).statusCode(200);
        StoredJson.assertColumn(dataSource, "serial_generation_config", "serial_sources", "array");
        StoredJson.assertColumn(dataSource, "serial_generation_config", "gs1_company_prefixes", "array");
        StoredJson.assertColumn(dataSource, "serial_generation_config", "aggregation_rules", "object");
        StoredJson.assertColumn(dataSource, "serial_generation_config", "serial_format", "object");
        StoredJson.assertColumn(dataSource, "config_audit", "changes", "array");
    }

    @Test
    void concurrentEditsOfTheSameVersionLetOneWinAndRefuseTheOther() throws Exception {
        long base = activeVersion();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> edits = new ArrayList<>();
        for (String percentage : List.of("61", "62")) {
            edits.add(() -> {
                start.await();
                return ConfigApi.put(document(percentage), base).extract().statusCode();
            });
        }
        List<Future<Integer>> results = edits.stream().map(pool::submit).toList();
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertEquals(List.of(200, 409), statuses.stream().sorted().toList());
        JsonPath now = active();
        assertEquals(base + 1, now.getLong("version"), "exactly one new version");
        float winner = now.getFloat("manufacturing_percentage");
        assertEquals(true, winner == 61f || winner == 62f);
        given().header("Authorization", VIEWER).get(PATH + "history/?page_size=1")
            .then().statusCode(200).body("results[0].version", equalTo((int) base + 1))
            .body("results[0].changes.field", hasItem("manufacturing_percentage"));
    }

    @Test
    void keepsEveryVersionWithItsChangesAndRestoresAnOldOne() {
        long v0 = activeVersion();
        long v1 = ConfigApi.put(document("70"), v0).statusCode(200).extract().jsonPath().getLong("version");
        long v2 = ConfigApi.patch("{\"discrepancy_tolerance\": 3}", v1).statusCode(200)
            .extract().jsonPath().getLong("version");

        given().header("Authorization", VIEWER).get(PATH + "history/?page=1&page_size=2")
            .then().statusCode(200)
            .body("count", equalTo((int) v2))
            .body("results[0].version", equalTo((int) v2))
            .body("results[0].action", equalTo("patch"))
            .body("results[0].action_type", equalTo("config_update"))
            .body("results[0].user", equalTo("mia.manager"))
            .body("results[0].previous_version", equalTo((int) v1))
            .body("results[0].changes.size()", equalTo(1))
            .body("results[0].changes[0].field", equalTo("discrepancy_tolerance"))
            .body("results[0].changes[0].from", equalTo(5.0f))
            .body("results[0].changes[0].to", equalTo(3.0f))
            .body("results[1].version", equalTo((int) v1));
        given().header("Authorization", VIEWER).get(PATH + "history/?page=" + v2 + "&page_size=1")
            .then().statusCode(200).body("results[0].version", equalTo(1)).body("results[0].action", equalTo("seed"))
            .body("results[0].user", equalTo("system"));

        JsonPath version1 = given().header("Authorization", VIEWER).get(PATH + "versions/" + v1 + "/")
            .then().statusCode(200).body("is_active", equalTo(false)).body("manufacturing_percentage", equalTo(70.0f))
            .extract().jsonPath();
        given().header("Authorization", VIEWER).get(PATH + "versions/99999/")
            .then().statusCode(404).body("code", equalTo("CONFIG_VERSION_NOT_FOUND"));

        given().header("Authorization", MANAGER).header("If-Match", "\"v" + v2 + "\"")
            .post(PATH + "versions/" + v1 + "/restore/")
            .then().statusCode(200)
            .body("version", equalTo((int) v2 + 1))
            .body("change_action", equalTo("restore"))
            .body("restored_from", equalTo((int) v1));
        assertEquals(documentOf(version1), documentOf(active()));
        given().header("Authorization", VIEWER).get(PATH + "history/?page_size=1")
            .then().body("results[0].restored_from", equalTo((int) v1))
            .body("results[0].changes[0].field", equalTo("discrepancy_tolerance"));
    }

    @Test
    void exportThenImportGivesBackTheSameConfiguration() {
        long base = activeVersion();
        ConfigApi.put(document("88.25"), base).statusCode(200);
        String exported = given().header("Authorization", VIEWER).get(PATH + "export/")
            .then().statusCode(200)
            .header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"))
            .body("format", equalTo("serialgen-config"))
            .body("format_version", equalTo(1))
            .body("source_version", equalTo((int) base + 1))
            .extract().asString();
        Map<String, Object> before = documentOf(active());

        ConfigApi.put(document("12"), base + 1).statusCode(200);
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(exported)
            .post(PATH + "import/")
            .then().statusCode(200)
            .body("dry_run", equalTo(false))
            .body("version", equalTo((int) base + 3))
            .body("changes.field", hasItem("manufacturing_percentage"));
        assertEquals(before, documentOf(active()));
        given().header("Authorization", VIEWER).get(PATH).then().body("change_action", equalTo("import"));
    }

    @Test
    void aDryRunImportShowsTheChangesAndChangesNothing() {
        long base = activeVersion();
        String exported = given().header("Authorization", VIEWER).get(PATH + "export/").then().extract().asString();
        String edited = exported.replaceFirst("\"discrepancy_tolerance\":[0-9.]+", "\"discrepancy_tolerance\":7.5");
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(edited)
            .post(PATH + "import/?dry_run=true")
            .then().statusCode(200)
            .body("dry_run", equalTo(true))
            .body("based_on_version", equalTo((int) base))
            .body("changes.field", equalTo(List.of("discrepancy_tolerance")))
            .body("changes[0].to", equalTo(7.5f));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON).body(exported)
            .post(PATH + "import/?dry_run=true")
            .then().statusCode(200).body("changes", empty());
        assertEquals(base, activeVersion());
    }

    @Test
    void refusesAnInvalidOrForeignImportAndChangesNothing() {
        long base = activeVersion();
        String exported = given().header("Authorization", VIEWER).get(PATH + "export/").then().extract().asString();
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
            .body(exported.replaceFirst("\"manufacturing_percentage\":[0-9.]+", "\"manufacturing_percentage\":150"))
            .post(PATH + "import/")
            .then().statusCode(400).body("details.manufacturing_percentage[0]", equalTo("Value must be between 0 and 100"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
            .body(exported.replace("\"serialgen-config\"", "\"other-tool\""))
            .post(PATH + "import/?dry_run=true")
            .then().statusCode(400).body("details.format[0]", equalTo("Must be serialgen-config"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
            .body(exported.replace("\"format_version\":1", "\"format_version\":9"))
            .post(PATH + "import/")
            .then().statusCode(400).body("details", org.hamcrest.Matchers.hasKey("format_version"));
        given().header("Authorization", MANAGER).header("If-Match", "\"v" + (base - 1) + "\"")
            .contentType(ContentType.JSON).body(exported)
            .post(PATH + "import/")
            .then().statusCode(409);
        assertEquals(base, activeVersion());
    }

    @Test
    void resetRestoresTheDocumentedDefaultsAsANewVersion() {
        long base = activeVersion();
        ConfigApi.put(document("33"), base).statusCode(200);
        given().header("Authorization", MANAGER).post(PATH + "reset/")
            .then().statusCode(200)
            .body("version", equalTo((int) base + 2))
            .body("change_action", equalTo("reset"))
            .body("manufacturing_percentage", equalTo(100.0f))
            .body("discrepancy_tolerance", equalTo(5.0f))
            .body("aggregation_rules.l2.multiplier", equalTo(10))
            .body("aggregation_rules.l3.multiplier", equalTo(100))
            .body("aggregation_rules.l4.enabled", equalTo(false))
            .body("serial_sources", empty())
            .body("builtin_serial_generator", equalTo(true))
            .body("serial_format.length", equalTo(12))
            .body("serial_format.alphabet", equalTo("numeric"))
            .body("serial_format.mode", equalTo("randomised"))
            .body("pool_exhaustion_warning_percent", equalTo(80.0f));
        given().header("Authorization", VIEWER).get(PATH + "versions/" + (base + 1) + "/")
            .then().statusCode(200).body("manufacturing_percentage", not(equalTo(100.0f)));
    }
}
