package org.serialgen.generation.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.serialgen.generation.task.GenerationFixtures.VIEWER;
import static org.serialgen.generation.task.GenerationFixtures.configure;
import static org.serialgen.generation.task.GenerationFixtures.generate;
import static org.serialgen.generation.task.GenerationFixtures.newGtin;
import static org.serialgen.generation.task.GenerationFixtures.workOrder;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.serialgen.generation.report.EpcisSchema;
import org.serialgen.gs1.CheckDigit;
import org.serialgen.gs1.DigitalLink;
import org.serialgen.gs1.ElementString;
import org.serialgen.gs1.EpcUrn;
import org.serialgen.gs1.Gtin;
import org.serialgen.gs1.PackCode;
import org.serialgen.gs1.SerialNumber;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.datamatrix.DataMatrixReader;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.serialgen.events.AggregationComputed;

import com.google.zxing.MultiFormatReader;
import com.google.zxing.multi.GenericMultipleBarcodeReader;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What leaves the suite for a packaging line and a regulator: EPCIS documents that GS1's schema accepts and that
 * tell each issue and voiding once, pack codes in every form read back to the same pack, DataMatrix symbols a
 * barcode reader decodes, and no serial issued for a GTIN whose company prefix is unknown.
 */
@QuarkusTest
class ReportsTest {

    static final String REPORTS = "/serial-generation/workorders/";

