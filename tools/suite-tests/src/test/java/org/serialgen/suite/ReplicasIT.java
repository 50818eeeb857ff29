package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serialgen.events.Topics;
import org.serialgen.testkit.ServiceProcess;
import org.serialgen.testkit.TestKafka;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Two replicas of every service side by side on the one broker and database, as Kubernetes runs them: a second
 * instance of each backend, and a second gateway relaying to those. Work orders entered through both gateways are
 * each one event on the topic (two outbox relays, no double send) and are broken down once, with the partitions split
 * between the two aggregation-services; issues through both gateways at once never overlap (the uniqueness audit is
 * clean); a replica killed mid-work is taken over — its partitions by the other replica, its clients' retries by the
 * other gateway — and nothing acknowledged is lost.
 */
@ExtendWith(RunningSuite.class)
class ReplicasIT {

    static final String API = "/api/v1/serial-generation/";
    static final int WORK_ORDERS = 60;
    static final int ISSUES = 120;

    @Test
    void twoReplicasOfEveryServiceSplitTheWorkAndTakeOverFromOneKilled() throws Exception {
        Map<String, ServiceProcess> second = startSecondReplicas();
        try {
            String supervisor = FlowIT.login("supervisor");
            String run = UUID.randomUUID().toString().substring(0, 6);
            List<String> gateways = List.of(RunningSuite.RUNNING.get(RunningSuite.GATEWAY).url(),
                second.get(RunningSuite.GATEWAY).url());
            ServiceProcess aggregation1 = RunningSuite.RUNNING.get("aggregation-service");
            ServiceProcess aggregation2 = second.get("aggregation-service");
            // consumers have joined (readiness) but a group settles only after its last member's first rebalance
            Thread.sleep(12_000);
            double consumedBefore1 = consumed(aggregation1);
            double consumedBefore2 = consumed(aggregation2);

            // work orders entered through both gateways: one event each on the topic, one breakdown each
            List<String> entered = new ArrayList<>();
            for (int i = 0; i < WORK_ORDERS; i++) {
                String woId = "WO-REPL-" + run + "-" + i;
                enter(gateways.get(i % 2), supervisor, woId);
                entered.add(woId);
            }
            awaitBrokenDown(supervisor, entered);
            Predicate<String> ours = value -> value.contains("WO-REPL-" + run + "-");
            List<ConsumerRecord<String, String>> synced = TestKafka.records(Topics.WORKORDERS, ours, WORK_ORDERS,
                Duration.ofSeconds(30), Duration.ofSeconds(2));
            assertEquals(WORK_ORDERS, eventIds(synced).size(), "every entered work order is one event");
            assertEquals(WORK_ORDERS, synced.size(), "no event was sent twice by the two relays");
            List<ConsumerRecord<String, String>> computed = TestKafka.records(Topics.AGGREGATION, ours, WORK_ORDERS,
                Duration.ofSeconds(30), Duration.ofSeconds(2));
            assertEquals(WORK_ORDERS, computed.size(), "every work order was broken down once, by one replica");
            double split1 = consumed(aggregation1) - consumedBefore1;
            double split2 = consumed(aggregation2) - consumedBefore2;
            assertEquals(WORK_ORDERS, split1 + split2, 0.0, "each work-order event was consumed by one replica");
            assertTrue(split1 > 0 && split2 > 0, "the partitions are split: " + split1 + " / " + split2);
            System.out.printf("[replicas] %d work orders through 2 gateways: %d events on %s, %d breakdowns;"
                    + " aggregation-service consumed %.0f + %.0f%n", WORK_ORDERS, synced.size(), Topics.WORKORDERS,
                computed.size(), split1, split2);

            // issues through both gateways at once; generation-service's second replica is killed part-way, and its
            // gateway's clients go again through the other gateway under the same key
            List<String> issuing = entered.subList(0, 4);
            ConcurrentLinkedQueue<String> tasks = new ConcurrentLinkedQueue<>();
            AtomicInteger retried = new AtomicInteger();
            AtomicInteger issued = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int client = 0; client < 4; client++) {
                int number = client;
                clients.submit(() -> {
                    for (int i = number; i < ISSUES; i += 4) {
                        String key = "replica-" + run + "-" + i;
                        String woId = issuing.get(i % issuing.size());
                        Response answer = issue(gateways.get(number % 2), supervisor, woId, key);
                        if (answer == null || answer.statusCode() != 202) {
                            retried.incrementAndGet();
                            answer = awaitIssue(gateways.get(0), supervisor, woId, key);
                        }
                        tasks.add(answer.jsonPath().getString("task_id"));
                        issued.incrementAndGet();
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> issued.get() >= ISSUES / 4);
            second.get("generation-service").kill();
            clients.shutdown();
            assertTrue(clients.awaitTermination(180, TimeUnit.SECONDS), "the clients finished");
            assertEquals(ISSUES, tasks.size());
            assertEquals(ISSUES, Set.copyOf(tasks).size(), "one task per idempotency key");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                for (String task : tasks) {
                    given().header("Authorization", supervisor).get(API + "tasks/" + task + "/")
                        .then().statusCode(200).body("status", equalTo("completed"));
                }
            });
            given().header("Authorization", supervisor).post(API + "audit/uniqueness?derive=true")
                .then().statusCode(200).body("ok", equalTo(true)).body("duplicate_serials", equalTo(0))
                .body("overlapping_allocations", equalTo(0));
            System.out.printf("[replicas] %d issues through 2 gateways, generation-service's second replica killed"
                + " after %d: %d went again through the other gateway; all completed, the audit clean%n", ISSUES,
                ISSUES / 4, retried.get());

            // aggregation-service's second replica killed while work orders come in: the first takes its
            // partitions over when its session ends, and every work order is broken down
            List<String> late = new ArrayList<>();
            long killed = 0;
            for (int i = 0; i < 20; i++) {
                String woId = "WO-REPL-" + run + "-late-" + i;
                enter(gateways.get(0), supervisor, woId);
                late.add(woId);
                if (i == 4) {
                    aggregation2.kill();
                    killed = System.nanoTime();
                }
            }
            awaitBrokenDown(supervisor, late);
            System.out.printf("[replicas] aggregation-service's second replica killed: the other broke down all %d"
                + " work orders entered around it, the last %d ms after the kill%n", late.size(),
                (System.nanoTime() - killed) / 1_000_000);
        } finally {
            second.values().forEach(ServiceProcess::close);
        }
    }

