package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serialgen.events.Topics;
import org.serialgen.kafka.BrokerTls;
import org.serialgen.kafka.DevBrokerProcess;
import org.serialgen.testkit.ServiceProcess;
import org.serialgen.testkit.TestKafka;

/**
 * TLS to Kafka with the settings the README documents: config-service, alone on the broker's TLS listener
 * ({@code KAFKA_SECURITY_PROTOCOL=SSL}, the trust store in {@code KAFKA_SSL_TRUSTSTORE_*} environment variables),
 * is ready (its consumers joined) and publishes a configuration change that a plain-text reader then finds on the
 * topic; trusting another certificate, it never becomes ready.
 */
@ExtendWith(RunningSuite.class)
class KafkaTlsIT {

    static final String PATH = "/serial-generation/config/";

    /**
     * The settings as Kubernetes gives them (deploy/kubernetes/base/configmap.yaml): environment variables, each
     * {@code KAFKA_SSL_…} read as the client property {@code kafka.ssl.…}.
     */
    static Map<String, String> tls(String bootstrap, Path trustStore) {
        Map<String, String> env = new HashMap<>(RunningSuite.RESTART_ENV);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("KAFKA_SECURITY_PROTOCOL", "SSL");
        env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", trustStore.toString());
        env.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
        env.put("KAFKA_SSL_TRUSTSTORE_PASSWORD", BrokerTls.PASSWORD);
        return env;
    }

    /** What was appended to {@code log} after its first {@code from} bytes. */
    static String since(Path log, long from) throws java.io.IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
            java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aServiceOnTheTlsListenerConsumesAndPublishesAndRefusesABrokerItDoesNotTrust() throws Exception {
        assumeTrue(TestKafka.brokerIsOurs() && TestKafka.ownBroker().tlsBootstrapServers().isPresent(),
            "the test broker has no TLS listener");
        DevBrokerProcess broker = TestKafka.ownBroker();
        String address = broker.tlsBootstrapServers().orElseThrow();
        String manager = FlowIT.login("manager");
        double percentage = given().header("Authorization", manager).get("/api/v1/serial-generation/config/")
            .then().statusCode(200).extract().jsonPath().getDouble("manufacturing_percentage");

        RunningSuite.stop("config-service");
        try (ServiceProcess overTls = ServiceProcess.start("config-service", tls(address, broker.trustStore()))
                 .awaitReady(Duration.ofSeconds(120))) {
            long version = given().header("Authorization", manager).get(overTls.url() + PATH).then().statusCode(200)
                .extract().jsonPath().getLong("version");
            given().header("Authorization", manager).header("If-Match", "\"v" + version + "\"")
                .contentType("application/merge-patch+json")
                .body("{\"manufacturing_percentage\": " + (percentage == 99.5 ? 99.0 : 99.5) + "}")
                .patch(overTls.url() + PATH).then().statusCode(200);
            // the only config-service running is on TLS: the event on the topic went out through it
            assertFalse(TestKafka.records(Topics.CONFIG, v -> v.contains("\"version\":" + (version + 1) + ","), 1,
                Duration.ofSeconds(30), Duration.ZERO).isEmpty(), "the change reached Kafka over TLS");
        } finally {
            RunningSuite.restart("config-service");
        }
        FlowIT.patchConfig(manager, "{\"manufacturing_percentage\": " + percentage + "}");

        // Trusting another certificate, it refuses the broker at every handshake. (Its readiness is no proof either
        // way: the connector's check counts open connections, and one is open for a moment before each handshake.)
        Path stranger = BrokerTls.ensure(Files.createTempDirectory("another-broker-")).resolve(BrokerTls.TRUST_STORE);
        Path log = Path.of("target", "config-service.log");
        long logged = Files.exists(log) ? Files.size(log) : 0;
        try (ServiceProcess distrustful = ServiceProcess.start("config-service", tls(address, stranger))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                since(log, logged).contains("SSL handshake failed"));
            // once it listens, it answers its probes, and is not ready
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                since(log, logged).contains("started in"));
            int up = 0;
            for (int probe = 0; probe < 20; probe++) {
                up += given().get(distrustful.managementUrl() + "/q/health/ready").statusCode() == 200 ? 1 : 0;
                Thread.sleep(250);
            }
            assertTrue(distrustful.isAlive(), "it keeps running, trying the broker again");
            System.out.printf("[tls] a service trusting another broker certificate: SSL handshake failed, ready at"
                + " %d of 20 probes%n", up);
            assertTrue(up < 20, "a service that cannot reach its broker is not steadily ready");
        }
    }
}
