package org.serialgen.generation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.serialgen.generation.pool.Kind;
import org.serialgen.generation.pool.SerialPool;
import org.serialgen.generation.workorder.WorkOrder;
import org.serialgen.gs1.CompanyPrefix;
import org.serialgen.gs1.DigitalLink;
import org.serialgen.gs1.Gtin;
import org.serialgen.gs1.Sscc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;

/** The EPCIS document and the CSV lines, as written chunk by chunk, against GS1's EPCIS 2.0 JSON Schema. */
class EpcisDocumentTest {

    static final DigitalLink LINK = new DigitalLink("https://id.gs1.org");
    static final Instant ISSUED = Instant.parse("2026-12-01T08:00:00.123456Z");
    static final Instant VOIDED = Instant.parse("2026-12-01T09:30:00Z");

    static SerialPool pool(Kind kind) {
        SerialPool pool = new SerialPool();
        pool.id = kind == Kind.SERIAL ? 1L : 2L;
        pool.kind = kind;
        pool.companyPrefix = "9506000";
        return pool;
    }

    static IssueEvent event(Kind kind, UUID task, Instant voidedAt, Instant time) {
        return new IssueEvent(task, voidedAt, time, new IssuedNumbers(null, kind, List.of(), null, null, null, null));
    }

    @Test
    void chunksMakeOneValidDocumentOfCommissioningAndDecommissioningEvents() throws Exception {
        WorkOrder wo = new WorkOrder();
        wo.lot = "LOT \"7\"";
        wo.expiry = LocalDate.of(2028, 6, 30);
        UUID serialTask = UUID.randomUUID();
        Identifiers sgtins = new Identifiers(Rendering.URN, LINK, Map.of(pool(Kind.SERIAL).id,
            new Identifiers.TradeItem(new Gtin("09506000134352"), 7)), null, null);
        EpcisDocument document = new EpcisDocument(sgtins, Identifiers.ofSscc(Rendering.URN, LINK),
            new EpcisLocation("urn:epc:id:sgln:9506000.13435.0", "urn:epc:id:sgln:9506000.13435.7"));
        IssueEvent serials = event(Kind.SERIAL, serialTask, null, ISSUED);
        IssueEvent containers = event(Kind.SSCC, UUID.randomUUID(), null, ISSUED.plusSeconds(1));
        IssueEvent voided = event(Kind.SERIAL, serialTask, VOIDED, VOIDED);
        Buffer all = Buffer.buffer()
            .appendBuffer(document.head(VOIDED))
            .appendBuffer(document.eventStart(serials))
            .appendBuffer(document.epcs(new NumberChunk(pool(Kind.SERIAL), new String[] {"A(1)", "B\"2"}, 2)))
            .appendBuffer(document.epcs(new NumberChunk(pool(Kind.SERIAL), new String[] {"C3", "unused"}, 1)))
            .appendBuffer(document.eventEnd(serials, wo))
            .appendBuffer(document.eventStart(containers))
            .appendBuffer(document.epcs(new NumberChunk(pool(Kind.SSCC),
                new String[] {Sscc.of(3, new CompanyPrefix("9506000"), 17).value()}, 1)))
            .appendBuffer(document.eventEnd(containers, wo))
            .appendBuffer(document.eventStart(voided))
            .appendBuffer(document.epcs(new NumberChunk(pool(Kind.SERIAL), new String[] {"C3"}, 1)))
            .appendBuffer(document.eventEnd(voided, wo))
            .appendBuffer(document.tail());
        EpcisSchema.assertValid(all.toString());

        JsonNode events = new ObjectMapper().readTree(all.getBytes()).path("epcisBody").path("eventList");
        assertEquals(3, events.size());
        JsonNode commissioning = events.path(0);
        assertEquals("2026-12-01T08:00:00.123456Z", commissioning.path("eventTime").asText());
        assertEquals("LOT \"7\"", commissioning.path("ilmd").path("cbvmda:lotNumber").asText());
        assertEquals("2028-06-30", commissioning.path("ilmd").path("cbvmda:itemExpirationDate").asText());
        assertEquals(3, commissioning.path("epcList").size());
        assertEquals("urn:epc:id:sgln:9506000.13435.0", commissioning.path("readPoint").path("id").asText());
        assertEquals("urn:epc:id:sgln:9506000.13435.7", commissioning.path("bizLocation").path("id").asText());
        JsonNode logistic = events.path(1);
        assertEquals("urn:epc:id:sscc:9506000.3000000017", logistic.path("epcList").path(0).asText());
        assertTrue(logistic.path("ilmd").isMissingNode(), "a logistic unit has no lot or expiry");
        JsonNode decommissioning = events.path(2);
        assertEquals("DELETE", decommissioning.path("action").asText());
        assertEquals("decommissioning", decommissioning.path("bizStep").asText());
        assertEquals("inactive", decommissioning.path("disposition").asText());
        assertTrue(decommissioning.path("ilmd").isMissingNode());
        assertEquals("2026-12-01T09:30:00Z", all.toJsonObject().getString("creationDate"));
    }

    @Test
    void anEventIsNamedTheSameOnEveryDownloadAndByNothingElse() {
        UUID task = UUID.randomUUID();
        IssueEvent once = event(Kind.SERIAL, task, null, ISSUED);
        assertEquals(once.eventId(), event(Kind.SERIAL, task, null, ISSUED).eventId());
        assertTrue(once.eventId().matches("urn:uuid:[0-9a-f-]{36}"), once.eventId());
        assertFalse(once.eventId().equals(event(Kind.SERIAL, task, VOIDED, VOIDED).eventId()));
        assertFalse(once.eventId().equals(event(Kind.SERIAL, UUID.randomUUID(), null, ISSUED).eventId()));
    }

    @Test
    void refusesAReadPointThatIsNoSgln() {
        assertThrows(IllegalArgumentException.class, () -> new EpcisLocation("urn:epc:id:sgln:9506000.1.0", null));
        assertThrows(IllegalArgumentException.class, () -> new EpcisLocation(null, "https://example.com/site"));
    }

    @Test
    void quotesACsvFieldOnlyWhenItMustBe() {
        assertEquals("A1", CsvReport.field(new StringBuilder(), "A1").toString());
        assertEquals("\"A,1\"", CsvReport.field(new StringBuilder(), "A,1").toString());
        assertEquals("\"A\"\"1\"", CsvReport.field(new StringBuilder(), "A\"1").toString());
    }
}
