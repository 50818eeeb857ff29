package org.serialgen.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serialgen.testkit.ServiceProcess;

/**
 * TLS to PostgreSQL with the settings the README documents: a service started with {@code DB_SSL_MODE=verify-ca} and
 * the server's certificate as the one it trusts migrates, serves, and holds only encrypted connections; told to trust
 * another certificate, it does not start serving at all. Runs where {@code deploy/postgres/prepare.sh} turned TLS on
 * (a local cluster) and left the server's certificate in {@code deploy/.local/postgres-server.crt}.
 */
@ExtendWith(RunningSuite.class)
class DatabaseTlsIT {

    static final Path SERVER_CERTIFICATE = ServiceProcess.root().resolve("deploy/.local/postgres-server.crt");

    static Map<String, String> tls(Path trusted) {
        Map<String, String> env = new HashMap<>(RunningSuite.RESTART_ENV);
        env.put("DB_SSL_MODE", "verify-ca");
        env.put("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS", trusted.toString());
        env.put("QUARKUS_DATASOURCE_JDBC_ADDITIONAL_JDBC_PROPERTIES_SSLROOTCERT", trusted.toString());
        return env;
    }

    @Test
    void aServiceToldToVerifyTheDatabaseServesOverTlsOnlyAndRefusesAnotherServer() throws Exception {
        assumeTrue(Files.exists(SERVER_CERTIFICATE), "no local PostgreSQL with TLS (deploy/postgres/prepare.sh)");
        assertEquals(0, encryptedConnections(), "the suite itself connects without TLS (DB_SSL_MODE=disable)");
        try (ServiceProcess verified = ServiceProcess.start("config-service", tls(SERVER_CERTIFICATE))
                 .awaitReady(Duration.ofSeconds(120))) {
            given().header("Authorization", FlowIT.login("manager"))
                .get(verified.url() + "/serial-generation/config/").then().statusCode(200)
                .body("version", org.hamcrest.Matchers.greaterThan(0));
            assertTrue(encryptedConnections() > 0, "its connections are encrypted");
        }

        // a certificate of its own making is not the server's: the service never becomes ready
        Path stranger = Files.createTempFile("not-the-server-", ".crt");
        Process made = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=localhost", "-keyout", "/dev/null", "-out", stranger.toString())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, made.waitFor());
        try (ServiceProcess refused = ServiceProcess.start("config-service", tls(stranger))) {
            IllegalStateException notReady = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> refused.awaitReady(Duration.ofSeconds(30)));
            System.out.printf("[tls] a service trusting another certificate: %s%n", notReady.getMessage());
        }
        given().get(RunningSuite.RUNNING.get("config-service").managementUrl() + "/q/health/ready")
            .then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Encrypted connections of config-service's role now, seen over one that is not (it is left out). */
    private static long encryptedConnections() throws SQLException {
        String url = "jdbc:postgresql://" + System.getenv().getOrDefault("DB_HOST", "127.0.0.1") + ":"
            + System.getenv().getOrDefault("DB_PORT", "5432") + "/serialgen_test?sslmode=disable";
        try (Connection connection = DriverManager.getConnection(url, "config",
                 System.getenv().getOrDefault("CONFIG_DB_PASSWORD", "config"));
             ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM pg_stat_ssl s"
                 + " JOIN pg_stat_activity a USING (pid) WHERE a.usename = current_user AND s.ssl")) {
            count.next();
            return count.getLong(1);
        }
    }
}
