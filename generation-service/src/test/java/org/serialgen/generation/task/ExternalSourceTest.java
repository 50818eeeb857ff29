package org.serialgen.generation.task;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.serialgen.generation.task.GenerationFixtures.COMPANY_PREFIX;
import static org.serialgen.generation.task.GenerationFixtures.VIEWER;
import static org.serialgen.generation.task.GenerationFixtures.configure;
import static org.serialgen.generation.task.GenerationFixtures.csvLines;
import static org.serialgen.generation.task.GenerationFixtures.generate;
import static org.serialgen.generation.task.GenerationFixtures.newGtin;
import static org.serialgen.generation.task.GenerationFixtures.workOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serialgen.events.ConfigDocument.Source;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventEnvelope;
import org.serialgen.events.EventTypes;
import org.serialgen.events.GenerationTaskEvent;
import org.serialgen.events.Topics;
import org.serialgen.gs1.CompanyPrefix;
import org.serialgen.gs1.Sscc;
import org.serialgen.testkit.TestKafka;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * External serial sources, faked by WireMock (they are third parties): delivery, validation, fallback from source to
 * source and to the built-in pool, timeout, retry and the circuit breaker.
 */
@QuarkusTest
class ExternalSourceTest {

    @Inject
    AgroalDataSource dataSource;

    static WireMockServer provider;

    @BeforeAll
    static void startProvider() {
        provider = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.stop();
    }

    /** A provider endpoint of its own per test: each URL has its own circuit breaker. */
    static String path(String name) {
        return "/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Source source(String name, String path) {
        return new Source(name, "http://localhost:" + provider.port() + path, true);
    }

