package org.serialgen.aggregation.recipe;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.serialgen.aggregation.recipe.RecipeTest.API;
import static org.serialgen.aggregation.recipe.RecipeTest.MANAGER;
import static org.serialgen.aggregation.recipe.RecipeTest.VIEWER;
import static org.serialgen.aggregation.recipe.RecipeTest.bundleGtin;
import static org.serialgen.aggregation.recipe.RecipeTest.recipe;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.serialgen.gs1.CheckDigit;
import org.serialgen.testkit.GeneratedUpload;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RecipeImportTest {

    @Inject
    AgroalDataSource dataSource;

    static String gtin(String run, int i) {
        String body = "0" + run + String.format("%07d", i);
        return body + CheckDigit.compute(body);
    }

    static String csvRow(String gtin, String variant, int perBundle) {
        return gtin + "," + variant + ",2026-01-01,unit,bundle," + perBundle + ",sgtin," + bundleGtin(gtin)
            + ",case,12,sscc,,pallet,40,sscc,\n";
    }

    static String header() {
        return String.join(",", RecipeCsv.COLUMNS) + "\n";
    }

    /** {@code count} CSV rows produced as the upload is read: the test holds no more of it in memory than the service. */
    static InputStream generated(String run, int count) {
        return GeneratedUpload.lines(header(), count, i -> csvRow(gtin(run, i), "main", 10));
    }

    static String run() {
        return String.format("%05d", (int) (Math.random() * 100_000));
    }

    @Test
    void importsAHundredThousandRecipesInOneStreamedRequestAndExportsThem() {
        String run = run();
        long started = System.nanoTime();
        given().header("Authorization", MANAGER).contentType("text/csv").body(generated(run, 100_000))
            .post(API + "recipes/import").then().statusCode(200)
            .body("rows", equalTo(100_000)).body("valid", equalTo(100_000)).body("imported", equalTo(100_000))
            .body("invalid", equalTo(0)).body("errors.size()", equalTo(0));
        System.out.printf("imported 100 000 recipes in %.1f s%n", (System.nanoTime() - started) / 1e9);

        given().header("Authorization", VIEWER).queryParam("search", "0" + run).get(API + "recipes/")
            .then().statusCode(200).body("count", equalTo(100_000));
        given().header("Authorization", VIEWER).queryParam("gtin", gtin(run, 99_999)).get(API + "recipes/")
            .then().body("count", equalTo(1)).body("results[0].levels[1].children_per_parent", equalTo(10))
            .body("results[0].version", equalTo(1));

        String csv = given().header("Authorization", VIEWER).get(API + "recipes/export?format=csv")
            .then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(String.join(",", RecipeCsv.COLUMNS), lines.get(0));
        assertTrue(lines.contains(csvRow(gtin(run, 12_345), "main", 10).trim()), "the export has the imported rows");
        assertTrue(lines.size() > 100_000);

        // the export imports again as it is: every recipe gets its next version
        String mine = lines.stream().filter(l -> l.startsWith("0" + run)).limit(500)
            .reduce(header(), (a, b) -> a + b + "\n");
        given().header("Authorization", MANAGER).contentType("text/csv").body(mine).post(API + "recipes/import")
            .then().statusCode(200).body("imported", equalTo(500));
        given().header("Authorization", VIEWER).queryParam("gtin", gtin(run, 0)).get(API + "recipes/")
            .then().body("results[0].version", equalTo(2));
    }

    @Test
    void allOrNothingWritesNothingWhenARowIsInvalidAndSkipInvalidWritesTheRest() {
        String run = run();
        String upload = header() + csvRow(gtin(run, 1), "main", 10)
            + csvRow(gtin(run, 2), "main", 0)                                  // children 0
            + csvRow(gtin(run, 3), "main", 10).replace(",sgtin," + bundleGtin(gtin(run, 3)), ",sgtin,123")
            + csvRow(gtin(run, 1), "main", 12)                                 // repeats row 1
            + csvRow(gtin(run, 4), "main", 10).replace(",10,", ",ten,")         // not a number
            + csvRow(gtin(run, 5), "main", 10);
        JsonPath report = given().header("Authorization", MANAGER).contentType("text/csv").body(upload)
            .post(API + "recipes/import").then().statusCode(200).extract().jsonPath();
        assertEquals("all_or_nothing", report.getString("mode"));
        assertEquals(6, report.getInt("rows"));
        assertEquals(4, report.getInt("invalid"));
        assertEquals(0, report.getInt("imported"));
        assertEquals(List.of(2, 3, 4, 5), report.getList("errors.row"));
        assertTrue(report.getMap("errors[0].details").containsKey("levels[1].children_per_parent"));
        assertTrue(report.getMap("errors[1].details").containsKey("levels[1].gtin"));
        assertTrue(report.getString("errors[2].details.variant").contains("row 1"));
        assertTrue(report.getMap("errors[3].details").containsKey("levels[1].children_per_parent"));
        given().header("Authorization", VIEWER).queryParam("search", "0" + run).get(API + "recipes/")
            .then().body("count", equalTo(0));

        given().header("Authorization", MANAGER).contentType("text/csv").body(upload)
            .post(API + "recipes/import?mode=skip_invalid").then().statusCode(200)
            .body("imported", equalTo(2)).body("invalid", equalTo(4));
        given().header("Authorization", VIEWER).queryParam("search", "0" + run).get(API + "recipes/")
            .then().body("count", equalTo(2));
    }

    @Test
    void importsAJsonArrayAndRefusesWhatIsNotAnUpload() throws Exception {
        String run = run();
        String good = recipe(gtin(run, 1), "main", "2026-01-01", 10);
        String json = "[" + good + ",{\"gtin\":\"" + gtin(run, 2) + "\",\"variant\":\"main\",\"levels\":\"none\"},"
            + recipe(gtin(run, 3), "line-2", "2026-01-01", 6) + "]";
        given().header("Authorization", MANAGER).contentType("application/json").body(json)
            .post(API + "recipes/import?mode=skip_invalid").then().statusCode(200)
            .body("rows", equalTo(3)).body("imported", equalTo(2)).body("errors[0].row", equalTo(2))
            .body("errors[0].details", hasKey("row"));
        String exported = given().header("Authorization", VIEWER).get(API + "recipes/export?format=json")
            .then().statusCode(200).extract().asString();
        com.fasterxml.jackson.databind.JsonNode array = new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(exported);
        assertTrue(array.isArray());
        boolean found = false;
        for (com.fasterxml.jackson.databind.JsonNode recipe : array) {
            found |= recipe.get("gtin").asText().equals(gtin(run, 3));
        }
        assertTrue(found, "the JSON export holds the imported recipe");

        given().header("Authorization", MANAGER).contentType("application/json").body("{\"not\":\"an array\"}")
            .post(API + "recipes/import").then().statusCode(400).body("error", equalTo("validation_error"));
        given().header("Authorization", MANAGER).contentType("text/csv").body("a,b\n1,2\n")
            .post(API + "recipes/import").then().statusCode(400).body("details", hasKey("body"));
        given().header("Authorization", MANAGER).contentType("text/csv").body(header())
            .post(API + "recipes/import?mode=some").then().statusCode(400).body("details", hasKey("mode"));
        given().header("Authorization", VIEWER).contentType("text/csv").body(header())
            .post(API + "recipes/import").then().statusCode(403);
        given().header("Authorization", MANAGER).contentType("text/csv").body(header())
            .post(API + "recipes/import").then().statusCode(400).body("details", hasKey("body"));
    }

    @Test
    void theStagedRowsOfAnImportWhoseServiceDiedAreSweptAndARunningImportsAreNot() throws SQLException {
        // What a service killed mid-upload leaves: rows staged two hours ago that no import will ever remove.
        UUID abandoned = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        stageRows(abandoned, "now() - interval '2 hours'", 3);
        // An import that began long ago and staged a batch just now is still running: none of its rows go.
        stageRows(running, "now() - interval '2 hours'", 2);
        stageRows(running, "now()", 1, 2);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> stagedRows(abandoned) == 0);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> stagedRows(running) == 3);
        } finally {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM recipe_import_row WHERE import_id = ?")) {
                delete.setObject(1, running);
                delete.executeUpdate();
            }
        }
    }

    private void stageRows(UUID importId, String stagedAt, int count) throws SQLException {
        stageRows(importId, stagedAt, count, 0);
    }

    private void stageRows(UUID importId, String stagedAt, int count, int firstRow) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO recipe_import_row (import_id, "
                 + "row_number, gtin, variant, staged_at) SELECT ?, n, '09506000134352', 'main', " + stagedAt
                 + " FROM generate_series(?, ?) n")) {
            insert.setObject(1, importId);
            insert.setInt(2, firstRow + 1);
            insert.setInt(3, firstRow + count);
            insert.executeUpdate();
        }
    }

    private long stagedRows(UUID importId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                 "SELECT count(*) FROM recipe_import_row WHERE import_id = ?")) {
            count.setObject(1, importId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
