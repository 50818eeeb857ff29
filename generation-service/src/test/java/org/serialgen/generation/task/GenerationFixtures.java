package org.serialgen.generation.task;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.serialgen.events.AggregationComputed;
import org.serialgen.events.ConfigActivated;
import org.serialgen.events.ConfigDocument;
import org.serialgen.events.ConfigDocument.AggregationRule;
import org.serialgen.events.ConfigDocument.CompanyPrefix;
import org.serialgen.events.ConfigDocument.SerialFormat;
import org.serialgen.events.EventCodec;
import org.serialgen.events.EventTypes;
import org.serialgen.events.Topics;
import org.serialgen.events.WorkOrderSynced;
import org.serialgen.gs1.CheckDigit;
import org.serialgen.testkit.TestKafka;
import org.serialgen.testkit.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Work orders and configuration for the generation tests, fed through Kafka as in production. */
final class GenerationFixtures {

    static final String SUPERVISOR = TestTokens.bearer("sam.supervisor", "supervisor");
    static final String VIEWER = TestTokens.bearer("vic.viewer", "viewer");
    static final String COMPANY_PREFIX = "9506000";
    private static long configVersion;

    private GenerationFixtures() {
    }

    /** A fresh GTIN under the test company prefix, so each test gets pools of its own. */
    static String newGtin() {
        String item = String.format("%05d", (int) (Math.random() * 100_000));
        String body = "0" + COMPANY_PREFIX + item;
        return body + CheckDigit.compute(body);
    }

    /** Activates a configuration with this serial format (randomised unless said) and the test company prefix. */
    static void configure(int length, String alphabet, String mode, long volume) {
        configure(length, alphabet, mode, volume, List.of(), List.of(), true);
    }

    /** As above, with external serial and SSCC sources and the built-in generator switched on or off. */
    static void configure(int length, String alphabet, String mode, long volume, List<ConfigDocument.Source> serials,
                          List<ConfigDocument.Source> ssccs, boolean builtin) {
        ConfigDocument document = new ConfigDocument(serials, ssccs, builtin, new BigDecimal("100.00"),
            new BigDecimal("5.00"), Map.of("l1", new AggregationRule(true, 1L)),
            List.of(new CompanyPrefix(COMPANY_PREFIX, 3)), new SerialFormat(length, alphabet, mode, volume),
            new BigDecimal("80.00"));
        long version = TestKafka.nextConfigVersion();
        configVersion = version;
        TestKafka.publish(Topics.CONFIG, "config", EventCodec.write(EventCodec.envelope(EventTypes.CONFIG_ACTIVATED,
            new ConfigActivated(version, document, "test", Instant.now()))));
    }

    /** A work order from the ERP of {@code quantity} units (and {@code sscc} SSCCs), once generation-service has it. */
    static String workOrder(String gtin, long quantity, long sscc) {
        return workOrder(gtin, quantity, sscc, List.of());
    }

    /** As above, with the packaging levels of its breakdown. */
    static String workOrder(String gtin, long quantity, long sscc, List<AggregationComputed.Level> levels) {
        return workOrder(gtin, quantity, sscc, levels, 0);
    }

    /** As above, with the bundle serials the breakdown needs. */
    static String workOrder(String gtin, long quantity, long sscc, List<AggregationComputed.Level> levels,
                            long bundleSerials) {
        String woId = "WO-T-" + UUID.randomUUID().toString().substring(0, 8);
        TestKafka.publish(Topics.WORKORDERS, woId, EventCodec.write(EventCodec.envelope(EventTypes.WORKORDER_SYNCED,
            new WorkOrderSynced(woId, "Batch " + woId, gtin, "LOT1", LocalDate.of(2029, 1, 31), quantity, 1,
                Instant.now(), WorkOrderSynced.ERP))));
        TestKafka.publish(Topics.AGGREGATION, woId, EventCodec.write(EventCodec.envelope(
            EventTypes.AGGREGATION_COMPUTED, new AggregationComputed(woId, quantity, 1, "test", levels, sscc, bundleSerials))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            given().header("Authorization", VIEWER).get("/serial-generation/workorders/" + woId + "/")
                .then().statusCode(200).body("total_requested_sscc", equalTo((int) sscc))
                .body("total_requested_bundle_serials", equalTo((int) bundleSerials))
                .body("config_version", equalTo(configVersion)));
        return woId;
    }

    static ValidatableResponse generate(String woId, String kind, String body) {
        return generate(woId, kind, body, null);
    }

    static ValidatableResponse generate(String woId, String kind, String body, String idempotencyKey) {
        var request = given().header("Authorization", SUPERVISOR).contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/serial-generation/workorders/" + woId + "/generate-" + kind + "/").then();
    }

    static List<String> csvLines(String woId, String report, String format) {
        String csv = given().header("Authorization", VIEWER)
            .get("/serial-generation/workorders/" + woId + "/" + report + ".csv" + (format == null ? "" : "?format=" + format))
            .then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        return lines.subList(1, lines.size());
    }

    /**
     * The work order's EPCIS document in its XML form: valid by GS1's XML Schema, named and typed as XML, and telling
     * the same events (IDs, types, EPCs, in order) as {@code json}, its JSON-LD form.
     */
    static String epcisXmlTellingTheSame(String woId, String json) {
        String xml = given().header("Authorization", VIEWER).queryParam("format", "xml")
            .get("/serial-generation/workorders/" + woId + "/epcis").then().statusCode(200)
            .header("Content-Type", org.hamcrest.Matchers.startsWith("application/xml"))
            .header("Content-Disposition", org.hamcrest.Matchers.containsString("epcis.xml")).extract().asString();
        org.serialgen.generation.report.EpcisXmlSchema.assertValid(xml);
        io.restassured.path.json.JsonPath expected = new io.restassured.path.json.JsonPath(json);
        List<Map<String, Object>> events = expected.getList("epcisBody.eventList");
        io.restassured.path.xml.XmlPath read = new io.restassured.path.xml.XmlPath(xml);
        List<String> kinds = read.getList("EPCISDocument.EPCISBody.EventList.children().collect { it.name() }",
            String.class);
        org.junit.jupiter.api.Assertions.assertEquals(events.stream().map(e -> (String) e.get("type")).toList(), kinds);
        for (int i = 0; i < events.size(); i++) {
            String at = "EPCISDocument.EPCISBody.EventList.children()[" + i + "]";
            Map<String, Object> event = events.get(i);
            org.junit.jupiter.api.Assertions.assertEquals(event.get("eventID"), read.getString(at + ".eventID"));
            org.junit.jupiter.api.Assertions.assertEquals(event.get("action"), read.getString(at + ".action"));
            String list = event.get("type").equals("AggregationEvent") ? "childEPCs" : "epcList";
            org.junit.jupiter.api.Assertions.assertEquals(event.get(list),
                read.getList(at + "." + list + ".epc", String.class), "the EPCs of event " + i);
        }
        return xml;
    }
}
