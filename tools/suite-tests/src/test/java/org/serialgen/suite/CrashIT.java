package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serialgen.fakeerp.FakeErp;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Services killed (SIGKILL, as a crash or an OOM kill would) in the middle of their work, then started again:
 * a streamed download, a recipe import, an ERP run. (An issue under a crash is {@link GenerationCrashIT}; a crashed
 * ERP replica taken over by another, {@link ErpReplicasIT}.) A download cut by a crash is cut for the client too —
 * never a shorter file that looks whole — and is whole again once the service is back; an import cut by a crash
 * leaves nothing of itself; a run cut by a crash is marked abandoned and the next one brings what it did not.
 */
@ExtendWith(RunningSuite.class)
class CrashIT {

    static final String API = "/api/v1/serial-generation/";
    static final int SERIALS = 1_000_000;

    @Test
    void aDownloadCutByACrashIsCutForTheClientAndWholeAfterTheRestart() throws Exception {
        String supervisor = FlowIT.login("supervisor");
        String woId = "WO-CUT-" + UUID.randomUUID().toString().substring(0, 6);
        FlowIT.publishErpWorkOrder(woId, 1_000);
        // a service killed by the test before this one may still hold partitions until its session times out
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            given().header("Authorization", supervisor).get(API + "workorders/" + woId + "/")
                .then().statusCode(200).body("total_requested_sscc", equalTo(10)));
        given().header("Authorization", supervisor).contentType(ContentType.JSON)
            .body("{\"quantity\": " + SERIALS + ", \"override_config\": true}")
            .post(API + "workorders/" + woId + "/generate-serials/").then().statusCode(202);

        // the service that streams it dies, then the gateway that relays it
        for (String module : List.of("generation-service", "gateway")) {
            InputStream download = startDownload(supervisor, woId);
            byte[] start = download.readNBytes(64 * 1024);
            assertEquals(64 * 1024, start.length);
            RunningSuite.crashAndRestart(module);
            IOException cut = assertThrows(IOException.class, () -> download.transferTo(OutputStream.nullOutputStream()),
                "a download cut by a crash of " + module + " must not end as if it were whole");
            System.out.printf("[fault] %s killed mid-download: the client saw %s%n", module, cut);
        }

