package org.serialgen.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import org.serialgen.testkit.TestUsers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The gateway on its own: a users file with one user per role ({@link TestUsers}), and every service it
 * relays to at an address where nothing listens — what the gateway does by itself is tested here; relaying to the
 * real services is tested with the whole suite (tools/suite-tests). The one exception, erp-sync-service, is a
 * {@link DyingService} that dies in the middle of every answer.
 */
public class GatewayResources implements QuarkusTestResourceLifecycleManager {

    static final String PASSWORD = TestUsers.PASSWORD;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        String nowhere = "http://127.0.0.1:" + closedPort();
        for (String service : List.of("config-service", "generation-service", "aggregation-service")) {
            config.put("serialgen.gateway.upstreams." + service, nowhere);
        }
        config.put("serialgen.gateway.upstreams.erp-sync-service", "http://127.0.0.1:" + DyingService.start());
        config.put("serialgen.auth.users-file", TestUsers.file().toString());
        // HTTPS as the local run serves it: a self-signed key store made here with the JDK's keytool
        config.put("quarkus.http.ssl.certificate.key-store-file", keyStore().toString());
        config.put("quarkus.http.ssl.certificate.key-store-password", KEY_STORE_PASSWORD);
        return config;
    }

    static final String KEY_STORE_PASSWORD = "gateway-test";

    private static java.nio.file.Path keyStore() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("gateway-tls-");
            java.nio.file.Path store = dir.resolve("gateway.p12");
            String keytool = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "gateway", "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost", "-ext",
                "SAN=dns:localhost,ip:127.0.0.1", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", KEY_STORE_PASSWORD).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (process.waitFor() != 0 || !java.nio.file.Files.exists(store)) {
                throw new IllegalStateException("keytool could not make a key store");
            }
            store.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the file is deleted on exit
    }
}
