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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The work-order list at seed scale (issue #15): the suite is loaded to BENCH_LIST_WORK_ORDERS work orders (100 000)
 * through the ERP pull, then each query shape of the list is asked through the gateway by BENCH_LIST_CLIENTS clients
 * (64) for BENCH_LIST_SECONDS (30): p50/p95/p99 and requests/s per shape. A failed answer stops the run.
 */
final class WorkOrderListBenchmark {

    private final SuiteBenchmark bench;
    private final int target = Integer.parseInt(env("BENCH_LIST_WORK_ORDERS", "100000"));
    private final int clients = Integer.parseInt(env("BENCH_LIST_CLIENTS", "64"));
    private final int seconds = Integer.parseInt(env("BENCH_LIST_SECONDS", "30"));

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
        for (Map.Entry<String, Supplier<String>> shape : shapes.entrySet()) {
            bench.line(measure(shape.getKey(), list, shape.getValue()));
        }
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

    private String measure(String name, String list, Supplier<String> query) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> results = new ArrayList<>();
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
                        throw new IllegalStateException(name + " answered " + answer.statusCode() + ": "
                            + answer.body());
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
        return String.format("work-order list, %s: %,.0f requests/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.0f ms",
            name, times.length / (double) seconds, at(times, 0.50), at(times, 0.95), at(times, 0.99),
            times[times.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }
}