        List<String> rows = given().header("Authorization", supervisor).get(API + "workorders/" + woId + "/serials.csv")
            .then().statusCode(200).extract().asString().lines().skip(1).toList();
        assertEquals(SERIALS, rows.size(), "whole again after the restart");
        Set<String> serials = new HashSet<>(SERIALS);
        rows.forEach(row -> assertTrue(serials.add(row.split(",")[1]), "serial twice: " + row));
    }

    /** A download through the gateway, its first bytes read: the rest waits in the server for the client to read. */
    private static InputStream startDownload(String token, String woId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RunningSuite.RUNNING.get("gateway").url() + API
                + "workorders/" + woId + "/serials.csv")).header("Authorization", token).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
            HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    @Test
    void aRecipeImportCutByACrashLeavesNothingOfItself() throws Exception {
        String manager = FlowIT.login("manager");
        String gtinStem = "0" + String.format("%07d", (long) (Math.random() * 1e7));
        PipedOutputStream upload = new PipedOutputStream();
        InputStream body = new PipedInputStream(upload, 1 << 16);
        HttpRequest request = HttpRequest.newBuilder(URI.create(RunningSuite.RUNNING.get("gateway").url() + API
                + "aggregation/recipes/import"))
            .header("Authorization", manager).header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient()
            .sendAsync(request, HttpResponse.BodyHandlers.ofString());

        // 20 000 recipes sent, the upload not finished: the service has staged them and waits for the rest
        upload.write("gtin,variant,effective_from,l1_name,l2_name,l2_children_per_parent,l2_identified_by,l2_gtin\n"
            .getBytes(StandardCharsets.UTF_8));
        int sent = 20_000;
        for (int i = 0; i < sent; i++) {
            String gtinBody = gtinStem + String.format("%05d", i);
            upload.write((gtinBody + org.serialgen.gs1.CheckDigit.compute(gtinBody) + ",main,2026-01-01,unit,case,24,"
                + "sscc,\n").getBytes(StandardCharsets.UTF_8));
        }
        upload.flush();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> stagedRows() > 0);
        long staged = stagedRows();

        // restarted with a short abandonment, so the sweep that a real site runs after an hour runs here in seconds
        RunningSuite.crashAndRestart("aggregation-service", Map.of(
            "SERIALGEN_RECIPES_STAGING_ABANDONED_AFTER", "3s", "SERIALGEN_RECIPES_STAGING_SWEEP_INTERVAL", "1s"));
        try {
            upload.close();
        } catch (IOException alreadyBroken) {
            // the gateway dropped the upload with the service
        }
        int status = answerOf(answer);
        assertNotEquals(200, status, "an import cut by a crash is not reported as done");
        assertTrue(status == -1 || status >= 500 && status != 500, "cut upload answered " + status);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> stagedRows() == 0);
        String exported = given().header("Authorization", manager).get(API + "aggregation/recipes/export")
            .then().statusCode(200).extract().asString();
        assertTrue(exported.lines().noneMatch(line -> line.startsWith(gtinStem)), "no recipe of the cut import exists");
        System.out.printf("[fault] aggregation-service killed mid-import: %d recipes sent, %d staged, the upload"
            + " answered %s, the staging swept after the restart, none imported%n", sent, staged,
            status == -1 ? "no answer" : Integer.toString(status));
    }

    private static int answerOf(CompletableFuture<HttpResponse<String>> answer) {
        try {
            return answer.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode();
        } catch (Exception dropped) {
            return -1;
        }
    }

    /** Staged rows of every recipe import, read as aggregation-service's role reads them. */
    private static long stagedRows() throws SQLException {
        String url = "jdbc:postgresql://" + System.getenv().getOrDefault("DB_HOST", "127.0.0.1") + ":"
            + System.getenv().getOrDefault("DB_PORT", "5432") + "/serialgen_test";
        try (Connection connection = DriverManager.getConnection(url, "aggregation",
                 System.getenv().getOrDefault("AGGREGATION_DB_PASSWORD", "aggregation"));
             ResultSet count = connection.createStatement()
                 .executeQuery("SELECT count(*) FROM aggregation.recipe_import_row")) {
            count.next();
            return count.getLong(1);
        }
    }

    @Test
    void anErpRunCutByACrashIsAbandonedAndTheNextBringsWhatItDidNot() {
        String operator = FlowIT.login("erp-operator");
        // a lease is as long as the replica that took it was told: short here, so its expiry comes in seconds
        Map<String, String> shortLease = Map.of("SERIALGEN_ERP_LEASE", "3s", "SERIALGEN_ERP_TICK", "500ms");
        RunningSuite.crashAndRestart("erp-sync-service", shortLease);
        String woId = "WO-ERPCUT-" + UUID.randomUUID().toString().substring(0, 6);
        String gtinBody = "0952000" + String.format("%06d", (long) (Math.random() * 1e6));
        RunningSuite.erp.put(woId, "Cut by a crash", gtinBody + org.serialgen.gs1.CheckDigit.compute(gtinBody), "C1",
            "2030-01-31", 700);
        RunningSuite.erp.slowness(Duration.ofSeconds(20));
        RunningSuite.erp.trouble(FakeErp.Trouble.DELAY, 1);
        String cut = given().header("Authorization", operator).contentType(ContentType.JSON).body("{}")
            .post(API + "erp/sync/").then().statusCode(202).extract().jsonPath().getString("sync_id");
        Faults.pause(1_000);
        RunningSuite.crashAndRestart("erp-sync-service", shortLease);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> "abandoned".equals(
            given().header("Authorization", operator).get(API + "erp/syncs/" + cut + "/").jsonPath()
                .getString("status")));

        RunningSuite.erp.slowness(Duration.ofSeconds(30));
        JsonPath next = ErpIT.sync(operator, "{}");
        assertEquals("succeeded", next.getString("status"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            given().header("Authorization", operator).get(API + "workorders/" + woId + "/")
                .then().statusCode(200).body("wo_source", equalTo("erp")));
        System.out.printf("[fault] erp-sync-service killed mid-run: run %s abandoned, the next %s%n", cut,
            next.getString("status"));
    }
}
