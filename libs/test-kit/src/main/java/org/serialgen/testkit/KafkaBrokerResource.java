package org.serialgen.testkit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The test broker ({@link TestKafka#startBroker()}) for a service under {@code @QuarkusTest}. */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", TestKafka.startBroker());
    }

    /** Before the resources that start services, which need the broker's address. */
    @Override
    public int order() {
        return -100;
    }

    @Override
    public void stop() {
        // a forked broker ends with the test JVM
    }
}
