package org.serialgen.suite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serialgen.testkit.ServiceProcess;
import org.serialgen.testkit.TestKafka;

/**
 * The suite's dependencies going away under load and coming back: the Kafka broker stopped for a minute, PostgreSQL
 * stopped at once (as a crash or a failover would) and started again. Users keep working through the gateway the
 * whole time. Afterwards nothing acknowledged is lost, nothing was issued twice, every outbox has drained, and every
 * service is ready again by itself: none was restarted.
 */
@ExtendWith(RunningSuite.class)
class OutageIT {

    static final Duration BROKER_OUTAGE = Duration.ofSeconds(Long.getLong("fault.broker-outage-seconds", 60));
    static final Duration DATABASE_OUTAGE = Duration.ofSeconds(Long.getLong("fault.database-outage-seconds", 10));

    @Test
    void aBrokerAwayForAMinuteUnderLoadLosesNothing() throws Exception {
        assumeTrue(TestKafka.brokerIsOurs(), "the broker was named by KAFKA_BOOTSTRAP_SERVERS: not ours to stop");
        String supervisor = FlowIT.login("supervisor");
        String woId = Faults.workOrderToIssueOn(supervisor, "WO-KAFKA-OUT-");
        Map<String, ServiceProcess> before = Faults.processes();
        Map<String, Double> eventsBefore = Faults.eventCounts();
        Faults.Load load;
        long acceptedDuringOutage;
        try (Faults.ReadinessWatch readiness = new Faults.ReadinessWatch()) {
            load = new Faults.Load(supervisor, woId);
            await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledgedTasks.size() >= 20);
            TestKafka.stopBroker();
            int atStop = load.acknowledgedTasks.size();
            Thread.sleep(BROKER_OUTAGE.toMillis());
            acceptedDuringOutage = load.acknowledgedTasks.size() - atStop;
            TestKafka.restartBroker();
            readiness.awaitAllUp(Duration.ofSeconds(120));
            Thread.sleep(5_000);
            load.stop();
            System.out.printf("[fault] broker away %d s under load: %s; %d issues acknowledged while it was away, "
                    + "%d work orders entered; readiness seen %s; went DOWN: %s%n", BROKER_OUTAGE.toSeconds(),
                load.figures(), acceptedDuringOutage, load.acknowledgedWorkOrders.size(), readiness.figures(),
                readiness.wentDown());
            // the services that consume events say so while the broker is away; the gateway keeps serving
            assertTrue(readiness.wentDown().containsAll(List.of("generation-service", "aggregation-service")),
                "not ready while the broker was away: " + readiness.wentDown());
        }
        assertEquals(0, load.failed.get(), "no request failed: " + load.failures);
        assertTrue(acceptedDuringOutage > 0, "issuing goes on while the broker is away: the events wait in the outbox");
        assertTrue(load.acknowledgedWorkOrders.size() > 0, "work orders were entered");
        assertNoneRestarted(before);
        Faults.assertNothingLost(supervisor, woId, load);
        Map<String, Double> eventsAfter = Faults.eventCounts();
        System.out.printf("[fault] broker away: events produced %.0f, consumed %.0f%n",
            eventsAfter.get("produced") - eventsBefore.get("produced"),
            eventsAfter.get("consumed") - eventsBefore.get("consumed"));
    }

    @Test
    void aDatabaseStoppedAtOnceUnderLoadLosesNothing() throws Exception {
        LocalCluster cluster = LocalCluster.find();
        assumeTrue(cluster != null, "the test database is not a local cluster this user may stop: not stopped");
        String supervisor = FlowIT.login("supervisor");
        String woId = Faults.workOrderToIssueOn(supervisor, "WO-PG-OUT-");
        Map<String, ServiceProcess> before = Faults.processes();
        Faults.Load load;
        try (Faults.ReadinessWatch readiness = new Faults.ReadinessWatch()) {
            load = new Faults.Load(supervisor, woId);
            await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledgedTasks.size() >= 20);
            cluster.control("stop", "-m", "immediate");
            Thread.sleep(DATABASE_OUTAGE.toMillis());
            await().atMost(Duration.ofSeconds(30)).until(() -> readiness.wentDown().containsAll(RunningSuite.BACKENDS));
            cluster.control("start");
            readiness.awaitAllUp(Duration.ofSeconds(120));
            Thread.sleep(5_000);
            load.stop();
            System.out.printf("[fault] database stopped %d s under load: %s; %d work orders entered; readiness seen"
                    + " %s; went DOWN: %s%n", DATABASE_OUTAGE.toSeconds(), load.figures(),
                load.acknowledgedWorkOrders.size(), readiness.figures(), readiness.wentDown());
        }
        assertEquals(0, load.failed.get(), "no request failed: " + load.failures);
        assertTrue(load.refused.get() > 0, "requests during the outage were refused with a 503 to retry");
        assertNoneRestarted(before);
        Faults.assertNothingLost(supervisor, woId, load);
    }

    private static void assertNoneRestarted(Map<String, ServiceProcess> before) {
        before.forEach((module, process) -> {
            assertSame(process, RunningSuite.RUNNING.get(module), module + " was not restarted");
            assertTrue(process.isAlive(), module + " is still running");
        });
    }

    /**
     * The Debian cluster the test database lives on, when it runs on this machine and this user is root: stopped and
     * started with {@code pg_ctlcluster}, outside systemd, as {@code deploy/postgres/prepare.sh} starts it.
     */
    record LocalCluster(String version, String name) {

        static LocalCluster find() throws IOException, InterruptedException {
            String host = System.getenv().getOrDefault("DB_HOST", "127.0.0.1");
            if (System.getenv("PG_ADMIN_URL") != null || !(host.equals("127.0.0.1") || host.equals("localhost"))
                || !"root".equals(System.getProperty("user.name"))) {
                return null;
            }
            String port = System.getenv().getOrDefault("DB_PORT", "5432");
            String clusters;
            try {
                clusters = run("pg_lsclusters", "-h");
            } catch (IOException noDebianTools) {
                return null;
            }
            for (String line : clusters.lines().toList()) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 4 && fields[2].equals(port) && fields[3].equals("online")) {
                    return new LocalCluster(fields[0], fields[1]);
                }
            }
            return null;
        }

        void control(String... action) throws IOException, InterruptedException {
            List<String> command = new java.util.ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect",
                version, name));
            command.addAll(List.of(action));
            run(command.toArray(String[]::new));
        }

        private static String run(String... command) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        }
    }
}
