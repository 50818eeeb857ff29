package org.serialgen.kit.outage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgConnectOptions;

/**
 * The failures the real PostgreSQL client reports when the database goes away — a server that kills the session, an
 * address where none listens — are outages; a wrong statement or a broken constraint is not.
 */
@QuarkusTest
class DatabaseOutageTest {

    private final Pool pool;
    private final Vertx vertx;

    DatabaseOutageTest(Pool pool, Vertx vertx) {
        this.pool = pool;
        this.vertx = vertx;
    }

    @Test
    void aSessionTheServerEndsAndADatabaseThatIsNotThereAreOutages() throws Exception {
        SqlConnection doomed = pool.getConnection().await().indefinitely();
        try {
            int pid = doomed.query("SELECT pg_backend_pid()").execute().await().indefinitely()
                .iterator().next().getInteger(0);
            // what a fast shutdown or a fail-over does to every session: terminated by the server
            pool.query("SELECT pg_terminate_backend(" + pid + ")").execute().await().indefinitely();
            Throwable ended = assertThrows(Throwable.class,
                () -> doomed.query("SELECT 1").execute().await().indefinitely());
            assertTrue(DatabaseOutage.is(ended), "a session ended by the server: " + ended);
        } finally {
            doomed.close().await().indefinitely();
        }

        int nowhere;
        try (ServerSocket socket = new ServerSocket(0)) {
            nowhere = socket.getLocalPort();
        }
        Throwable refused = assertThrows(Throwable.class, () -> PgConnection.connect(vertx, new PgConnectOptions()
            .setHost("127.0.0.1").setPort(nowhere).setDatabase("none").setUser("none").setPassword("none"))
            .await().indefinitely());
        assertTrue(DatabaseOutage.is(refused), "no database at the address: " + refused);
        // wrapped, as Hibernate Reactive and Mutiny hand it on
        assertTrue(DatabaseOutage.is(new java.util.concurrent.CompletionException(new RuntimeException(refused))));
    }

    @Test
    void aWrongStatementOrABrokenConstraintIsNoOutage() {
        Throwable syntax = assertThrows(Throwable.class,
            () -> pool.query("SELEC 1").execute().await().indefinitely());
        assertFalse(DatabaseOutage.is(syntax), syntax.toString());
        Throwable divided = assertThrows(Throwable.class,
            () -> pool.query("SELECT 1 / 0").execute().await().indefinitely());
        assertFalse(DatabaseOutage.is(divided), divided.toString());
        assertFalse(DatabaseOutage.is(new IllegalStateException("ours")));
    }

    @io.quarkus.test.common.http.TestHTTPResource("/outage-probe")
    java.net.URI probe;

    @Test
    void aRequestThatMeetsTheDatabaseAwayIsA503ToRetryWithTheSpecBody() throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
            java.net.http.HttpRequest.newBuilder(probe).header("X-Request-Id", "req_outage-1").build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(503, answer.statusCode(), answer.body());
        org.junit.jupiter.api.Assertions.assertEquals("5", answer.headers().firstValue("Retry-After").orElse(null));
        io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject(answer.body());
        org.junit.jupiter.api.Assertions.assertEquals("service_unavailable", body.getString("error"));
        org.junit.jupiter.api.Assertions.assertEquals("DEPENDENCY_UNAVAILABLE", body.getString("code"));
        org.junit.jupiter.api.Assertions.assertEquals("req_outage-1", body.getString("request_id"));
    }

    /** An endpoint whose database is at an address where none listens. */
    @jakarta.ws.rs.Path("/outage-probe")
    public static class AwayDatabase {

        private final Vertx vertx;

        AwayDatabase(Vertx vertx) {
            this.vertx = vertx;
        }

        @jakarta.ws.rs.GET
        public io.smallrye.mutiny.Uni<String> read() throws java.io.IOException {
            int nowhere;
            try (ServerSocket socket = new ServerSocket(0)) {
                nowhere = socket.getLocalPort();
            }
            return PgConnection.connect(vertx, new PgConnectOptions().setHost("127.0.0.1").setPort(nowhere)
                .setDatabase("none").setUser("none").setPassword("none")).replaceWith("read");
        }
    }
}
