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
 * real services is tested with the whole suite (tools/suite-tests).
 */
public class GatewayResources implements QuarkusTestResourceLifecycleManager {

    static final String PASSWORD = TestUsers.PASSWORD;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        String nowhere = "http://127.0.0.1:" + closedPort();
        for (String service : List.of("config-service", "generation-service", "erp-sync-service",
            "aggregation-service")) {
            config.put("serialgen.gateway.upstreams." + service, nowhere);
        }
        config.put("serialgen.auth.users-file", TestUsers.file().toString());
        return config;
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
