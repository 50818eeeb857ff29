package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

        Path stranger = BrokerTls.ensure(Files.createTempDirectory("another-broker-")).resolve(BrokerTls.TRUST_STORE);
        try (ServiceProcess distrustful = ServiceProcess.start("config-service", tls(address, stranger))) {
            IllegalStateException notReady = assertThrows(IllegalStateException.class,
                () -> distrustful.awaitReady(Duration.ofSeconds(25)));
            System.out.printf("[tls] a service trusting another broker certificate: %s%n", notReady.getMessage());
        }
    }
}
