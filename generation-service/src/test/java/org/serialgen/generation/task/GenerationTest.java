package org.serialgen.generation.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.serialgen.generation.task.GenerationFixtures.SUPERVISOR;
import static org.serialgen.generation.task.GenerationFixtures.VIEWER;
import static org.serialgen.generation.task.GenerationFixtures.configure;
import static org.serialgen.generation.task.GenerationFixtures.csvLines;
import static org.serialgen.generation.task.GenerationFixtures.generate;
import static org.serialgen.generation.task.GenerationFixtures.newGtin;
import static org.serialgen.generation.task.GenerationFixtures.workOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serialgen.events.Topics;
import org.serialgen.gs1.DigitalLink;
import org.serialgen.gs1.ElementString;
import org.serialgen.gs1.EpcUrn;
import org.serialgen.gs1.Sgtin;
import org.serialgen.testkit.TestKafka;
import org.serialgen.testkit.TestTokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class GenerationTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void twelveDigitRandomisedSerials() {
        configure(12, "numeric", "randomised", 1_000_000);
    }

    @Test
    void issuesTheSerialsTheConfigurationAsksForAsValidUniqueGs1Identifiers() {
        String gtin = newGtin();
        String woId = workOrder(gtin, 1_000, 10);
        String taskId = generate(woId, "serials", "{}")
            .statusCode(202).body("status", equalTo("initiated")).body("task_id", notNullValue())
            .body("estimated_completion", notNullValue())
            .extract().jsonPath().getString("task_id");

        given().header("Authorization", VIEWER).get("/serial-generation/tasks/" + taskId + "/")
            .then().statusCode(200).body("status", equalTo("completed")).body("generated", equalTo(1_050))
            .body("progress_percent", equalTo(100)).body("kind", equalTo("serial"));
        given().header("Authorization", VIEWER).get("/serial-generation/workorders/" + woId + "/")
            .then().body("generated_serials", equalTo(1_050)).body("serial_generation_status", equalTo("completed"));
        given().header("Authorization", VIEWER).get("/serial-generation/workorders/" + woId + "/history/")
            .then().statusCode(200).body("count", equalTo(2))
            .body("results[0].action_status", equalTo("completed"))
            .body("results[0].action_type", equalTo("serial_generation"))
            .body("results[0].generated_quantity", equalTo(1_050))
            .body("results[0].user", equalTo("sam.supervisor"))
            .body("results[1].action_status", equalTo("started"));

        List<String> rows = csvLines(woId, "serials", null);
        assertEquals(1_050, rows.size());
        Set<String> serials = new HashSet<>();
        for (String row : rows) {
            String[] cells = row.split(",");
            assertEquals(gtin, cells[0]);
            assertEquals(12, cells[1].length());
            Sgtin sgtin = ElementString.parseSgtin(cells[2]);
            assertEquals(cells[1], sgtin.serial().value());
            assertTrue(serials.add(cells[1]), "duplicate serial " + cells[1]);
        }
        List<String> urns = csvLines(woId, "serials", "urn");
        assertEquals(rows.get(0).split(",")[1], EpcUrn.parseSgtin(urns.get(0).split(",")[2]).serial().value());
        List<String> links = csvLines(woId, "serials", "dl");
        assertTrue(links.get(0).split(",")[2].startsWith("https://id.gs1.org/01/" + gtin + "/10/LOT1/21/"));
        assertEquals(rows.get(5).split(",")[1], DigitalLink.parseSgtin(links.get(5).split(",")[2]).serial().value());

        assertFalse(TestKafka.records(Topics.GENERATION, v -> v.contains(taskId) && v.contains("task.completed"), 1,
            Duration.ofSeconds(20), Duration.ZERO).isEmpty(), "task completed event on Kafka");
    }

    @Test
    void issuesValidSsccsUnderTheConfiguredCompanyPrefix() {
        String woId = workOrder(newGtin(), 1_000, 10);
        generate(woId, "sscc", "{}").statusCode(202);
        List<String> rows = csvLines(woId, "sscc", null);
        assertEquals(10, rows.size());
        Set<String> ssccs = new HashSet<>();
        for (String row : rows) {
            String sscc = row.split(",")[0];
            assertTrue(sscc.startsWith("39506000"), "extension digit 3, prefix 9506000: " + sscc);
            assertEquals(ElementString.parseSscc(row.split(",")[1]).value(), sscc);
            assertTrue(ssccs.add(sscc));
        }
        assertTrue(csvLines(woId, "sscc", "urn").get(0).split(",")[1].startsWith("urn:epc:id:sscc:9506000.3"));
        // another work order continues the same pool: never the same SSCC
        String other = workOrder(newGtin(), 500, 5);
        generate(other, "sscc", "{}").statusCode(202);
        for (String row : csvLines(other, "sscc", null)) {
            assertTrue(ssccs.add(row.split(",")[0]), "SSCC issued twice");
        }
    }

    @Test
    void describesTheCommissioningOfEveryIdentifierInEpcis() {
        String woId = workOrder(newGtin(), 100, 2);
        generate(woId, "serials", "{}").statusCode(202);
        generate(woId, "sscc", "{}").statusCode(202);
        String document = given().header("Authorization", VIEWER)
            .get("/serial-generation/workorders/" + woId + "/epcis")
            .then().statusCode(200).contentType("application/ld+json").extract().asString();
        io.restassured.path.json.JsonPath epcis = new io.restassured.path.json.JsonPath(document);
        assertEquals("EPCISDocument", epcis.getString("type"));
        assertEquals("2.0", epcis.getString("schemaVersion"));
        assertEquals("ObjectEvent", epcis.getString("epcisBody.eventList[0].type"));
        assertEquals("ADD", epcis.getString("epcisBody.eventList[0].action"));
        assertEquals("commissioning", epcis.getString("epcisBody.eventList[0].bizStep"));
        assertEquals("active", epcis.getString("epcisBody.eventList[0].disposition"));
        assertEquals("LOT1", epcis.getString("epcisBody.eventList[0].ilmd.'cbvmda:lotNumber'"));
        // the serials and the SSCCs are commissioned in events of their own, trade items with lot and expiry
        List<String> epcs = epcis.getList("epcisBody.eventList[0].epcList");
        assertEquals(105, epcs.size());
        assertEquals(105, new HashSet<>(epcs).size());
        assertTrue(epcs.get(0).startsWith("urn:epc:id:sgtin:9506000."), epcs.get(0));
        List<String> ssccs = epcis.getList("epcisBody.eventList[1].epcList");
        assertEquals(2, ssccs.size());
        assertTrue(ssccs.get(1).startsWith("urn:epc:id:sscc:9506000.3"), ssccs.get(1));
        assertTrue(epcis.get("epcisBody.eventList[1].ilmd") == null, "an SSCC has no lot or expiry");
        EpcUrn.parseSgtin(epcs.get(50));
    }

    @Test
    void returnsTheSameTaskForARepeatedIdempotencyKey() {
        String woId = workOrder(newGtin(), 100, 1);
        String first = generate(woId, "serials", "{\"quantity\": 40}", "key-1").statusCode(202)
            .extract().jsonPath().getString("task_id");
        String again = generate(woId, "serials", "{\"quantity\": 40}", "key-1").statusCode(202)
            .extract().jsonPath().getString("task_id");
        assertEquals(first, again);
        // the same key with another request is not a repeat: refused, nothing issued
        generate(woId, "serials", "{\"quantity\": 45}", "key-1").statusCode(422)
            .body("error", equalTo("unprocessable")).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"))
            .body("request_id", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", VIEWER).get("/serial-generation/workorders/" + woId + "/")
            .then().body("generated_serials", equalTo(40));
    }

    @Test
    void regeneratesACompletedWorkOrderOnlyWhenForcedAndNeverReissuesVoidedSerials() {
        String woId = workOrder(newGtin(), 200, 1);
        generate(woId, "serials", "{}").statusCode(202);
        Set<String> before = new HashSet<>(csvLines(woId, "serials", null));
        generate(woId, "serials", "{}")
            .statusCode(409).body("error", equalTo("conflict")).body("code", equalTo("ALREADY_GENERATED"));
        generate(woId, "serials", "{\"force_regenerate\": true}").statusCode(202);
        List<String> after = csvLines(woId, "serials", null);
        assertEquals(210, after.size(), "the work order holds only the new serials");
        for (String row : after) {
            assertFalse(before.contains(row), "a voided serial came back: " + row);
        }
        given().header("Authorization", VIEWER).get("/serial-generation/workorders/" + woId + "/")
            .then().body("generated_serials", equalTo(210));
    }

    @Test
    void refusesBadInputWithTheErrorBodyAndIssuesNothing() throws Exception {
        String woId = workOrder(newGtin(), 100, 1);
        generate(woId, "serials", "{\"quantity\": 0}")
            .statusCode(400).body("error", equalTo("validation_error")).body("details.quantity", notNullValue());
        generate(woId, "serials", "{\"quantity\": \"many\"}").statusCode(400).body("details.quantity", notNullValue());
        generate(woId, "serials", "{\"quantity\": 500}").statusCode(400)
            .body("details.quantity[0]", org.hamcrest.Matchers.containsString("override_config"));
        generate(woId, "serials", "{\"quantity\": 5").statusCode(400).body("error", equalTo("validation_error"));
        generate("NO-SUCH-WO", "serials", "{}").statusCode(404).body("code", equalTo("WO_NOT_FOUND"));
        given().header("Authorization", VIEWER).contentType(ContentType.JSON).body("{}")
            .post("/serial-generation/workorders/" + woId + "/generate-serials/")
            .then().statusCode(403).body("error", equalTo("forbidden"));
        given().header("Authorization", VIEWER).get("/serial-generation/tasks/not-a-uuid/").then().statusCode(400);
        given().header("Authorization", VIEWER).get("/serial-generation/workorders/" + woId + "/serials.csv?format=pdf")
            .then().statusCode(400).body("details.format[0]", equalTo("Must be element, urn, dl, pack, scan or hri"));
        given().header("Authorization", VIEWER).get("/serial-generation/workorders/" + woId + "/")
            .then().body("generated_serials", equalTo(0)).body("serial_generation_status", equalTo("pending"));
        given().header("Authorization", VIEWER).get("/serial-generation/workorders/" + woId + "/history/")
            .then().body("count", equalTo(0));
    }

    @Test
    void enforcesTheEuFmdLimitOfTheRandomisedFormat() {
        // 8 digits: 10^8 serials, so at most 10 000 may be issued for the GTIN
        configure(8, "numeric", "randomised", 10_000);
        String gtin = newGtin();
        String first = workOrder(gtin, 9_000, 1);
        generate(first, "serials", "{\"quantity\": 9000}").statusCode(202);
        String second = workOrder(gtin, 2_000, 1);
        generate(second, "serials", "{\"quantity\": 1001}")
            .statusCode(409).body("code", equalTo("POOL_EXHAUSTED"))
            .body("message", org.hamcrest.Matchers.containsString("EU FMD"));
        generate(second, "serials", "{\"quantity\": 1000}").statusCode(202);
        given().header("Authorization", VIEWER).get("/serial-generation/pools/")
            .then().statusCode(200)
            .body("find { it.gtin == '" + gtin + "' }.capacity", equalTo(10_000))
            .body("find { it.gtin == '" + gtin + "' }.remaining", equalTo(0))
            .body("find { it.gtin == '" + gtin + "' }.exhaustion_warning", equalTo(true));
        assertFalse(TestKafka.records(Topics.GENERATION, v -> v.contains("exhaustion_warning") && v.contains(gtin), 1,
            Duration.ofSeconds(20), Duration.ZERO).isEmpty(), "a warning event");

        // Both in the trail: the pool made by the first request, by its caller, and the warning, by the suite.
        String manager = TestTokens.bearer("mia.manager", "manager");
        long poolId = given().header("Authorization", VIEWER).get("/serial-generation/pools/").then()
            .extract().jsonPath().getLong("find { it.gtin == '" + gtin + "' }.id");
        given().header("Authorization", manager).queryParam("entity_type", "pool")
            .queryParam("entity_id", String.valueOf(poolId)).get("/serial-generation/audit/")
            .then().statusCode(200).body("count", equalTo(2))
            .body("results[0].action", equalTo("pool.exhaustion_warning"))
            .body("results[0].actor", equalTo("system"))
            .body("results[0].change.after.gtin", equalTo(gtin))
            .body("results[1].action", equalTo("pool.create"))
            .body("results[1].actor", not(equalTo("system")))
            .body("results[1].change.after.mode", equalTo("randomised"))
            .body("results[1].change.after.length", equalTo(8))
            .body("results[1].change.after.capacity", equalTo(10_000));
    }

    @Test
    void concurrentRequestsOnOnePoolNeverOverlap() throws Exception {
        String gtin = newGtin();
        List<String> workOrders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            workOrders.add(workOrder(gtin, 5_000, 1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String woId = workOrders.get(i % workOrders.size());
            String key = "concurrent-" + i;
            requests.add(() -> generate(woId, "serials", "{\"quantity\": 1000, \"override_config\": true}", key)
                .extract().statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(requests)) {
            statuses.add(result.get());
        }
        pool.shutdown();
        long accepted = statuses.stream().filter(s -> s == 202).count();
        assertEquals(40, statuses.size());
        assertTrue(statuses.stream().allMatch(s -> s == 202 || s == 409), statuses.toString());

        Set<String> serials = new HashSet<>();
        long rows = 0;
        for (String woId : workOrders) {
            for (String row : csvLines(woId, "serials", null)) {
                rows++;
                assertTrue(serials.add(row.split(",")[1]), "serial issued twice: " + row);
            }
        }
        assertEquals(accepted * 1000, rows);
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT count(*) FROM serial_allocation a JOIN serial_allocation b"
                 + " ON a.pool_id = b.pool_id AND a.id < b.id AND a.counters && b.counters")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "no two allocations of a pool overlap");
        }
    }

    @Test
    void theUniquenessAuditDerivesEverySerialAndFindsNoRepeat() {
        String gtin = newGtin();
        for (int i = 0; i < 3; i++) {
            generate(workOrder(gtin, 20_000, 3), "serials", "{}").statusCode(202);
        }
        given().header("Authorization", SUPERVISOR).post("/serial-generation/audit/uniqueness?derive=true")
            .then().statusCode(200)
            .body("ok", equalTo(true))
            .body("overlapping_allocations", equalTo(0))
            .body("allocations_beyond_high_water_mark", equalTo(0))
            .body("pools_whose_allocations_differ_from_issued", equalTo(0))
            .body("duplicate_serials", equalTo(0))
            .body("serials_derived", org.hamcrest.Matchers.greaterThanOrEqualTo(63_000));
        given().header("Authorization", VIEWER).post("/serial-generation/audit/uniqueness").then().statusCode(403);
    }

    @Test
    void theDatabaseRefusesOverlappingAllocationsWhateverTheApplicationDoes() throws Exception {
        String woId = workOrder(newGtin(), 10, 1);
        generate(woId, "serials", "{}").statusCode(202);
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            var error = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () ->
                statement.executeUpdate("INSERT INTO serial_allocation (pool_id, counters, workorder_id, task_id, status,"
                    + " created_at) SELECT pool_id, int8range(lower(counters), lower(counters) + 1), workorder_id, task_id,"
                    + " 'active', now() FROM serial_allocation ORDER BY id DESC LIMIT 1"));
            assertTrue(error.getMessage().contains("conflicting key value violates exclusion constraint"),
                error.getMessage());
        }
        given().header("Authorization", SUPERVISOR).get("/serial-generation/pools/").then().statusCode(200);
    }
}
