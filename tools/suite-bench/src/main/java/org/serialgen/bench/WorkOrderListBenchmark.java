package org.serialgen.bench;

import static org.serialgen.bench.SuiteClient.env;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The suite at seed scale (issue #15): loaded to BENCH_LIST_WORK_ORDERS work orders (100 000) through the ERP pull;
 * then each query shape of the work-order list asked through the gateway by BENCH_LIST_CLIENTS clients (64) for
 * BENCH_LIST_SECONDS (30), after BENCH_LIST_WARMUP_SECONDS (5) of each unmeasured: p50/p95/p99, requests/s and failed
 * answers (the gateway's time-outs) per shape; then work orders generating at once and a configuration change.
 */
final class WorkOrderListBenchmark {

    private final SuiteBenchmark bench;
    private final int target = Integer.parseInt(env("BENCH_LIST_WORK_ORDERS", "100000"));
    private final int clients = Integer.parseInt(env("BENCH_LIST_CLIENTS", "64"));
    private final int seconds = Integer.parseInt(env("BENCH_LIST_SECONDS", "30"));
    private final int warmUp = Integer.parseInt(env("BENCH_LIST_WARMUP_SECONDS", "5"));
    private final int generating = Integer.parseInt(env("BENCH_SCALE_GENERATING", "10000"));
    /** What runs after the load: the list's shapes, the work orders generating at once, the configuration change. */
    private final List<String> parts = List.of(env("BENCH_SCALE_PARTS", "list,generating,config").split(","));

    WorkOrderListBenchmark(SuiteBenchmark bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        String list = bench.gateway + "/serial-generation/workorders/";
        long present = bench.client.get(list + "?page_size=1").path("count").asLong();
        System.out.printf("%n-- the work-order list: %,d work orders (%,d there), %d clients, %d s per query --%n",
            Math.max(present, target), present, clients, seconds);
        if (present < target) {
            System.out.println("(loaded through the ERP pull: " + new ErpSyncBenchmark(new SuiteClient().as("erp"))
                .sync((int) (target - present)) + ")");
        }
        analyse();
        long count = bench.client.get(list + "?page_size=1").path("count").asLong();
        // a wo_id prefix that matches a few: the first characters of a random work order's id
        List<String> ids = new ArrayList<>();
        for (int page = 1; page <= 5; page++) {
            bench.client.get(list + "?page_size=100&page=" + (1 + ThreadLocalRandom.current().nextLong(count / 100)))
                .path("results").forEach(wo -> ids.add(wo.path("wo_id").asText()));
        }
        long deep = Math.max(1, count / 20 - 1);
        Map<String, Supplier<String>> shapes = new LinkedHashMap<>();
        shapes.put("plain paging (page 1..50 of 20)", () -> "?page_size=20&page=" + (1 + rnd(50)));
        shapes.put("search by wo_id prefix", () -> {
            String id = ids.get(rnd(ids.size()));
            return "?page_size=20&search=" + id.substring(0, id.length() - 2);
        });
        shapes.put("filter status=pending & source=erp", () -> "?page_size=20&status=pending&source=erp&page="
            + (1 + rnd(20)));
        shapes.put("sorted by updated_at, newest first", () -> "?page_size=20&ordering=-updated_at&page=" + (1 + rnd(20)));
        shapes.put("a deep page (page " + deep + " of 20)", () -> "?page_size=20&page=" + deep);
        if (parts.contains("list")) {
            // every shape once unmeasured first, so the first measured does not pay for the services' JIT
            for (Map.Entry<String, Supplier<String>> shape : shapes.entrySet()) {
                measure(shape.getKey(), list, shape.getValue(), warmUp);
            }
            for (Map.Entry<String, Supplier<String>> shape : shapes.entrySet()) {
                bench.line(measure(shape.getKey(), list, shape.getValue(), seconds));
            }
        }
        if (parts.contains("generating")) {
            generatingAtOnce(list);
        }
        if (parts.contains("config")) {
            bench.line(configurationChange(list, count));
        }
    }

    /**
     * BENCH_SCALE_GENERATING (10 000) of the newest work orders generating at once, over the benchmark's connections
     * (64): each asks for 1 000 serials and for its SSCCs, the requests interleaved; then every one holds what it was
     * given, and the uniqueness audit runs over everything issued.
     */
    private void generatingAtOnce(String list) throws Exception {
        List<String> wos = new ArrayList<>();
        for (int page = 1; wos.size() < generating; page++) {
            bench.client.get(list + "?page_size=100&ordering=-id&page=" + page).path("results")
                .forEach(wo -> wos.add(wo.path("wo_id").asText()));
        }
        List<String> chosen = wos.subList(0, generating);
        System.out.printf("%n-- %,d work orders generating at once: 1 000 serials and the SSCCs of each, %d connections,"
            + " through the gateway --%n", generating, bench.connections);
        SuiteBenchmark.Burst burst = bench.burst(List.of(bench.gateway), 2 * generating, (base, i) -> i % 2 == 0
            ? bench.generate(base, chosen.get(i / 2), 1_000)
            : bench.issue(base, chosen.get(i / 2), "generate-sscc", "{}"));
        bench.line(String.format("work orders generating at once, %,d requests (serials and SSCCs of %,d work"
            + " orders): %.0f requests/s, %d failed", 2 * generating, generating, burst.perSecond(), burst.failed()));
        bench.report("generating at once, 64 connections", burst.latencies());
        long deadline = System.nanoTime() + 300_000_000_000L;
        int done = 0;
        for (String wo : chosen) {
            JsonNode view = bench.client.get(list + wo + "/");
            while (view.path("generated_serials").asLong() < 1_000
                || view.path("generated_sscc").asLong() < view.path("total_requested_sscc").asLong()) {
                if (System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(100);
                view = bench.client.get(list + wo + "/");
            }
            done += view.path("generated_serials").asLong() == 1_000
                && view.path("generated_sscc").asLong() == view.path("total_requested_sscc").asLong() ? 1 : 0;
        }
        bench.line(String.format("work orders generating at once: %,d of %,d hold their 1 000 serials and every SSCC"
            + " asked for", done, generating));
        bench.audit();
    }

    /**
     * How long a new configuration takes to reach every pending work order (issue #15: under 30 s at 100 000): from
     * the PATCH until generation-service shows the new version on the oldest work order's serial demand, and until
     * aggregation-service shows its breakdown computed by it. Each service applies a configuration to all its work
     * orders in one transaction, so the oldest stands for every one.
     */
    private String configurationChange(String list, long count) throws Exception {
        JsonNode config = bench.client.get(bench.gateway + "/serial-generation/config/");
        // at most 100: between 100 and 99, whichever it is not now
        String percentage = config.path("manufacturing_percentage").decimalValue().intValue() == 100 ? "99" : "100";
        String oldest = bench.client.get(list + "?page_size=1&ordering=id").path("results").path(0).path("wo_id")
            .asText();
        String breakdown = bench.gateway + "/serial-generation/aggregation/workorders/" + oldest + "/";
        long start = System.nanoTime();
        long version = bench.patchConfig("{\"manufacturing_percentage\":" + percentage + "}");
        String generation = null;
        String aggregation = null;
        while (generation == null || aggregation == null) {
            String seconds = String.format("%.1f s", (System.nanoTime() - start) / 1e9);
            if (System.nanoTime() - start > 300_000_000_000L) {
                generation = generation == null ? "not after 300 s" : generation;
                aggregation = aggregation == null ? "not after 300 s" : aggregation;
            }
            if (generation == null && bench.client.get(list + "?page_size=1&ordering=id").path("results").path(0)
                .path("config_version").asLong() == version) {
                generation = seconds;
            }
            if (aggregation == null && bench.client.get(breakdown).path("rules_source").asText()
                .equals("config:v" + version)) {
                aggregation = seconds;
            }
            Thread.sleep(100);
        }
        return String.format("configuration change over %,d pending work orders: generation-service %s,"
            + " aggregation-service %s", count, generation, aggregation);
    }

    /**
     * Gives the planner statistics of the loaded table, as autovacuum would soon after a load (a machine may run with
     * it off): without them it takes 100 000 work orders for a handful and plans the filters badly.
     */
    private static void analyse() throws SQLException {
        try (Connection db = SuiteClient.generationDatabase(); Statement statement = db.createStatement()) {
            try (ResultSet autovacuum = statement.executeQuery("SHOW autovacuum")) {
                autovacuum.next();
                System.out.println("(the server's autovacuum: " + autovacuum.getString(1)
                    + "; the work orders are vacuumed and analysed now)");
            }
            statement.execute("VACUUM (ANALYZE) workorder_serial_generation");
        }
    }

    private static int rnd(long bound) {
        return (int) ThreadLocalRandom.current().nextLong(Math.max(1, bound));
    }

    private String measure(String name, String list, Supplier<String> query, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        Map<Integer, String> failures = new ConcurrentHashMap<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                long[] times = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = bench.client.http().send(bench.client.authorized(
                        HttpRequest.newBuilder(URI.create(list + query.get()))).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200) {
                        // a time-out (the gateway's 504) is a figure of the shape too: counted, its time kept
                        failed.incrementAndGet();
                        failures.putIfAbsent(answer.statusCode(), answer.body());
                    }
                    if (n == times.length) {
                        times = Arrays.copyOf(times, n * 2);
                    }
                    times[n++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(times, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        pool.shutdown();
        long[] times = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        failures.forEach((status, body) -> System.out.println("(" + name + ": answered " + status + ", e.g. " + body
            + ")"));
        return String.format("work-order list, %s: %,.0f requests/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.0f ms,"
            + " %d failed", name, times.length / (double) seconds, at(times, 0.50), at(times, 0.95), at(times, 0.99),
            times[times.length - 1] / 1e6, failed.get());
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }
}