    static void answers(String path, List<String> serials) {
        String list = serials.stream().map(s -> "\"" + s.replace("\"", "\\\"") + "\"")
            .collect(Collectors.joining(",", "[", "]"));
        provider.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json").withBody("{\"serials\":" + list + "}")));
    }

    static void fails(String path, int status) {
        provider.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)));
    }

    static List<String> serials(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + String.format("%06d", i)).toList();
    }

    /** Starts generation and waits until the task has ended; answers the task. */
    static JsonPath run(String woId, String kind, String body) {
        String taskId = generate(woId, kind, body).statusCode(202).body("status", equalTo("initiated"))
            .extract().jsonPath().getString("task_id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !given().header("Authorization", VIEWER)
            .get("/serial-generation/tasks/" + taskId + "/").jsonPath().getString("status").equals("in_progress"));
        return given().header("Authorization", VIEWER).get("/serial-generation/tasks/" + taskId + "/").jsonPath();
    }

    static String lastHistoryError(String woId) {
        return given().header("Authorization", VIEWER).get("/serial-generation/workorders/" + woId + "/history/")
            .jsonPath().getString("results[0].error_details");
    }

    @Test
    void storesWhatTheFirstSourceDeliversAndAsksWithTheProtocolsFields() {
        String path = path("first");
        List<String> delivered = serials("EXT-A-", 53);
        answers(path, delivered);
        configure(12, "numeric", "randomised", 1_000_000, List.of(source("first", path)), List.of(), true);
        String gtin = newGtin();
        String woId = workOrder(gtin, 50, 0);

        // 50 units and the configuration's 5 % tolerance: 53 serials
        JsonPath task = run(woId, "serials", "{}");
        assertEquals("completed", task.getString("status"));
        assertEquals("first", task.getString("source"));
        provider.verify(postRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson("{\"gtin\":\"" + gtin
            + "\",\"quantity\":53,\"request_id\":\"" + task.getString("task_id") + "\"}")));

        List<String> rows = csvLines(woId, "serials", null);
        List<String> reported = rows.stream().map(r -> r.split(",")[1]).sorted().toList();
        assertEquals(delivered, reported, "the report holds exactly what the source delivered");
        assertTrue(rows.get(0).endsWith("(01)" + gtin + "(21)" + reported.get(0)));
        given().header("Authorization", VIEWER).get("/serial-generation/workorders/" + woId + "/")
            .then().body("generated_serials", equalTo(53)).body("serial_generation_status", equalTo("completed"))
            .body("allocations.size()", equalTo(1)).body("allocations[0].source", equalTo("first"))
            .body("allocations[0].quantity", equalTo(53)).body("allocations[0].status", equalTo("active"));
        given().header("Authorization", GenerationFixtures.SUPERVISOR).post("/serial-generation/audit/uniqueness")
            .then().statusCode(200).body("ok", equalTo(true));
    }

    @Test
    void fallsBackFromASourceThatIsDownToTheNextAfterRetrying() {
        String down = path("down");
        String next = path("next");
        fails(down, 503);
        answers(next, serials("EXT-B-", 20));
        configure(12, "numeric", "randomised", 1_000_000, List.of(source("down", down), source("next", next)),
            List.of(), true);
        String woId = workOrder(newGtin(), 20, 0);

        JsonPath task = run(woId, "serials", "{\"quantity\": 20}");
        assertEquals("completed", task.getString("status"));
        assertEquals("next", task.getString("source"));
        provider.verify(3, postRequestedFor(urlEqualTo(down)));
        assertTrue(lastHistoryError(woId).contains("down"), lastHistoryError(woId));
        assertTrue(lastHistoryError(woId).contains("HTTP 503"), lastHistoryError(woId));
        // the live view hears of the step from one source to the next
        List<EventEnvelope> events = taskEvents(task.getString("task_id"), 3);
        assertEquals(List.of(EventTypes.TASK_STARTED, EventTypes.TASK_PROGRESS, EventTypes.TASK_COMPLETED),
            events.stream().map(EventEnvelope::eventType).toList());
        GenerationTaskEvent progress = EventCodec.payload(events.get(1), GenerationTaskEvent.class);
        assertEquals("in_progress", progress.status());
        assertEquals(woId, progress.woId());
        assertEquals("source down failed (answered HTTP 503); asking source next", progress.error());
    }

    /** The task's events on the generation topic, in the order they were written. */
    static List<EventEnvelope> taskEvents(String taskId, int expected) {
        return TestKafka.records(Topics.GENERATION, v -> v.contains("\"task_id\":\"" + taskId + "\""), expected,
                Duration.ofSeconds(30), Duration.ofSeconds(2)).stream()
            .map(r -> EventCodec.readEnvelope(r.value())).toList();
    }

    @Test
    void rejectsAnAnswerWithARepeatedValueAWrongCountOrAnInvalidSerial() {
        String repeats = path("repeats");
        String short_ = path("short");
        String invalid = path("invalid");
        List<String> repeated = new ArrayList<>(serials("EXT-C-", 9));
        repeated.add("EXT-C-000003");
        answers(repeats, repeated);
        answers(short_, serials("EXT-D-", 9));
        answers(invalid, List.of("EXT E 1 with spaces", "A", "B", "C", "D", "E", "F", "G", "H", "I"));
        configure(12, "numeric", "randomised", 1_000_000, List.of(source("repeats", repeats),
            source("short", short_), source("invalid", invalid)), List.of(), true);
        String woId = workOrder(newGtin(), 10, 0);

        JsonPath task = run(woId, "serials", "{\"quantity\": 10}");
        assertEquals("completed", task.getString("status"));
        assertEquals("builtin", task.getString("source"), "every source rejected: the built-in pool issued them");
        String error = lastHistoryError(woId);
        assertTrue(error.contains("appears twice"), error);
        assertTrue(error.contains("answered 9 values for 10 asked"), error);
        assertTrue(error.contains("not a GS1 serial number"), error);
        List<String> rows = csvLines(woId, "serials", null);
        assertEquals(10, rows.size());
        assertTrue(rows.stream().noneMatch(r -> r.contains("EXT-")), "nothing of a rejected answer was stored");
    }

    @Test
    void failsVisiblyWhenNoSourceDeliversAndTheBuiltInGeneratorIsOff() {
        String down = path("off");
        fails(down, 500);
        configure(12, "numeric", "randomised", 1_000_000, List.of(source("off", down)), List.of(), false);
        String woId = workOrder(newGtin(), 10, 0);

        JsonPath task = run(woId, "serials", "{\"quantity\": 10}");
        assertEquals("failed", task.getString("status"));
        assertTrue(task.getString("error_message").contains("built-in generator is switched off"));
        given().header("Authorization", VIEWER).get("/serial-generation/workorders/" + woId + "/")
            .then().body("serial_generation_status", equalTo("failed")).body("generated_serials", equalTo(0))
            .body("error_message", containsString("No external source delivered"));
        given().header("Authorization", VIEWER).get("/serial-generation/workorders/" + woId + "/history/")
            .then().body("results[0].action_status", equalTo("failed"));
        assertEquals(0, csvLines(woId, "serials", null).size());
        // nowhere left to go: no progress, the task's own failure
        assertEquals(List.of(EventTypes.TASK_STARTED, EventTypes.TASK_FAILED),
            taskEvents(task.getString("task_id"), 2).stream().map(EventEnvelope::eventType).toList());
    }

    @Test
    void aSlowSourceTimesOutAndAFailingOneOpensItsCircuitBreaker() {
        String slow = path("slow");
        provider.stubFor(post(urlEqualTo(slow)).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)
            .withHeader("Content-Type", "application/json").withBody("{\"serials\":[\"LATE-1\"]}")));
        configure(12, "numeric", "randomised", 1_000_000, List.of(source("slow", slow)), List.of(), true);
        String woId = workOrder(newGtin(), 1, 0);
        JsonPath task = run(woId, "serials", "{\"quantity\": 1}");
        assertEquals("builtin", task.getString("source"));
        assertTrue(lastHistoryError(woId).contains("no answer in time"), lastHistoryError(woId));

        String broken = path("broken");
        fails(broken, 502);
        configure(12, "numeric", "randomised", 1_000_000, List.of(source("broken", broken)), List.of(), true);
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String wo = workOrder(newGtin(), 1, 0);
            assertEquals("builtin", run(wo, "serials", "{\"quantity\": 1}").getString("source"));
            errors.add(lastHistoryError(wo));
        }
        // 3 attempts for the first task, the 4th failure opens the breaker: later calls never reach the provider
        provider.verify(4, postRequestedFor(urlEqualTo(broken)));
        assertTrue(errors.get(2).contains("circuit breaker open"), errors.get(2));
    }

    @Test
    void neverStoresAValueThePoolIssuedAndSkipsOnesItWouldIssueLater() {
        configure(8, "numeric", "sequential", 1_000, List.of(), List.of(), true);
        String gtin = newGtin();
        String first = workOrder(gtin, 10, 0);
        generate(first, "serials", "{\"quantity\": 10}").statusCode(202);   // counters 0-9: 00000000 … 00000009

        String clash = path("clash");
        String ahead = path("ahead");
        answers(clash, List.of("00000005", "X1"));
        answers(ahead, List.of("00000012", "00000013"));
        configure(8, "numeric", "sequential", 1_000, List.of(source("clash", clash), source("ahead", ahead)),
            List.of(), true);
        String second = workOrder(gtin, 2, 0);
        JsonPath task = run(second, "serials", "{\"quantity\": 2}");
        assertEquals("ahead", task.getString("source"));
        assertTrue(lastHistoryError(second).contains("already issued"), lastHistoryError(second));

        configure(8, "numeric", "sequential", 1_000, List.of(), List.of(), true);
        String third = workOrder(gtin, 10, 0);
        generate(third, "serials", "{\"quantity\": 10}").statusCode(202);
        List<String> issued = csvLines(third, "serials", null).stream().map(r -> r.split(",")[1]).toList();
        assertEquals(List.of("00000010", "00000011", "00000014", "00000015", "00000016", "00000017", "00000018",
            "00000019", "00000020", "00000021"), issued, "the counters behind the external values are skipped");
        given().header("Authorization", VIEWER).get("/serial-generation/workorders/" + third + "/")
            .then().body("allocations.size()", equalTo(2))
            .body("allocations.counter_from", equalTo(List.of(10, 14)))
            .body("allocations.counter_to", equalTo(List.of(12, 22)));
        given().header("Authorization", GenerationFixtures.SUPERVISOR).post("/serial-generation/audit/uniqueness")
            .then().statusCode(200).body("ok", equalTo(true))
            .body("external_serials_inside_allocations", equalTo(0));
    }

    @Test
    void takesSsccsFromAnSsccSourceUnderTheConfiguredPrefix() {
        String path = path("sscc");
        CompanyPrefix prefix = new CompanyPrefix(COMPANY_PREFIX);
        long base = 900_000 + (long) (Math.random() * 90_000) * 10;
        List<String> ssccs = List.of(Sscc.of(3, prefix, base).value(), Sscc.of(3, prefix, base + 1).value());
        answers(path, ssccs);
        configure(12, "numeric", "randomised", 1_000_000, List.of(), List.of(source("sscc-provider", path)), true);
        String woId = workOrder(newGtin(), 10, 2);

        JsonPath task = run(woId, "sscc", "{}");
        assertEquals("sscc-provider", task.getString("source"));
        provider.verify(postRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson("{\"company_prefix\":\""
            + COMPANY_PREFIX + "\",\"extension_digit\":3,\"quantity\":2,\"request_id\":\"" + task.getString("task_id")
            + "\"}")));
        List<String> rows = csvLines(woId, "sscc", "urn");
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).startsWith(ssccs.get(0) + ",urn:epc:id:sscc:" + COMPANY_PREFIX + "."), rows.get(0));
        assertFalse(rows.get(1).isEmpty());
    }

    @Test
    void storesALargeAnswerInChunksAndReportsItStreamed() {
        String path = path("bulk");
        List<String> delivered = serials("BULK-" + UUID.randomUUID().toString().substring(0, 6) + "-", 120_000);
        answers(path, delivered);
        configure(12, "numeric", "randomised", 1_000_000, List.of(source("bulk", path)), List.of(), true);
        String woId = workOrder(newGtin(), 120_000, 0);

        JsonPath task = run(woId, "serials", "{\"quantity\": 120000}");
        assertEquals("bulk", task.getString("source"));
        List<String> rows = csvLines(woId, "serials", "dl");
        assertEquals(120_000, rows.size());
        assertEquals(120_000, rows.stream().map(r -> r.split(",")[1]).distinct().count());
    }

    @Test
    void takesUpATaskLeftOpenByAStoppedInstance() throws Exception {
        String path = path("resumed");
        answers(path, serials("RESUMED-", 5));
        configure(12, "numeric", "randomised", 1_000_000, List.of(source("resumed", path)), List.of(), true);
        String woId = workOrder(newGtin(), 5, 0);
        // what a stop between accepting the request and storing the answer leaves: an open task, nothing issued
        UUID taskId = UUID.randomUUID();
        try (Connection db = dataSource.getConnection(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO generation_task (id, workorder_id, kind, status, requested, generated, force_regenerate,"
                    + " created_by, created_at) SELECT ?, id, 'serial', 'in_progress', 5, 0, false, 'stopped-run',"
                    + " now() - interval '1 minute' FROM workorder_serial_generation WHERE wo_id = ?")) {
            insert.setObject(1, taskId);
            insert.setString(2, woId);
            assertEquals(1, insert.executeUpdate());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", VIEWER)
            .get("/serial-generation/tasks/" + taskId + "/").then().body("status", equalTo("completed"))
            .body("source", equalTo("resumed")));
        provider.verify(postRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson("{\"gtin\":\"${json-unit.any-string}\","
            + "\"quantity\":5,\"request_id\":\"" + taskId + "\"}")));
        assertEquals(5, csvLines(woId, "serials", null).size());
    }
}
