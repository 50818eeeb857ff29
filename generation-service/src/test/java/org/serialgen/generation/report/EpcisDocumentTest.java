package org.serialgen.generation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;

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

/** The EPCIS document and the CSV lines, as written chunk by chunk. */
class EpcisDocumentTest {

    static final DigitalLink LINK = new DigitalLink("https://id.gs1.org");

    static SerialPool pool(Kind kind) {
        SerialPool pool = new SerialPool();
        pool.kind = kind;
        pool.companyPrefix = "9506000";
        return pool;
    }

    @Test
    void chunksMakeOneValidDocumentWhateverTheirSeparators() throws Exception {
        WorkOrder wo = new WorkOrder();
        wo.lot = "LOT \"7\"";
        wo.expiry = LocalDate.of(2028, 6, 30);
        Identifiers sgtins = new Identifiers(Rendering.URN, LINK, new Gtin("09506000134352"), 7);
        EpcisDocument document = new EpcisDocument(sgtins, Identifiers.ofSscc(Rendering.URN, LINK));
        Buffer all = Buffer.buffer()
            .appendBuffer(document.head(wo, Instant.parse("2026-12-01T00:00:00Z")))
            .appendBuffer(document.epcs(new NumberChunk(pool(Kind.SERIAL), new String[] {"A(1)", "B\"2"}, 2)))
            .appendBuffer(document.epcs(new NumberChunk(pool(Kind.SERIAL), new String[] {"C3", "unused"}, 1)))
            .appendBuffer(document.epcs(new NumberChunk(pool(Kind.SSCC), new String[] {Sscc.of(3, new CompanyPrefix("9506000"), 17).value()}, 1)))
            .appendBuffer(document.tail());
        JsonNode event = new ObjectMapper().readTree(all.getBytes()).path("epcisBody").path("eventList").path(0);
        assertEquals("LOT \"7\"", event.path("ilmd").path("cbvmda:lotNumber").asText());
        assertEquals(4, event.path("epcList").size());
        assertEquals("urn:epc:id:sscc:9506000.3000000017", event.path("epcList").path(3).asText());
    }

    @Test
    void quotesACsvFieldOnlyWhenItMustBe() {
        assertEquals("A1", CsvReport.field(new StringBuilder(), "A1").toString());
        assertEquals("\"A,1\"", CsvReport.field(new StringBuilder(), "A,1").toString());
        assertEquals("\"A\"\"1\"", CsvReport.field(new StringBuilder(), "A\"1").toString());
    }
}
