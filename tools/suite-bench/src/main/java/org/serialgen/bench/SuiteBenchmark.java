package org.serialgen.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.serialgen.bench.SuiteClient.env;

import org.postgresql.PGConnection;
import org.serialgen.gs1.CheckDigit;
import org.serialgen.testkit.GeneratedUpload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The suite's benchmark, against the running suite (deploy/bench-suite.sh starts it): latency of generate-serials for
 * 1 000 000 serials, serials.csv streaming rates directly and through the gateway, 10 000 concurrent generate-serials
 * requests over 64 connections followed by the uniqueness audit over every derived serial, and, in the same run, the
 * baseline the product is measured against: PostgreSQL COPY of the same 1 000 000 serials into a table with a unique
 * key. Sizes come from the environment (BENCH_*), so that a quick run can check the bench itself.
 */
public final class SuiteBenchmark {

    static final ObjectMapper JSON = SuiteClient.JSON;
    static final String COMPANY_PREFIX = "9506000";

    final SuiteClient client = new SuiteClient();
    final String gateway = client.gateway;
    final String generation = env("GENERATION_URL", "http://127.0.0.1:8082");
    final String aggregation = env("AGGREGATION_URL", "http://127.0.0.1:8084");
    final int serialsPerRequest = Integer.parseInt(env("BENCH_SERIALS", "1000000"));
    final int latencyRequests = Integer.parseInt(env("BENCH_LATENCY_REQUESTS", "100"));
    final int warmUp = Integer.parseInt(env("BENCH_WARMUP_REQUESTS", "50"));
    final int concurrentRequests = Integer.parseInt(env("BENCH_CONCURRENT_REQUESTS", "10000"));
    final int connections = Integer.parseInt(env("BENCH_CONNECTIONS", "64"));
    final int workOrders = Integer.parseInt(env("BENCH_WORK_ORDERS", "100"));
    final int gtins = Integer.parseInt(env("BENCH_GTINS", "10"));
    final int recipeCount = Integer.parseInt(env("BENCH_RECIPES", "100000"));
    final List<String> parts = List.of(env("BENCH_PARTS", "serials,reports,packing,recipes,erp").split(","));
    final String run = Long.toString(System.currentTimeMillis() % 100_000_000, 36).toUpperCase(Locale.ROOT);
    final List<String> summary = new ArrayList<>();
    final AtomicInteger gtinSequence = new AtomicInteger((int) (Math.random() * 50_000));

    public static void main(String[] args) throws Exception {
        new SuiteBenchmark().run();
    }

    void run() throws Exception {
        client.as("manager");
        if (parts.contains("serials")) {
            configure();
            String[] woOfMillion = latency();
            streaming(woOfMillion[0]);
            concurrency();
            baseline(woOfMillion[0]);
        }
        if (parts.contains("reports")) {
            new ReportBenchmark(this).run();
        }
        if (parts.contains("packing")) {
            new PackingBenchmark(this).run();
        }
        if (parts.contains("recipes")) {
            recipes();
        }
        if (parts.contains("replicas")) {
            new ReplicaBenchmark(this).run();
        }
        if (parts.contains("list")) {
            new WorkOrderListBenchmark(this).run();
        }
        if (parts.contains("erp")) {
            System.out.printf("%n-- ERP sync: from POST erp/sync/ until generation-service lists every work order "
                + "with its SSCC demand --%n");
            for (String line : new ErpSyncBenchmark(new SuiteClient().as("erp")).run()) {
                line(line);
            }
        }
        System.out.println();
        System.out.println("=== summary (" + Runtime.getRuntime().availableProcessors() + " cores, JDK "
            + System.getProperty("java.version") + ") ===");
        summary.forEach(System.out::println);
    }

    // ---- part 2: generate-serials latency for 1 000 000 serials ----

