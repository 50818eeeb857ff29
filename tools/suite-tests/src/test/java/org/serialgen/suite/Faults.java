package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.serialgen.testkit.ServiceProcess;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What the fault suites share: a load of users working through the gateway while a fault happens, a watch on every
 * service's readiness, and the checks that nothing acknowledged was lost and nothing was issued twice once it is over.
 * The load's size follows {@code -Dfault.scale} (1 in CI; larger on demand).
 */
final class Faults {

    static final String API = "/api/v1/serial-generation/";
    static final int SCALE = Integer.getInteger("fault.scale", 1);
    static final List<String> SERVICES = List.of("config-service", "generation-service", "erp-sync-service",
        "aggregation-service", "gateway");

    /** A request the load makes waits at most this long for its answer: a fault must not hang a client. */
    static final io.restassured.config.RestAssuredConfig PATIENT = io.restassured.config.RestAssuredConfig.config()
        .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5_000).setParam("http.socket.timeout", 30_000));

    private Faults() {
    }

    /**
     * Issuing clients and one clerk entering work orders by hand, all through the gateway, until {@link #stop}. Every
     * answer is counted: accepted (the suite acknowledged the work), refused with the spec's error body (a clear
     * error the user can act on — a 503 while a dependency is away), or failed (anything else: a 500, a body
     * without the spec's fields, a dropped connection).
     */
    static final class Load {
        private final String token;
        private final String workOrder;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService clients;
        final Set<String> acknowledgedTasks = ConcurrentHashMap.newKeySet();
        final Set<String> acknowledgedWorkOrders = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong lost = new AtomicLong();
        final long serialsPerIssue = 100;

        /** Starts the load on {@code workOrder}, an open work order with room for what the clients issue. */
        Load(String token, String workOrder) {
            this.token = token;
            this.workOrder = workOrder;
            int issuers = 3 * SCALE;
            clients = Executors.newFixedThreadPool(issuers + 1);
            for (int i = 0; i < issuers; i++) {
                clients.submit(this::issue);
            }
            clients.submit(this::enterWorkOrders);
        }

        /**
         * Issues under one key until the suite answers for it, as a careful client does: a 503 or a dropped
         * connection says nothing about whether the issue happened, so the same request goes again under the same
         * {@code Idempotency-Key} and gets the one task it made, or makes it now.
         */
        private void issue() {
            while (running.get()) {
                String key = "fault-" + UUID.randomUUID();
                Response answer = untilAnswered("issue", () -> given().config(PATIENT).header("Authorization", token)
                    .header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body("{\"quantity\": " + serialsPerIssue + "}")
                    .post(API + "workorders/" + workOrder + "/generate-serials/"));
                if (answer != null && answer.statusCode() == 202) {
                    acknowledgedTasks.add(answer.jsonPath().getString("task_id"));
                }
                pause(100);
            }
        }

        /** Enters work orders by hand; a retry answered 409 means the attempt before it was stored. */
        private void enterWorkOrders() {
            while (running.get()) {
                String woId = "WO-FAULT-" + UUID.randomUUID().toString().substring(0, 8);
                Response answer = untilAnswered("enter", () -> given().config(PATIENT).header("Authorization", token)
                    .contentType(ContentType.JSON).body("""
                        {"wo_id": "%s", "wo_name": "Entered during a fault", "gtin": "09506000134352", "lot": "F1",
                         "expiry": "2030-01-31", "quantity": 120}""".formatted(woId))
                    .post(API + "workorders/"));
                if (answer != null && (answer.statusCode() == 201 || answer.statusCode() == 409)) {
                    acknowledgedWorkOrders.add(woId);
                }
                pause(400);
            }
        }

        /**
         * Sends the request until it gets an answer other than "unavailable" (503, or no answer at all), counting
         * each; gives up only long after the load was told to stop, and then counts the request as failed.
         */
        private Response untilAnswered(String operation, java.util.function.Supplier<Response> request) {
            long giveUpAt = Long.MAX_VALUE;
            while (true) {
                Response answer;
                try {
                    answer = request.get();
                } catch (Exception connectionLost) {
                    answer = null;
                }
                count(operation, answer);
                if (answer != null && answer.statusCode() != 503) {
                    return answer;
                }
                if (!running.get() && giveUpAt == Long.MAX_VALUE) {
                    giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                }
                if (System.nanoTime() > giveUpAt) {
                    failed.incrementAndGet();
                    failures.add(operation + ": still unavailable a minute after the fault ended");
                    return null;
                }
                pause(500);
            }
        }

        /**
         * Counts one answer: a 2xx accepted the work; a 4xx (a 409 when a retry meets what the attempt before it
         * stored) or a 503 with the spec's error body is a clear refusal; anything else failed.
         */
        private void count(String operation, Response answer) {
            String status = answer == null ? "no answer" : Integer.toString(answer.statusCode());
            answers.computeIfAbsent(operation + " " + status, k -> new AtomicLong()).incrementAndGet();
            if (answer != null && answer.statusCode() < 300) {
                accepted.incrementAndGet();
            } else if (answer != null && answer.statusCode() >= 400 && answer.statusCode() != 500
                && answer.statusCode() <= 503 && hasSpecBody(answer)) {
                refused.incrementAndGet();
            } else if (answer != null) {
                failed.incrementAndGet();
                if (failures.size() < 20) {
                    failures.add(operation + " " + status + " " + answer.asString());
                }
            } else {
                // a connection the fault dropped: the retry decides
                lost.incrementAndGet();
            }
        }

        private static boolean hasSpecBody(Response answer) {
            try {
                var body = answer.jsonPath();
                return body.getString("error") != null && body.getString("message") != null
                    && body.getString("request_id") != null;
            } catch (Exception notJson) {
                return false;
            }
        }

        /** The acknowledged issues so far: the load is still running. */
        long acceptedSoFar() {
            return accepted.get();
        }

        void stop() throws InterruptedException {
            running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "the clients stopped");
        }

        String figures() {
            return "accepted " + accepted + ", refused with a clear error " + refused + ", failed " + failed
                + ", connections dropped " + lost
                + " (" + new TreeMap<>(Map.copyOf(answers.entrySet().stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())))) + ")";
        }
    }

    /**
     * Polls every service's {@code /q/health/ready} four times a second, as a kubelet would, and keeps what it saw
     * per service: ready, not ready (503) or not answering.
     */
    static final class ReadinessWatch implements AutoCloseable {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();
        private final Thread poller;

        ReadinessWatch() {
            SERVICES.forEach(service -> seen.put(service, ConcurrentHashMap.newKeySet()));
            poller = new Thread(this::poll, "readiness-watch");
            poller.setDaemon(true);
            poller.start();
        }

        private void poll() {
            while (running.get()) {
                for (String service : SERVICES) {
                    seen.get(service).add(readiness(service));
                }
                pause(250);
            }
        }

        String readiness(String service) {
            ServiceProcess process = RunningSuite.RUNNING.get(service);
            try {
                HttpRequest ready = HttpRequest.newBuilder(URI.create(process.managementUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
                int status = http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                return status == 200 ? "UP" : "DOWN";
            } catch (Exception e) {
                return "no answer";
            }
        }

        /** The services that reported themselves not ready at some point. */
        Set<String> wentDown() {
            Set<String> down = new java.util.TreeSet<>();
            seen.forEach((service, states) -> {
                if (states.contains("DOWN")) {
                    down.add(service);
                }
            });
            return down;
        }

        /** Waits until every service is ready again. */
        void awaitAllUp(Duration timeout) {
            await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() ->
                SERVICES.stream().allMatch(service -> readiness(service).equals("UP")));
        }

        String figures() {
            Map<String, Set<String>> ordered = new LinkedHashMap<>();
            SERVICES.forEach(service -> ordered.put(service, new java.util.TreeSet<>(seen.get(service))));
            return ordered.toString();
        }

        @Override
        public void close() {
            running.set(false);
        }
    }

    /** The processes now running, by module: the same objects afterwards means nothing was restarted. */
    static Map<String, ServiceProcess> processes() {
        return new LinkedHashMap<>(RunningSuite.RUNNING);
    }

    /** A work order from the ERP with room for every issue the load makes, its demands computed. */
    static String workOrderToIssueOn(String token, String prefix) {
        String woId = prefix + UUID.randomUUID().toString().substring(0, 6);
        FlowIT.publishErpWorkOrder(woId, 5_000_000);
        // a service killed by a test before this one may still hold partitions until its session times out
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            given().header("Authorization", token).get(API + "workorders/" + woId + "/")
                .then().statusCode(200).body("total_requested_serials", greaterThan(0)));
        return woId;
    }

    /**
     * Nothing acknowledged was lost and nothing was issued twice: every acknowledged issue is a completed task and
     * the work order counts exactly those issues, every work order entered by hand has come back from
     * aggregation-service with its demands (its events crossed Kafka both ways), every outbox has drained, and the
     * uniqueness audit, deriving every serial, is clean.
     */
    static void assertNothingLost(String token, String issuedOn, Load load) {
        for (String task : load.acknowledgedTasks) {
            given().header("Authorization", token).get(API + "tasks/" + task + "/")
                .then().statusCode(200).body("status", equalTo("completed"));
        }
        long generated = given().header("Authorization", token).get(API + "workorders/" + issuedOn + "/")
            .then().statusCode(200).extract().jsonPath().getLong("generated_serials");
        assertEquals(load.acknowledgedTasks.size() * load.serialsPerIssue, generated,
            "the work order holds exactly the acknowledged issues");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String woId : load.acknowledgedWorkOrders) {
                given().header("Authorization", token).get(API + "workorders/" + woId + "/")
                    .then().statusCode(200).body("total_requested_serials", greaterThan(0));
            }
        });
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String service : RunningSuite.BACKENDS) {
                assertEquals(0.0, metric(service, "serialgen_outbox_pending"), service + "'s outbox has drained");
            }
        });
        given().header("Authorization", token).post(API + "audit/uniqueness?derive=true")
            .then().statusCode(200).body("ok", equalTo(true)).body("duplicate_serials", equalTo(0))
            .body("overlapping_allocations", equalTo(0));
    }

    /** The sum of a Prometheus metric's series on {@code service}'s management interface (0 when it has none). */
    static double metric(String service, String name) {
        String text = given().get(RunningSuite.RUNNING.get(service).managementUrl() + "/q/metrics")
            .then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : text.lines().toList()) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Events sent by every outbox relay, and events acknowledged by every consumer, of the running processes. */
    static Map<String, Double> eventCounts() {
        Map<String, Double> counts = new LinkedHashMap<>();
        double produced = 0;
        double consumed = 0;
        for (String service : SERVICES) {
            produced += metric(service, "serialgen_outbox_published_total");
            consumed += metric(service, "serialgen_events_consumed_total");
        }
        counts.put("produced", produced);
        counts.put("consumed", consumed);
        return counts;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
