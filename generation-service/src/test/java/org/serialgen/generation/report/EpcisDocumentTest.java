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
import org.serialgen.kit.csv.Csv;
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

    /** A work order of lot {@code lot}, expiring 2028-06-30. */
    static WorkOrder workOrder(String lot) {
        WorkOrder wo = new WorkOrder();
        wo.lot = lot;
        wo.expiry = LocalDate.of(2028, 6, 30);
        return wo;
    }

    /** The serial pool's numbers as SGTIN URNs of GTIN 09506000134352 (company prefix of 7 digits). */
    static Identifiers sgtins() {
        return new Identifiers(Rendering.URN, LINK, Map.of(pool(Kind.SERIAL).id,
            new Identifiers.TradeItem(new Gtin("09506000134352"), 7)), null, null);
    }

    static IssueEvent event(Kind kind, UUID task, Instant voidedAt, Instant time) {
        return new IssueEvent(task, voidedAt, time, new IssuedNumbers(null, kind, List.of(), null, null, null, null));
    }

    @Test
    void chunksMakeOneValidDocumentOfCommissioningAndDecommissioningEvents() throws Exception {
        WorkOrder wo = workOrder("LOT \"7\"");
        UUID serialTask = UUID.randomUUID();
        Identifiers sgtins = sgtins();
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
    void theXmlFormIsValidByGs1sSchemaAndTellsTheSameEvents() throws Exception {
        WorkOrder wo = workOrder("LOT <7> & \"8\"");
        UUID serialTask = UUID.randomUUID();
        Identifiers sgtins = sgtins();
        EpcisWriter document = EpcisWriter.of(EpcisWriter.Form.XML, sgtins, Identifiers.ofSscc(Rendering.URN, LINK),
            new EpcisLocation("urn:epc:id:sgln:9506000.13435.0", null));
        IssueEvent serials = event(Kind.SERIAL, serialTask, null, ISSUED);
        IssueEvent voided = event(Kind.SERIAL, serialTask, VOIDED, VOIDED);
        String sscc = "urn:epc:id:sscc:9506000.3000000017";
        org.serialgen.generation.packing.PackingEvent packing = new org.serialgen.generation.packing.PackingEvent(
            UUID.randomUUID(), false, "(00)395060000000000017", VOIDED.plusSeconds(5));
        Buffer all = Buffer.buffer()
            .appendBuffer(document.head(VOIDED))
            .appendBuffer(document.eventStart(serials))
            .appendBuffer(document.epcs(new NumberChunk(pool(Kind.SERIAL), new String[] {"A(1)", "B<2&"}, 2)))
            .appendBuffer(document.eventEnd(serials, wo))
            .appendBuffer(document.eventStart(voided))
            .appendBuffer(document.epcs(new NumberChunk(pool(Kind.SERIAL), new String[] {"A(1)"}, 1)))
            .appendBuffer(document.eventEnd(voided, wo))
            .appendBuffer(document.aggregation(packing, sscc, List.of("urn:epc:id:sgtin:9506000.013435.A(1)")))
            .appendBuffer(document.tail());
        EpcisXmlSchema.assertValid(all.toString());
        // the schema has teeth: an action it does not define is refused
        assertThrows(org.opentest4j.AssertionFailedError.class, () -> EpcisXmlSchema.assertValid(all.toString()
            .replace("<action>ADD</action>", "<action>ADDED</action>")));

        var dom = javax.xml.parsers.DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
            .parse(new java.io.ByteArrayInputStream(all.getBytes()));
        var xpath = javax.xml.xpath.XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return prefix.equals("cbvmda") ? EpcisXmlDocument.CBV_MDA : EpcisXmlDocument.EPCIS;
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        java.util.function.Function<String, String> at = path -> {
            try {
                return xpath.evaluate(path, dom);
            } catch (javax.xml.xpath.XPathExpressionException e) {
                throw new IllegalStateException(e);
            }
        };
        assertEquals("2026-12-01T09:30:00Z", at.apply("/epcis:EPCISDocument/@creationDate"));
        String first = "/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent[1]/";
        assertEquals("2026-12-01T08:00:00.123456Z", at.apply(first + "eventTime"));
        assertEquals(serials.eventId(), at.apply(first + "eventID"));
        assertEquals("urn:epcglobal:cbv:bizstep:commissioning", at.apply(first + "bizStep"));
        assertEquals("urn:epcglobal:cbv:disp:active", at.apply(first + "disposition"));
        assertEquals("urn:epc:id:sgln:9506000.13435.0", at.apply(first + "readPoint/id"));
        assertEquals("", at.apply(first + "bizLocation/id"));
        assertEquals("LOT <7> & \"8\"", at.apply(first + "ilmd/cbvmda:lotNumber"));
        assertEquals("2028-06-30", at.apply(first + "ilmd/cbvmda:itemExpirationDate"));
        assertEquals("urn:epc:id:sgtin:9506000.013435.B%3C2%26", at.apply(first + "epcList/epc[2]"));
        String second = "/epcis:EPCISDocument/EPCISBody/EventList/ObjectEvent[2]/";
        assertEquals("DELETE", at.apply(second + "action"));
        assertEquals("urn:epcglobal:cbv:disp:inactive", at.apply(second + "disposition"));
        assertEquals("0", at.apply("count(" + second + "ilmd)"));
        String aggregation = "/epcis:EPCISDocument/EPCISBody/EventList/AggregationEvent/";
        assertEquals(sscc, at.apply(aggregation + "parentID"));
        assertEquals(packing.eventId(), at.apply(aggregation + "eventID"));
        assertEquals("urn:epcglobal:cbv:bizstep:packing", at.apply(aggregation + "bizStep"));
        assertEquals("1", at.apply("count(" + aggregation + "childEPCs/epc)"));
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
        assertEquals("A1", Csv.field(new StringBuilder(), "A1").toString());
        assertEquals("\"A,1\"", Csv.field(new StringBuilder(), "A,1").toString());
        assertEquals("\"A\"\"1\"", Csv.field(new StringBuilder(), "A\"1").toString());
    }
}
