package org.serialgen.kit.request;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;
import org.serialgen.kit.tracing.Traces;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;

/**
 * Gives every HTTP request an {@code X-Request-Id}: the caller's (the gateway's, when it came through the gateway) if
 * it is sane, else a new one. The id is written back onto the request headers, so every later stage reads it from
 * one place, put in the logging context ({@code %X{request_id}}) and on the request's trace span, and returned on the
 * response.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = of(rc.request());
            rc.request().headers().set(HEADER, id);
            rc.response().headers().set(HEADER, id);
            MDC.put("request_id", id);
            Traces.tagRequest(id, rc.request().path());
            rc.next();
        }, 1000);
    }

    /** The request's id; called after the filter it is always the one the filter chose. */
    public static String of(HttpServerRequest request) {
        String given = request.getHeader(HEADER);
        return given != null && SANE.matcher(given).matches() ? given : "req_" + UUID.randomUUID();
    }
}
