package org.serialgen.testkit;

import java.time.Duration;
import java.util.Map;

import org.serialgen.events.Topics;
import org.serialgen.kafka.DevBrokerProcess;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Kafka broker for the tests: a KRaft broker forked on free ports, or the one {@code KAFKA_BOOTSTRAP_SERVERS}
 * names. The forked broker keeps its data in a temporary directory and ends with the test JVM, however it ends.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private DevBrokerProcess broker;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        String bootstrap;
        if (external != null && !external.isBlank()) {
            bootstrap = external;
        } else {
            broker = DevBrokerProcess.start(Duration.ofSeconds(90), Topics.ALL);
            bootstrap = broker.bootstrapServers();
        }
        System.setProperty(TestKafka.BOOTSTRAP_PROPERTY, bootstrap);
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    /** Before the resources that start services, which need the broker's address. */
    @Override
    public int order() {
        return -100;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
