package org.serialgen.generation.workorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.serialgen.testkit.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The work-order list as CSV: every row the filters select, across the export's reads, in the list's order. */
@QuarkusTest
class WorkOrderExportTest {

    static final String VIEWER = TestTokens.bearer("vera.viewer", "viewer");

    @Test
    void exportsEveryMatchingWorkOrderInOrderAcrossReads() {
        String tag = "EXP" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        int count = WorkOrderExportResource.ROWS_PER_READ + 7;
        // many rows quickly: the form's endpoint one by one would take long, so the rows go in through the API in
        // parallel threads of a small pool
        List<String> ids = java.util.stream.IntStream.range(0, count).mapToObj(i -> "WO-%s-%04d".formatted(tag, i)).toList();
        ids.parallelStream().forEach(id -> ManualWorkOrderTest.create(ManualWorkOrderTest.form(id, "9506000134352", 10))
            .statusCode(201));
        ManualWorkOrderTest.create("""
            {"wo_id": "WO-%s-FORMULA", "wo_name": "=HYPERLINK(\\"x\\")", "gtin": "9506000134352", "lot": "M-1",
             "expiry": "2029-05-31", "quantity": 5}""".formatted(tag)).statusCode(201);

        String csv = given().header("Authorization", VIEWER)
            .queryParam("search", tag).queryParam("ordering", "wo_id")
            .get("/serial-generation/workorders/export.csv")
            .then().statusCode(200).contentType(containsString("text/csv"))
            .header("Content-Disposition", containsString("attachment"))
            .extract().asString();
        List<String> lines = Arrays.asList(csv.split("\n"));
        assertEquals(WorkOrderExportResource.HEADER.strip(), lines.get(0));
        assertEquals(count + 2, lines.size(), "header, every work order, the formula one");
        List<String> exported = lines.subList(1, count + 1).stream().map(line -> line.substring(0, line.indexOf(',')))
            .toList();
        assertEquals(ids, exported, "all of them, in wo_id order, none twice");
        assertTrue(lines.get(count + 1).contains(",\"'=HYPERLINK(\"\"x\"\")\","), lines.get(count + 1));

        String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String none = given().header("Authorization", VIEWER).queryParam("search", tag)
            .queryParam("created_to", LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString())
            .get("/serial-generation/workorders/export.csv").then().statusCode(200).extract().asString();
        assertEquals(WorkOrderExportResource.HEADER, none, "nothing created before today");
        given().header("Authorization", VIEWER).queryParam("search", tag).queryParam("created_from", today)
            .queryParam("page_size", 1).get("/serial-generation/workorders/")
            .then().statusCode(200).body("count", equalTo(count + 1));
    }

    @Test
    void refusesAFilterItDoesNotKnow() {
        given().header("Authorization", VIEWER).queryParam("created_from", "yesterday").queryParam("status", "done")
            .get("/serial-generation/workorders/export.csv")
            .then().statusCode(400).contentType(ContentType.JSON)
            .body("details", hasKey("created_from")).body("details", hasKey("status"));
    }
}
