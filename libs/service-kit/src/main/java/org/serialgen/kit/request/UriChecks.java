package org.serialgen.kit.request;

import java.util.Locale;

import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.RoutingContext;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Refuses, before any resource reads it, a request URI that nothing the suite keeps could have come from:
 * <ul>
 * <li>one longer than {@link #MAX_URI_LENGTH}: {@code 414 uri_too_long}. The HTTP layer's own line limit is set far
 * above it ({@code quarkus.http.limits.max-initial-line-length}), so that a long URI reaches this filter and gets the
 * spec's body and a request id instead of the server's bare 414;</li>
 * <li>one whose path or query holds a NUL character (raw or {@code %00}): {@code 400 validation_error}. No
 * identifier, search or name can hold one, and PostgreSQL refuses it in text with an error that would otherwise
 * surface as a 500.</li>
 * </ul>
 */
public class UriChecks {

    /** What browsers, proxies and the gateway's links stay well inside; the longest list query is a few hundred. */
    public static final int MAX_URI_LENGTH = 8192;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String uri = rc.request().uri();
            if (uri.length() > MAX_URI_LENGTH) {
                refuse(rc, 414, "uri_too_long", "Request URI too long",
                    "Must be at most " + MAX_URI_LENGTH + " characters");
                return;
            }
            if (uri.indexOf('\0') >= 0 || uri.toLowerCase(Locale.ROOT).contains("%00")) {
                refuse(rc, 400, "validation_error", "Invalid input data", "Must not contain a NUL character");
                return;
            }
            rc.next();
        }, 900);
    }

    private static void refuse(RoutingContext rc, int status, String error, String message, String reason) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json")
            .end("{\"error\":\"" + error + "\",\"message\":\"" + message + "\",\"details\":{\"uri\":[\"" + reason
                + "\"]},\"request_id\":\"" + RequestIds.of(rc.request()) + "\"}");
    }
}
