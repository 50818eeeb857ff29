package org.serialgen.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.serialgen.security.PasswordHash;
import org.serialgen.security.UsersFile;
import org.serialgen.testkit.KafkaBrokerResource;
import org.serialgen.testkit.ServiceProcess;
import org.serialgen.testkit.TestKafka;
import org.serialgen.testkit.TestTokens;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The four services behind the gateway, started from their packaged jars against the test database and the test
 * broker, each on a clean schema; and a users file with one user per role, password {@value #PASSWORD}.
 */
public class SuiteServicesResource implements QuarkusTestResourceLifecycleManager {

    static final String PASSWORD = "correct horse battery staple";
    static final List<String> SERVICES = List.of("config-service", "generation-service", "erp-sync-service",
        "aggregation-service");

    /** The running services by module, for tests that stop and restart one (this resource is started once). */
    static final Map<String, ServiceProcess> RUNNING = new java.util.concurrent.ConcurrentHashMap<>();
    /** What the services were started with, less the schema clean-up: a restart keeps the data. */
    static final Map<String, String> RESTART_ENV = new java.util.concurrent.ConcurrentHashMap<>();

    private final List<ServiceProcess> services = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> env = new HashMap<>();
        env.put("DB_NAME", "serialgen_test");
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("SERIALGEN_JWT_PUBLIC_KEY_LOCATION", TestTokens.publicKeyLocation());
        env.put("SERIALGEN_JWT_ISSUER", TestTokens.ISSUER);
        env.put("QUARKUS_FLYWAY_CLEAN_DISABLED", "false");
        env.put("QUARKUS_FLYWAY_CLEAN_AT_START", "true");
        byte[] masterKey = new byte[32];
        new java.security.SecureRandom().nextBytes(masterKey);
        env.put("SERIALGEN_MASTER_KEY", java.util.Base64.getEncoder().encodeToString(masterKey));
        RESTART_ENV.putAll(env);
        RESTART_ENV.remove("QUARKUS_FLYWAY_CLEAN_AT_START");
        for (String module : SERVICES) {
            ServiceProcess service = ServiceProcess.start(module, env);
            services.add(service);
            RUNNING.put(module, service);
        }
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            services.get(i).awaitReady(Duration.ofSeconds(120));
            config.put("quarkus.rest-client." + SERVICES.get(i) + ".url", services.get(i).url());
        }
        // the audit's client of its own (a longer timeout) reaches the same generation-service
        config.put("quarkus.rest-client.generation-audit.url", config.get("quarkus.rest-client.generation-service.url"));
        config.put("serialgen.auth.users-file", usersFile().toString());
        return config;
    }

    private static Path usersFile() {
        try {
            Path file = Files.createTempFile("serialgen-test-users-", ".txt");
            file.toFile().deleteOnExit();
            List<String> lines = new ArrayList<>();
            for (String role : List.of("admin", "manager", "supervisor", "erp-operator", "viewer")) {
                lines.add(UsersFile.line(role, PasswordHash.hash(PASSWORD.toCharArray()), Set.of(role)));
            }
            Files.write(file, lines);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After {@link KafkaBrokerResource} and the JWT keys. */
    @Override
    public int order() {
        return 100;
    }

    /** Kills {@code module} at once (as a crash or an OOM kill would) and starts it again on the same port. */
    static ServiceProcess crashAndRestart(String module) {
        ServiceProcess old = RUNNING.get(module);
        old.kill();
        ServiceProcess restarted = ServiceProcess.start(module, RESTART_ENV, old.port());
        RUNNING.put(module, restarted);
        return restarted.awaitReady(Duration.ofSeconds(120));
    }

    @Override
    public void stop() {
        services.forEach(ServiceProcess::close);
        RUNNING.values().forEach(ServiceProcess::close);
    }
}
