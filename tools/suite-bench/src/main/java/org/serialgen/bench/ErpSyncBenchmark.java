package org.serialgen.bench;

import static org.serialgen.bench.SuiteClient.env;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ERP sync's speed (issue #10): the local run's fake ERP is given N more work orders (pages of 500), a sync is
 * asked for through the gateway, and the clock runs until generation-service lists all N with their SSCC demand from
 * aggregation-service — the whole path: pull, validate, store, forward, aggregate, demand. Sizes from BENCH_ERP_SIZES.
 */
final class ErpSyncBenchmark {

    private final SuiteClient operator;
    private final String generation = env("GENERATION_URL", "http://127.0.0.1:8082");
    private final String erpAdmin = env("FAKE_ERP_URL", "http://127.0.0.1:8085") + "/_admin";
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000, 36).toUpperCase();
    private int syncs;

    ErpSyncBenchmark(SuiteClient operator) {
        this.operator = operator;
    }

    List<String> run() throws Exception {
        List<String> lines = new ArrayList<>();
        // the services' JIT warms up on a run of its own, as it would have on a site's first day
        int warmUp = Integer.parseInt(env("BENCH_ERP_WARMUP", "2000"));
        if (warmUp > 0) {
            System.out.println("(warm-up: " + sync(warmUp) + ")");
        }
        for (String size : env("BENCH_ERP_SIZES", "10000,100000").split(",")) {
            lines.add(sync(Integer.parseInt(size.trim())));
        }
        return lines;
    }

    /** Loads {@code count} work orders through the ERP pull; answers the figure line. */
    String sync(int count) throws Exception {
        // a prefix of its own per sync (no search for one matches another's work orders)
        String prefix = "WO-E" + run + "-" + (++syncs) + "X";
        HttpResponse<String> generated = operator.http().send(HttpRequest.newBuilder(URI.create(erpAdmin
            + "/generate?count=" + count + "&prefix=" + prefix)).POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
        if (generated.statusCode() != 200) {
            throw new IllegalStateException("the fake ERP did not generate: " + generated.body());
        }
        long start = System.nanoTime();
        HttpResponse<String> accepted = operator.send(HttpRequest.newBuilder(URI.create(operator.gateway
            + "/serial-generation/erp/sync/")).POST(HttpRequest.BodyPublishers.ofString("{}"))
            .header("Content-Type", "application/json"));
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("POST erp/sync/ answered " + accepted.statusCode() + accepted.body());
        }
        String syncId = SuiteClient.JSON.readTree(accepted.body()).path("sync_id").asText();
        double synced = Double.NaN;
        while (true) {
            if (Double.isNaN(synced) && !"running".equals(operator.get(operator.gateway
                + "/serial-generation/erp/syncs/" + syncId + "/?page_size=1").path("status").asText())) {
                synced = (System.nanoTime() - start) / 1e9;
            }
            // the smallest SSCC demand among them: above zero once every one has its breakdown
            JsonNode page = operator.get(generation + "/serial-generation/workorders/?search=" + prefix
                + "&ordering=total_requested_sscc&page_size=1");
            if (page.path("count").asLong() == count && page.path("results").path(0)
                .path("total_requested_sscc").asLong() > 0) {
                break;
            }
            if ((System.nanoTime() - start) / 1e9 > 900) {
                throw new IllegalStateException("after 15 minutes " + page.path("count") + " of " + count
                    + " work orders are listed");
            }
            Thread.sleep(250);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("ERP sync of %,d work orders (pages of 500): the run done in %.1f s; all listed by "
            + "generation-service with their SSCC demand after %.1f s = %,.0f work orders/s", count, synced, seconds,
            count / seconds);
    }
}
