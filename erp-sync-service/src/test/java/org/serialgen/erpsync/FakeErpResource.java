package org.serialgen.erpsync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.serialgen.fakeerp.FakeErp;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The ERP erp-sync-service pulls from, faked (a third party). The service is pointed at a port chosen here; the
 * tests start the fake on it themselves ({@link #erp()}), so that they hold the very instance they steer.
 */
public class FakeErpResource implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "test-erp-token";
    static final String PORT_PROPERTY = "serialgen.test.fake-erp.port";
    private static FakeErp erp;

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        return Map.of(
            "serialgen.erp.base-url", "http://127.0.0.1:" + port,
            "serialgen.erp.token", TOKEN,
            // the tests ask for syncs themselves; the schedule is tested with two replicas of the packaged service
            "serialgen.erp.sync-interval-seconds", "0",
            "serialgen.erp.page-size", "3");
    }

    /** The fake ERP on the service's port, started on first use, for every test class of the run. */
    static synchronized FakeErp erp() {
        if (erp == null) {
            erp = FakeErp.start(Integer.parseInt(System.getProperty(PORT_PROPERTY)), TOKEN);
        }
        return erp;
    }

    @Override
    public void stop() {
        // the fake ends with the test JVM
    }
}
