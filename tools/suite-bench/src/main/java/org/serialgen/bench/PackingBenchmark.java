package org.serialgen.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.postgresql.PGConnection;

/**
 * Recording the packing hierarchy (issue #11): a work order of 1 000 000 items packed 100 to a case (SSCC), the cases
 * 100 to a pallet, one request per container from four clients — directly and through the gateway, links/s — and
 * one pallet of 100 000 items in a single request. The baseline measured in the same run: PostgreSQL COPY of the
 * same (container, item) rows into a table with a unique key on the item.
 */
final class PackingBenchmark {

    private static final int CLIENTS = 4;

    private final SuiteBenchmark bench;
    private final int items = Integer.parseInt(SuiteClient.env("BENCH_PACKING_ITEMS", "1000000"));

    PackingBenchmark(SuiteBenchmark bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        System.out.printf("%n-- packing: %,d items 100 to a case, cases 100 to a pallet, %d clients --%n", items,
            CLIENTS);
        String gtin = bench.newGtin();
        recipe(gtin, 100, 100);
        double direct = packAll(bench.generation + "/serial-generation", gtin);
        double gateway = packAll(bench.gateway + "/serial-generation", gtin);
        String bulkGtin = bench.newGtin();
        recipe(bulkGtin, 100_000, 0);
        double bulk = bulk(bulkGtin);
        double copy = baseline();
        bench.line(String.format("packing links (1 request per container of 100): direct %,.0f links/s (%.3f × COPY); "
            + "through the gateway %,.0f links/s (%.3f ×)", direct, direct / copy, gateway, gateway / copy));
        bench.line(String.format("packing 100 000 items onto one pallet in one request: %,.0f links/s (%.3f × COPY)",
            bulk, bulk / copy));
        bench.line(String.format("baseline: PostgreSQL COPY of %,d (container, item) rows with a unique key on the "
            + "item: %,.0f rows/s", items, copy));
    }

    /** A recipe for the GTIN: cases of {@code perCase} items, and (unless 0) pallets of {@code perPallet} cases. */
    private void recipe(String gtin, int perCase, int perPallet) throws Exception {
        List<Map<String, Object>> levels = new ArrayList<>(List.of(
            Map.of("level", 1, "name", "unit", "identified_by", "sgtin"),
            Map.of("level", 2, "name", perPallet == 0 ? "pallet" : "case", "children_per_parent", perCase,
                "identified_by", "sscc")));
        if (perPallet > 0) {
            levels.add(Map.of("level", 3, "name", "pallet", "children_per_parent", perPallet,
                "identified_by", "sscc"));
        }
        String body = SuiteClient.JSON.writeValueAsString(Map.of("gtin", gtin, "variant", "default",
            "effective_from", "2026-01-01", "levels", levels));
        HttpResponse<String> answer = bench.client.send(HttpRequest.newBuilder(URI.create(bench.gateway
            + "/serial-generation/aggregation/recipes/")).POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json"));
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("recipe answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** A work order of the GTIN with its serials and SSCCs issued: [items, SSCCs] as element strings. */
    private List<List<String>> issued(String gtin, int quantity) throws Exception {
        String wo = bench.workOrder(gtin, quantity);
        bench.awaitDemands(List.of(wo));
        post(bench.gateway + "/serial-generation/workorders/" + wo + "/generate-serials/",
            "{\"quantity\":" + quantity + ",\"override_config\":true}", 202);
        post(bench.gateway + "/serial-generation/workorders/" + wo + "/generate-sscc/", "{}", 202);
        List<String> serials = column(wo, "serials.csv", 2);
        List<String> ssccs = column(wo, "sscc.csv", 1);
        lastWorkOrder = wo;
        return List.of(serials, ssccs);
    }

    private String lastWorkOrder;

    private List<String> column(String wo, String report, int column) throws Exception {
        HttpResponse<String> csv = bench.client.send(HttpRequest.newBuilder(URI.create(bench.generation
            + "/serial-generation/workorders/" + wo + "/" + report)).GET());
        List<String> values = new ArrayList<>();
        csv.body().lines().skip(1).forEach(line -> values.add(line.split(",")[column]));
        return values;
    }

    /** Links/s of packing a fresh work order's items into cases and the cases onto pallets through {@code base}. */
    private double packAll(String base, String gtin) throws Exception {
        List<List<String>> numbers = issued(gtin, items);
        List<String> serials = numbers.get(0);
        List<String> ssccs = numbers.get(1);
        int cases = (serials.size() + 99) / 100;
        String url = base + "/workorders/" + lastWorkOrder + "/packing/";
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < cases; c++) {
                List<String> content = serials.subList(c * 100, Math.min(serials.size(), c * 100 + 100));
                String parent = ssccs.get(c);
                done.add(pool.submit(() -> pack(url, parent, content)));
            }
            for (Future<?> f : done) {
                f.get();
            }
            done.clear();
            int pallets = (cases + 99) / 100;
            for (int p = 0; p < pallets; p++) {
                List<String> content = ssccs.subList(p * 100, Math.min(cases, p * 100 + 100));
                String parent = ssccs.get(cases + p);
                done.add(pool.submit(() -> pack(url, parent, content)));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return (serials.size() + cases) / seconds;
        } finally {
            pool.shutdown();
        }
    }

    private double bulk(String gtin) throws Exception {
        List<List<String>> numbers = issued(gtin, 100_000);
        String url = bench.generation + "/serial-generation/workorders/" + lastWorkOrder + "/packing/";
        long start = System.nanoTime();
        pack(url, numbers.get(1).get(0), numbers.get(0));
        return numbers.get(0).size() / ((System.nanoTime() - start) / 1e9);
    }

    private Void pack(String url, String parent, List<String> children) throws Exception {
        post(url, SuiteClient.JSON.writeValueAsString(Map.of("parent", parent, "children", children)), 201);
        return null;
    }

    private void post(String url, String body, int expected) throws Exception {
        HttpResponse<String> answer = bench.client.send(HttpRequest.newBuilder(URI.create(url))
            .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    /** Rows/s of COPY of {@link #items} (container, item) rows into a table with a unique key on the item. */
    private double baseline() throws Exception {
        StringBuilder rows = new StringBuilder(items * 60);
        for (int i = 0; i < items; i++) {
            rows.append("00").append(String.format("%018d", i / 100)).append(",01095200000000").append(i % 10)
                .append("21").append(String.format("%012d", i)).append('\n');
        }
        try (Connection db = SuiteClient.generationDatabase()) {
            try (Statement statement = db.createStatement()) {
                statement.execute("CREATE TEMP TABLE bench_link (parent VARCHAR(60) NOT NULL,"
                    + " child VARCHAR(60) PRIMARY KEY)");
            }
            double[] rates = new double[3];
            for (int i = 0; i < 3; i++) {
                try (Statement statement = db.createStatement()) {
                    statement.execute("TRUNCATE bench_link");
                }
                long start = System.nanoTime();
                db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_link (parent, child) FROM STDIN"
                    + " WITH (FORMAT csv)", new StringReader(rows.toString()));
                rates[i] = items / ((System.nanoTime() - start) / 1e9);
            }
            java.util.Arrays.sort(rates);
            return rates[1];
        }
    }
}