    /** A second instance of each backend on ports of its own, then a second gateway relaying to them. */
    private static Map<String, ServiceProcess> startSecondReplicas() {
        Map<String, ServiceProcess> second = new LinkedHashMap<>();
        Map<String, String> gatewayEnv = new HashMap<>(RunningSuite.RESTART_ENV);
        for (String module : RunningSuite.BACKENDS) {
            second.put(module, ServiceProcess.start(module, RunningSuite.RESTART_ENV));
        }
        for (String module : RunningSuite.BACKENDS) {
            ServiceProcess replica = second.get(module).awaitReady(Duration.ofSeconds(120));
            gatewayEnv.put(module.toUpperCase().replace('-', '_') + "_URL", replica.url());
        }
        second.put(RunningSuite.GATEWAY, ServiceProcess.start(RunningSuite.GATEWAY, gatewayEnv)
            .awaitReady(Duration.ofSeconds(120)));
        return second;
    }

    private static void enter(String gateway, String token, String woId) {
        given().header("Authorization", token).contentType(ContentType.JSON).body("""
                {"wo_id": "%s", "wo_name": "Two replicas", "gtin": "09506000134352", "lot": "R1",
                 "expiry": "2030-01-31", "quantity": 100000}""".formatted(woId))
            .post(gateway + API + "workorders/").then().statusCode(201);
    }

    private static void awaitBrokenDown(String token, List<String> workOrders) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String woId : workOrders) {
                given().header("Authorization", token).get(API + "workorders/" + woId + "/")
                    .then().statusCode(200).body("total_requested_serials", greaterThan(0));
            }
        });
    }

    /** One issue of 100 serials; null when the gateway or its service did not answer. */
    private static Response issue(String gateway, String token, String woId, String key) {
        try {
            return given().header("Authorization", token).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body("{\"quantity\": 100}")
                .post(gateway + API + "workorders/" + woId + "/generate-serials/");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Response awaitIssue(String gateway, String token, String woId, String key) {
        for (int attempt = 0; attempt < 60; attempt++) {
            Response answer = issue(gateway, token, woId, key);
            if (answer != null && answer.statusCode() == 202) {
                return answer;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("issue " + key + " was never accepted");
    }

    /** Records aggregation-service's consumers acknowledged on this replica (work orders and configuration). */
    private static double consumed(ServiceProcess aggregation) {
        String text = given().get(aggregation.managementUrl() + "/q/metrics").then().statusCode(200).extract()
            .asString();
        return text.lines().filter(line -> line.startsWith("serialgen_events_consumed_total{")
                && line.contains("consumer=\"aggregation-service\""))
            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static Set<String> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> record.value().replaceAll(".*\"event_id\"\\s*:\\s*\"([^\"]+)\".*", "$1"))
            .collect(Collectors.toSet());
    }
}
