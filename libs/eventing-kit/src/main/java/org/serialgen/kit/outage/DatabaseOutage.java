package org.serialgen.kit.outage;

import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.serialgen.kit.errors.Outage;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * PostgreSQL away — stopped, restarting, failing over, out of connections — as the reactive client reports it. Such a
 * failure says nothing about the request: the HTTP caller gets a 503 to retry (through {@link Outage}), and an event
 * waits for the database instead of going to the dead-letter topic.
 */
@ApplicationScoped
public class DatabaseOutage implements Outage {

    /**
     * SQLSTATEs of a server going away: admin/crash shutdown and "cannot connect now" (57P01–57P03), too many
     * connections (53300); class 08 is every connection exception.
     */
    private static final Set<String> AWAY = Set.of("57P01", "57P02", "57P03", "53300");
    private static final String NOT_ACTIVE = "Connection is not active now";
    /** Causes are followed this deep: a wrapped failure is a few levels down, never more. */
    private static final int DEPTH = 10;

    @Override
    public boolean isOutage(Throwable failure) {
        return is(failure);
    }

    @Override
    public String dependency() {
        return "the database";
    }

    /** Whether the failure, or one of its causes, is the database being away. */
    public static boolean is(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof ClosedConnectionException || cause instanceof ConnectException
                || cause instanceof ClosedChannelException || cause instanceof SocketException) {
                return true;
            }
            if (cause instanceof PgException pg && pg.getSqlState() != null
                && (pg.getSqlState().startsWith("08") || AWAY.contains(pg.getSqlState()))) {
                return true;
            }
            // a query on a session the server already ended: the client has no type for it, only its words
            if (cause.getMessage() != null && cause.getMessage().startsWith(NOT_ACTIVE)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
