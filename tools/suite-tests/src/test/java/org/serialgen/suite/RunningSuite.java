package org.serialgen.suite;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.serialgen.fakeerp.DemoWorkOrders;
import org.serialgen.fakeerp.FakeErp;
import org.serialgen.testkit.JwtKeys;
import org.serialgen.testkit.ServiceProcess;
import org.serialgen.testkit.TestKafka;
import org.serialgen.testkit.TestUsers;

import io.restassured.RestAssured;

/**
 * The whole suite as it runs in production: the five services started from their packaged jars against the test
 * database (each on a clean schema) and the test broker, once per test JVM, with a users file of one user per role
 * ({@link TestUsers}). RestAssured talks to the gateway unless a test names another base URI.
 */
public class RunningSuite implements BeforeAllCallback {

    static final String PASSWORD = TestUsers.PASSWORD;
    static final List<String> BACKENDS = List.of("config-service", "generation-service", "erp-sync-service",
        "aggregation-service");
    static final String GATEWAY = "gateway";

    /** The running services by module, for tests that stop and restart one. */
    static final Map<String, ServiceProcess> RUNNING = new ConcurrentHashMap<>();
    /** What the services were started with, less the schema clean-up: a restart keeps the data. */
    static final Map<String, String> RESTART_ENV = new ConcurrentHashMap<>();

    /** The ERP the suite pulls from (a third party, faked), with the demo work orders. */
    static final String ERP_TOKEN = "suite-erp-token";
    static FakeErp erp;

    private static boolean started;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
        RestAssured.baseURI = RUNNING.get(GATEWAY).url();
        RestAssured.port = RUNNING.get(GATEWAY).port();
    }

    private static synchronized void start() {
        if (started) {
            return;
        }
        JwtKeys keys = JwtKeys.create();
        Map<String, String> env = new HashMap<>();
        env.put("DB_NAME", "serialgen_test");
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.startBroker());
        env.put("SERIALGEN_JWT_PUBLIC_KEY_LOCATION", keys.publicKey().toString());
        env.put("SERIALGEN_JWT_PRIVATE_KEY_LOCATION", keys.privateKey().toString());
        env.put("SERIALGEN_JWT_ISSUER", org.serialgen.testkit.TestTokens.ISSUER);
        env.put("SERIALGEN_USERS_FILE", TestUsers.file().toString());
        // the tests keep a token per role for the whole run; the 15-minute default is the gateway test's
        env.put("SERIALGEN_TOKEN_LIFETIME", "PT2H");
        byte[] masterKey = new byte[32];
        new SecureRandom().nextBytes(masterKey);
        env.put("SERIALGEN_MASTER_KEY", Base64.getEncoder().encodeToString(masterKey));
        erp = FakeErp.start(0, ERP_TOKEN);
        DemoWorkOrders.seed(erp, java.time.LocalDate.now());
        env.put("ERP_API_BASE_URL", erp.baseUrl());
        env.put("ERP_API_TOKEN", ERP_TOKEN);
        // syncs are asked for by the tests; the schedule runs on the replicas ErpReplicasIT starts
        env.put("ERP_SYNC_INTERVAL", "0");
        // the prefixes of the tests' GTINs (09506000…) and of the fake ERP's (0952…): serials are issued only under
        // a configured one
        env.put("SERIALGEN_SEED_COMPANY_PREFIX", "9506000,9520000");
        RESTART_ENV.putAll(env);
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");

        List<ServiceProcess> backends = new ArrayList<>();
        for (String module : BACKENDS) {
            ServiceProcess service = ServiceProcess.start(module, env);
            backends.add(service);
            RUNNING.put(module, service);
        }
        Map<String, String> gatewayEnv = new HashMap<>(RESTART_ENV);
        for (ServiceProcess service : backends) {
            service.awaitReady(Duration.ofSeconds(120));
            gatewayEnv.put(service.name().toUpperCase().replace('-', '_') + "_URL",
                service.url());
        }
        RESTART_ENV.putAll(gatewayEnv);
        RUNNING.put(GATEWAY, ServiceProcess.start(GATEWAY, gatewayEnv).awaitReady(Duration.ofSeconds(120)));
        started = true;
    }

    /** Kills {@code module} at once (as a crash or an OOM kill would) and starts it again on the same port. */
    static ServiceProcess crashAndRestart(String module) {
        return crashAndRestart(module, Map.of());
    }

    /** {@link #crashAndRestart(String)} with {@code settings} added to what it was started with. */
    static ServiceProcess crashAndRestart(String module, Map<String, String> settings) {
        RUNNING.get(module).kill();
        return startAgain(module, settings).awaitReady(Duration.ofSeconds(120));
    }

    /** Stops {@code module} as a deployment would (SIGTERM), keeping its port for {@link #restart}. */
    static void stop(String module) {
        RUNNING.get(module).close();
    }

    /** Stops {@code module} (SIGTERM) and starts it again on its port with {@code settings} added; not awaited. */
    static ServiceProcess restartWith(String module, Map<String, String> settings) {
        RUNNING.get(module).close();
        return startAgain(module, settings);
    }

    /** Starts {@code module}, stopped, on its port again with its data and {@code settings} added; not awaited. */
    private static ServiceProcess startAgain(String module, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(RESTART_ENV);
        env.putAll(settings);
        ServiceProcess restarted = ServiceProcess.start(module, env, RUNNING.get(module).port());
        RUNNING.put(module, restarted);
        return restarted;
    }

    /** Starts {@code module} again on its port, with its data. */
    static ServiceProcess restart(String module) {
        return startAgain(module, Map.of()).awaitReady(Duration.ofSeconds(120));
    }

    /** A service's own address, for calls that bypass the gateway. */
    static String direct(String module) {
        return RUNNING.get(module).url();
    }
}