    @Test
    void epcisTellsEveryIssueAndVoidingOnceAndTheSameOnEveryDownload() {
        configure(12, "numeric", "randomised", 1_000_000);
        String woId = workOrder(newGtin(), 100, 3);
        given().header("Authorization", VIEWER).get(REPORTS + woId + "/epcis")
            .then().statusCode(404).body("error", equalTo("not_found")).body("code", equalTo("NOTHING_ISSUED"));

        generate(woId, "serials", "{\"quantity\": 40}").statusCode(202);
        generate(woId, "serials", "{\"quantity\": 30}").statusCode(202);
        generate(woId, "sscc", "{}").statusCode(202);
        Set<String> voided = new HashSet<>(epcs(document(woId), 0));
        voided.addAll(epcs(document(woId), 1));
        generate(woId, "serials", "{\"force_regenerate\": true}").statusCode(202);

        String first = document(woId);
        EpcisSchema.assertValid(first);
        GenerationFixtures.epcisXmlTellingTheSame(woId, first);
        assertEquals(first, document(woId), "a second download is the same document");
        JsonPath epcis = new JsonPath(first);
        List<Map<String, Object>> events = epcis.getList("epcisBody.eventList");
        // two issues of serials, one of SSCCs, the voiding of each serial issue, the 105 serials issued after it
        assertEquals(6, events.size());
        List<String> kinds = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String path = "epcisBody.eventList[" + i + "].";
            boolean tradeItems = epcis.getString(path + "epcList[0]").startsWith("urn:epc:id:sgtin:");
            boolean commissioning = epcis.getString(path + "action").equals("ADD");
            kinds.add(epcis.getString(path + "action") + (tradeItems ? " sgtin" : " sscc"));
            assertTrue(ids.add(epcis.getString(path + "eventID")), "event IDs are unique");
            assertEquals(tradeItems && commissioning, epcis.get(path + "ilmd") != null, "ILMD on trade items only");
            assertEquals(commissioning ? "commissioning" : "decommissioning", epcis.getString(path + "bizStep"));
            assertEquals(commissioning ? "active" : "inactive", epcis.getString(path + "disposition"));
        }
        assertEquals(List.of("ADD sgtin", "ADD sgtin", "ADD sscc", "DELETE sgtin", "DELETE sgtin", "ADD sgtin"), kinds);
        assertEquals(40, epcs(first, 0).size());
        assertEquals(30, epcs(first, 1).size());
        assertEquals(3, epcs(first, 2).size());
        assertEquals(105, epcs(first, 5).size());
        // the voiding is told per issue it touched, naming the very numbers first issued
        Set<String> decommissioned = new HashSet<>(epcs(first, 3));
        decommissioned.addAll(epcs(first, 4));
        assertEquals(voided, decommissioned);
        assertTrue(java.util.Collections.disjoint(voided, epcs(first, 5)), "a voided serial never comes back");
        List<Instant> times = events.stream().map(e -> Instant.parse((String) e.get("eventTime"))).toList();
        for (int i = 1; i < times.size(); i++) {
            assertTrue(!times.get(i).isBefore(times.get(i - 1)), "events in the order they happened");
        }
        assertEquals(times.get(times.size() - 1), Instant.parse(epcis.getString("creationDate")));
        assertTrue(times.get(0).isBefore(Instant.now()) && times.get(0).isAfter(Instant.now().minusSeconds(600)));
    }

    @Test
    void packCodesInEveryFormReadBackToTheSamePack() {
        configure(20, "cs82", "randomised", 1_000_000);
        String gtin = newGtin();
        String woId = workOrder(gtin, 300, 1);
        generate(woId, "serials", "{}").statusCode(202);
        List<List<String>> element = csv(woId, "element");
        List<List<String>> pack = csv(woId, "pack");
        List<List<String>> scan = csv(woId, "scan");
        List<List<String>> hri = csv(woId, "hri");
        List<List<String>> dl = csv(woId, "dl");
        assertEquals(315, pack.size());
        int parenthesised = 0;
        for (int i = 0; i < pack.size(); i++) {
            String serial = pack.get(i).get(1);
            PackCode expected = new PackCode(new Gtin(gtin), LocalDate.of(2029, 1, 31), "LOT1",
                new SerialNumber(serial));
            parenthesised += serial.contains("(") ? 1 : 0;
            assertEquals(serial, ElementString.parseSgtin(element.get(i).get(2)).serial().value());
            assertEquals(expected.elements(), ElementString.parseBracketed(pack.get(i).get(2)));
            assertEquals(expected, PackCode.parseScanData(scan.get(i).get(2), 2026));
            assertEquals(expected.humanReadable(), hri.get(i).get(2));
            assertEquals(expected.digitalLink(DigitalLink.gs1()), dl.get(i).get(2));
            assertEquals(serial, DigitalLink.parseSgtin(dl.get(i).get(2)).serial().value());
        }
        assertTrue(parenthesised > 0, "set 82 serials with '(' were among them, escaped in the bracketed forms");
    }

    @Test
    void aDataMatrixOfAHeldSerialDecodesToItsPackCode() throws Exception {
        configure(12, "alphanumeric_upper", "randomised", 1_000_000);
        String gtin = newGtin();
        String woId = workOrder(gtin, 10, 1);
        generate(woId, "serials", "{}").statusCode(202);
        String serial = csv(woId, "element").get(3).get(1);
        byte[] png = given().header("Authorization", VIEWER).queryParam("serial", serial).queryParam("scale", "4")
            .get(REPORTS + woId + "/datamatrix").then().statusCode(200).contentType("image/png")
            .extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        Result read = new DataMatrixReader().decode(new BinaryBitmap(new HybridBinarizer(
            new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.PURE_BARCODE, true));
        assertEquals(BarcodeFormat.DATA_MATRIX, read.getBarcodeFormat());
        assertEquals("]d2", read.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER),
            "FNC1 first: a GS1 DataMatrix");
        PackCode expected = new PackCode(new Gtin(gtin), LocalDate.of(2029, 1, 31), "LOT1", new SerialNumber(serial));
        // ZXing reports the leading FNC1 twice: as the symbology identifier and as a GS before the data
        String scanned = read.getText().substring(1);
        assertEquals(ElementString.GS, read.getText().charAt(0));
        assertEquals(expected.scanData(), scanned, "FNC1 (GS) after the lot");
        assertEquals(expected, PackCode.parseScanData(scanned, 2026));

        String svg = given().header("Authorization", VIEWER).queryParam("serial", serial).queryParam("format", "svg")
            .get(REPORTS + woId + "/datamatrix").then().statusCode(200).contentType("image/svg+xml")
            .extract().asString();
        assertTrue(svg.startsWith("<svg") && svg.contains("<title>" + expected.humanReadable() + "</title>"), svg);

        given().header("Authorization", VIEWER).queryParam("serial", "NOTISSUED123")
            .get(REPORTS + woId + "/datamatrix").then().statusCode(404).body("code", equalTo("SERIAL_NOT_HELD"));
        given().header("Authorization", VIEWER).queryParam("serial", serial).queryParam("format", "gif")
            .get(REPORTS + woId + "/datamatrix").then().statusCode(400).body("details.format[0]",
                equalTo("Must be png or svg"));
        given().header("Authorization", VIEWER).queryParam("serial", serial).queryParam("scale", "0")
            .get(REPORTS + woId + "/datamatrix").then().statusCode(400).body("details.scale", org.hamcrest.Matchers
                .notNullValue());
        given().header("Authorization", VIEWER).get(REPORTS + woId + "/datamatrix").then().statusCode(400)
            .body("details.serial", org.hamcrest.Matchers.notNullValue());
        // a voided serial is no longer the work order's: no symbol for it
        generate(woId, "serials", "{\"force_regenerate\": true}").statusCode(202);
        given().header("Authorization", VIEWER).queryParam("serial", serial).get(REPORTS + woId + "/datamatrix")
            .then().statusCode(404);
    }

    @Test
    void refusesSerialsForAGtinNoConfiguredPrefixCoversBeforeTakingAnything() {
        configure(12, "numeric", "randomised", 1_000_000);
        String body = "0" + "4012345" + "00001";
        String woId = workOrder(body + CheckDigit.compute(body), 100, 1);
        generate(woId, "serials", "{}").statusCode(409).body("error", equalTo("conflict"))
            .body("code", equalTo("GTIN_PREFIX_UNKNOWN"));
        given().header("Authorization", VIEWER).get(REPORTS + woId + "/")
            .then().body("generated_serials", equalTo(0)).body("serial_generation_status", equalTo("pending"));
        given().header("Authorization", VIEWER).get(REPORTS + woId + "/history/").then().body("count", equalTo(0));
        // its SSCCs come from the configured prefix, and its EPCIS document tells them
        generate(woId, "sscc", "{}").statusCode(202);
        String document = document(woId);
        EpcisSchema.assertValid(document);
        assertTrue(new JsonPath(document).getString("epcisBody.eventList[0].epcList[0]").startsWith("urn:epc:id:sscc:"));
    }

    @Test
    void ssccLabelsCarryTheirContentAndDecodeBack() throws Exception {
        configure(12, "numeric", "randomised", 1_000_000);
        String gtin = newGtin();
        String bundle = newGtin();
        // 250 items: bundles of 10 (a trade item of its own GTIN), cases of 10 bundles, one pallet
        List<AggregationComputed.Level> levels = List.of(
            new AggregationComputed.Level("l1", "Item", 1, 0, 250, 1, 0, "sgtin", null),
            new AggregationComputed.Level("l2", "Bundle", 10, 10, 25, 10, 10, "sgtin", bundle),
            new AggregationComputed.Level("l3", "Case", 100, 10, 3, 50, 5, "sscc", null),
            new AggregationComputed.Level("l4", "Pallet", 1000, 10, 1, 250, 3, "sscc", null));
        String woId = workOrder(gtin, 250, 4, levels);
        given().header("Authorization", VIEWER).get(REPORTS + woId + "/sscc-labels.pdf")
            .then().statusCode(404).body("code", equalTo("NOTHING_ISSUED"));
        generate(woId, "sscc", "{}").statusCode(202);
        List<String> ssccs = given().header("Authorization", VIEWER)
            .get(REPORTS + woId + "/sscc.csv").asString().lines().skip(1).map(line -> line.split(",")[0]).toList();
        assertEquals(4, ssccs.size());

        byte[] pdf = given().header("Authorization", VIEWER).get(REPORTS + woId + "/sscc-labels.pdf")
            .then().statusCode(200).contentType("application/pdf").header("Content-Disposition",
                org.hamcrest.Matchers.containsString("sscc-labels.pdf")).extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(4, document.getNumberOfPages());
            PDFRenderer renderer = new PDFRenderer(document);
            long[] counts = {10, 10, 5, 25};
            for (int page = 0; page < 4; page++) {
                Set<String> read = new HashSet<>();
                for (Result symbol : new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(
                    new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
                        renderer.renderImageWithDPI(page, 200, ImageType.GRAY)))),
                    Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128),
                        DecodeHintType.TRY_HARDER, true, DecodeHintType.ASSUME_GS1, true))) {
                    assertEquals("]C1", symbol.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER),
                        "GS1-128: FNC1 first");
                    // read as GS1: the symbol identifier first, FNC1 separators as GS. ZXing's reader also reports a
                    // check character whose value is 102 (FNC1's) as one more GS at the end — about 2 % of symbols,
                    // depending on the data (the work order's random GTIN) — so a single trailing GS is not data
                    String text = symbol.getText();
                    assertTrue(text.startsWith("]C1"), text);
                    read.add(text.substring(3, text.charAt(text.length() - 1) == ElementString.GS ? text.length() - 1
                        : text.length()));
                }
                assertEquals(Set.of("00" + ssccs.get(page),
                    "02" + bundle + "17290131" + "37" + counts[page] + ElementString.GS + "10LOT1"), read,
                    "page " + page);
            }
        }
        byte[] pallets = given().header("Authorization", VIEWER).queryParam("level", "l4")
            .get(REPORTS + woId + "/sscc-labels.pdf").then().statusCode(200).extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pallets)) {
            assertEquals(1, document.getNumberOfPages());
        }
        given().header("Authorization", VIEWER).queryParam("level", "l2").get(REPORTS + woId + "/sscc-labels.pdf")
            .then().statusCode(400).body("details.level", org.hamcrest.Matchers.notNullValue());
    }

    private static String document(String woId) {
        return given().header("Authorization", VIEWER).get(REPORTS + woId + "/epcis").then().statusCode(200)
            .contentType("application/ld+json").extract().asString();
    }

    private static List<String> epcs(String document, int event) {
        return new JsonPath(document).getList("epcisBody.eventList[" + event + "].epcList");
    }

    /** The rows of a serials CSV (RFC 4180: quoted fields, doubled quotes), without the header. */
    private static List<List<String>> csv(String woId, String format) {
        String text = given().header("Authorization", VIEWER).queryParam("format", format)
            .get(REPORTS + woId + "/serials.csv").then().statusCode(200).extract().asString();
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        assertNotEquals(0, rows.size());
        return rows.subList(1, rows.size());
    }
}