    /** Answers the id of a work order holding {@link #serialsPerRequest} serials, for the streaming part. */
    String[] latency() throws Exception {
        System.out.printf("%n-- generate-serials of %,d serials: %d requests each directly and through the gateway, "
            + "after %d warm-up requests (the pools and their keys exist), on work orders created beforehand --%n",
            serialsPerRequest, latencyRequests, warmUp);
        // ten GTINs in turn: each pool ends up with a few million serials, as a busy product line's would
        List<String> gtinList = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            gtinList.add(newGtin());
        }
        String kept = null;
        for (int i = 0; i < warmUp; i++) {
            String wo = workOrder(gtinList.get(i % 10), serialsPerRequest);
            generate(generation + "/serial-generation", wo, serialsPerRequest);
            kept = wo;
        }
        // a work order exists well before its serials are issued: its creation (aggregation's breakdown, the demand
        // it sends back) is over before the clock starts, so what is timed is the issue alone
        List<String> directOrders = new ArrayList<>();
        List<String> gatewayOrders = new ArrayList<>();
        for (int i = 0; i < latencyRequests; i++) {
            directOrders.add(workOrder(gtinList.get(i % 10), serialsPerRequest));
            gatewayOrders.add(workOrder(gtinList.get((i + 5) % 10), serialsPerRequest));
        }
        awaitDemands(directOrders);
        awaitDemands(gatewayOrders);
        double[] direct = new double[latencyRequests];
        double[] viaGateway = new double[latencyRequests];
        for (int i = 0; i < latencyRequests; i++) {
            direct[i] = generate(generation + "/serial-generation", directOrders.get(i), serialsPerRequest);
            viaGateway[i] = generate(gateway + "/serial-generation", gatewayOrders.get(i), serialsPerRequest);
        }
        report("generate-serials 1M, direct", direct);
        report("generate-serials 1M, through the gateway", viaGateway);
        return new String[] {kept};
    }

    /** Waits until each work order holds its SSCC demand: aggregation-service has answered its creation. */
    void awaitDemands(List<String> orders) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (String wo : orders) {
            while (client.get(gateway + "/serial-generation/workorders/" + wo + "/").path("total_requested_sscc").asLong() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("work order " + wo + " has no SSCC demand after 120 s");
                }
                Thread.sleep(100);
            }
        }
    }

    double generate(String base, String wo, int quantity) throws Exception {
        return issue(base, wo, "generate-serials", "{\"quantity\":" + quantity + "}");
    }

    /** One POST of {@code action} (generate-serials, generate-sscc) on a work order: answers its milliseconds. */
    double issue(String base, String wo, String action, String body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/workorders/" + wo
                + "/" + action + "/")).POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json"));
        double ms = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 202) {
            throw new IllegalStateException(action + " answered " + response.statusCode() + ": " + response.body());
        }
        return ms;
    }

    void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        String line = String.format("%-45s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (n=%d)", what,
            percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1], sorted.length);
        System.out.println(line);
        summary.add(line);
    }

    static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // ---- part 3: streaming serials.csv ----

    void streaming(String wo) throws Exception {
        System.out.printf("%n-- serials.csv of %,d serials, streamed over HTTP (5 downloads each: median, best) --%n",
            serialsPerRequest);
        for (String format : List.of("element", "dl")) {
            double[] direct = new double[5];
            double[] viaGateway = new double[5];
            for (int i = 0; i < 5; i++) {
                direct[i] = stream(generation + "/serial-generation", wo, format) / 1e6;
                viaGateway[i] = stream(gateway + "/serial-generation", wo, format) / 1e6;
            }
            Arrays.sort(direct);
            Arrays.sort(viaGateway);
            line(String.format("serials.csv (%s): direct %.2f M serials/s (best %.2f); through the gateway %.2f M "
                + "serials/s (best %.2f)", format, direct[2], direct[4], viaGateway[2], viaGateway[4]));
        }
    }

    /** Serials per second of one download, counted line by line as the body arrives. */
    double stream(String base, String wo, String format) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.http().send(client.authorized(HttpRequest.newBuilder(URI.create(base
            + "/workorders/" + wo + "/serials.csv?format=" + format))).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = body.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 200 || lines != serialsPerRequest + 1) {
            throw new IllegalStateException("serials.csv answered " + response.statusCode() + " with " + lines
                + " lines");
        }
        return serialsPerRequest / seconds;
    }

    // ---- part 4: concurrency, then the uniqueness audit ----

    void concurrency() throws Exception {
        int perRequest = 1_000;
        System.out.printf("%n-- %,d generate-serials requests of %,d over %d connections on %d work orders sharing %d "
            + "GTIN pools, through the gateway --%n", concurrentRequests, perRequest, connections, workOrders, gtins);
        List<String> gtinList = new ArrayList<>();
        for (int i = 0; i < gtins; i++) {
            gtinList.add(newGtin());
        }
        List<String> wos = new ArrayList<>();
        long perWorkOrder = (long) concurrentRequests / workOrders * perRequest;
        for (int i = 0; i < workOrders; i++) {
            wos.add(workOrder(gtinList.get(i % gtins), perWorkOrder));
        }
        Burst burst = burst(List.of(gateway), wos, concurrentRequests, perRequest);
        report("generate-serials 1 000, 64 connections", burst.latencies());
        held(wos, concurrentRequests, perRequest);
        audit();
    }

    /** What a burst of generate-serials requests measured. */
    record Burst(double seconds, double[] latencies, int failed) {
        double perSecond() {
            return latencies.length / seconds;
        }
    }

    /** Request {@code index} of a burst, sent through {@code base}: answers its milliseconds. */
    interface Request {
        double send(String base, int index) throws Exception;
    }

    /**
     * {@code requests} generate-serials of {@code perRequest} over {@link #connections} connections, the connections
     * spread over {@code gateways} in turn, on {@code wos} in turn; prints the rate.
     */
    Burst burst(List<String> gateways, List<String> wos, int requests, int perRequest) throws Exception {
        Burst burst = burst(gateways, requests, (base, i) -> generate(base, wos.get(i % wos.size()), perRequest));
        line(String.format("%,d requests in %.1f s: %.0f requests/s, %.2f M serials/s issued, %d failed",
            requests, burst.seconds(), burst.perSecond(), requests * (double) perRequest / burst.seconds() / 1e6,
            burst.failed()));
        return burst;
    }

    /** {@code requests} requests over {@link #connections} connections, spread over {@code gateways} in turn. */
    Burst burst(List<String> gateways, int requests, Request request) throws Exception {
        double[] latencies = new double[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            String base = gateways.get(t % gateways.size()) + "/serial-generation";
            workers.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < requests; ) {
                    try {
                        latencies[i] = request.send(base, i);
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        System.err.println("request " + i + ": " + e.getMessage());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Burst(seconds, latencies, failed.get());
    }

    /** The work orders hold exactly what was issued on them. */
    void held(List<String> wos, int requests, int perRequest) throws Exception {
        long held = 0;
        for (String wo : wos) {
            held += client.get(gateway + "/serial-generation/workorders/" + wo + "/").get("generated_serials").asLong();
        }
        line(String.format("work orders hold %,d serials (expected %,d)", held, (long) requests * perRequest));
    }

    /** The uniqueness audit over every derived serial. */
    void audit() throws Exception {
        long auditStart = System.nanoTime();
        HttpResponse<String> audit = client.send(HttpRequest.newBuilder(URI.create(gateway
            + "/serial-generation/audit/uniqueness?derive=true")).POST(HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofMinutes(10)));
        if (audit.statusCode() != 200) {
            throw new IllegalStateException("the audit answered " + audit.statusCode() + ": " + audit.body());
        }
        JsonNode report = JSON.readTree(audit.body());
        line(String.format("uniqueness audit (derive=true) in %.1f s: %,d allocations, %,d serials derived, %d "
                + "duplicates, %d overlapping allocations, ok=%s", (System.nanoTime() - auditStart) / 1e9,
            report.path("allocations_checked").asLong(), report.path("serials_derived").asLong(),
            report.path("duplicate_serials").asLong(), report.path("overlapping_allocations").asLong(),
            report.path("ok").asText()));
    }

    // ---- part 5: the PostgreSQL COPY baseline ----

    void baseline(String wo) throws Exception {
        System.out.printf("%n-- baseline: the same %,d serials stored one row each under a unique key --%n",
            serialsPerRequest);
        HttpResponse<String> csv = client.send(HttpRequest.newBuilder(URI.create(generation + "/serial-generation/workorders/"
            + wo + "/serials.csv")).GET());
        StringBuilder rows = new StringBuilder(serialsPerRequest * 28);
        List<String> serials = new ArrayList<>(serialsPerRequest);
        try (BufferedReader reader = new BufferedReader(new StringReader(csv.body()))) {
            reader.readLine();
            for (String line; (line = reader.readLine()) != null; ) {
                String[] cells = line.split(",", 3);
                rows.append(cells[0]).append(',').append(cells[1]).append('\n');
                serials.add(cells[1]);
            }
        }
        String gtin = rows.substring(0, 14);
        try (Connection db = SuiteClient.generationDatabase()) {
            try (Statement statement = db.createStatement()) {
                statement.execute("CREATE TEMP TABLE bench_serial (gtin CHAR(14) NOT NULL, serial VARCHAR(20) NOT NULL,"
                    + " PRIMARY KEY (gtin, serial))");
            }
            double[] copy = new double[3];
            double[] unnest = new double[3];
            for (int i = 0; i < 3; i++) {
                truncate(db);
                long start = System.nanoTime();
                long copied = db.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY bench_serial (gtin, serial) FROM STDIN WITH (FORMAT csv)", new StringReader(rows.toString()));
                copy[i] = (System.nanoTime() - start) / 1e6;
                if (copied != serialsPerRequest) {
                    throw new IllegalStateException("COPY stored " + copied);
                }
                truncate(db);
                unnest[i] = unnest(db, gtin, serials);
            }
            Arrays.sort(copy);
            Arrays.sort(unnest);
            line(String.format("PostgreSQL COPY of %,d serials into a table with a unique key: %.0f ms (median of 3)",
                serialsPerRequest, copy[1]));
            line(String.format("the external-source store path (unnest of one text parameter per 50 000) on the same "
                + "rows: %.0f ms (%.2f× COPY)", unnest[1], unnest[1] / copy[1]));
        }
    }

    static void truncate(Connection db) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute("TRUNCATE bench_serial");
        }
    }

    /** The statement shape generation-service stores external serials with, timed on the same rows. */
    static double unnest(Connection db, String gtin, List<String> serials) throws SQLException {
        long start = System.nanoTime();
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO bench_serial (gtin, serial) SELECT ?, v FROM "
            + "unnest(string_to_array(?, chr(10))) AS t(v) ON CONFLICT DO NOTHING")) {
            for (int from = 0; from < serials.size(); from += 50_000) {
                insert.setString(1, gtin);
                insert.setString(2, String.join("\n", serials.subList(from, Math.min(serials.size(), from + 50_000))));
                insert.executeUpdate();
            }
        }
        db.commit();
        db.setAutoCommit(true);
        return (System.nanoTime() - start) / 1e6;
    }

    // ---- issue 4: recipe import rate and calculation latency ----

    void recipes() throws Exception {
        System.out.printf("%n-- recipes: %,d imported in one streamed CSV request, then calculations --%n",
            recipeCount);
        String prefix = String.format("%05d", (int) (Math.random() * 100_000));
        for (String base : List.of(gateway, aggregation)) {
            String stamp = base == gateway ? "1" : "2";
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base
                    + "/serial-generation/aggregation/recipes/import?mode=all_or_nothing"))
                .header("Content-Type", "text/csv").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> recipeCsv(stamp + prefix, recipeCount))));
            double seconds = (System.nanoTime() - start) / 1e9;
            JsonNode report = JSON.readTree(response.body());
            if (response.statusCode() != 200 || report.path("imported").asLong() != recipeCount) {
                throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
            }
            line(String.format("recipe import (%s): %,d recipes in %.1f s = %,.0f recipes/s",
                base == gateway ? "through the gateway" : "direct", recipeCount, seconds, recipeCount / seconds));
        }
        double[] withRecipe = calculations(gateway, recipeGtin("1" + prefix, 4_242));
        double[] byConfig = calculations(gateway, null);
        double[] direct = calculations(aggregation, recipeGtin("2" + prefix, 4_242));
        report("calculate 12 345 units by recipe, gateway", withRecipe);
        report("calculate 12 345 units by config, gateway", byConfig);
        report("calculate 12 345 units by recipe, direct", direct);
    }

    double[] calculations(String base, String gtin) throws Exception {
        String body = "{\"quantity\":12345" + (gtin == null ? "" : ",\"gtin\":\"" + gtin + "\"") + "}";
        int count = 1_000;
        double[] millis = new double[count];
        for (int i = -100; i < count; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base
                + "/serial-generation/aggregation/calculate")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("calculate answered " + response.statusCode() + ": " + response.body());
            }
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return millis;
    }

    static String recipeGtin(String prefix, int i) {
        String body = "0" + prefix.substring(0, 6) + String.format("%06d", i);
        return body + CheckDigit.compute(body);
    }

    /** The upload, made as it is sent: 10 per bundle, 12 bundles per case, 40 cases per pallet. */
    static InputStream recipeCsv(String prefix, int count) {
        return GeneratedUpload.lines("gtin,variant,effective_from,l1_name,l2_name,l2_children_per_parent,"
            + "l2_identified_by,l2_gtin,l3_name,l3_children_per_parent,l3_identified_by,l3_gtin,l4_name,"
            + "l4_children_per_parent,l4_identified_by,l4_gtin\n", count, i -> {
                String gtin = recipeGtin(prefix, i);
                String bundle = "1" + gtin.substring(1, 13);
                return gtin + ",default,2026-01-01,unit,bundle,10,sgtin," + bundle + CheckDigit.compute(bundle)
                    + ",case,12,sscc,,pallet,40,sscc,\n";
            });
    }

    // ---- plumbing ----

    void configure() throws Exception {
        // every figure below assumes work orders ask for their quantity and 5 %: whatever an earlier run left set
        long version = patchConfig("{\"manufacturing_percentage\":100,\"discrepancy_tolerance\":5,"
            + "\"serial_sources\":[],\"builtin_serial_generator\":true,\"serial_format\":{\"length\":12,"
            + "\"alphabet\":\"numeric\",\"mode\":\"randomised\",\"expected_volume_per_gtin\":100000000}}");
        // the new version reaches generation-service through Kafka; a work order created after it records it
        for (int i = 0; i < 120; i++) {
            String wo = workOrder(newGtin(), 1);
            if (client.get(generation + "/serial-generation/workorders/" + wo + "/").path("config_version").asLong()
                == version) {
                System.out.println("configuration v" + version + " active: numeric-12 randomised serials");
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("configuration v" + version + " did not reach generation-service");
    }

    /** Merges {@code patch} into the active configuration; answers the version it made. */
    long patchConfig(String patch) throws Exception {
        JsonNode config = client.get(gateway + "/serial-generation/config/");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(gateway + "/serial-generation/config/"))
            .method("PATCH", HttpRequest.BodyPublishers.ofString(patch))
            .header("Content-Type", "application/merge-patch+json")
            .header("If-Match", "\"v" + config.get("version").asLong() + "\""));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PATCH config answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("version").asLong();
    }

    String workOrder(String gtin, long quantity) throws Exception {
        String wo = "BENCH-" + run + "-" + gtinSequence.incrementAndGet();
        String body = JSON.writeValueAsString(Map.of("wo_id", wo, "wo_name", "Benchmark " + wo, "gtin", gtin,
            "lot", "B" + run, "expiry", "2030-12-31", "quantity", quantity));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(gateway
            + "/serial-generation/workorders/")).POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json"));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating " + wo + " answered " + response.statusCode() + ": "
                + response.body());
        }
        return wo;
    }

    String newGtin() {
        String body = "0" + COMPANY_PREFIX + String.format("%05d", gtinSequence.incrementAndGet() % 100_000);
        return body + CheckDigit.compute(body);
    }

    void line(String text) {
        System.out.println(text);
        summary.add(text);
    }
}
