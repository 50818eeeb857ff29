package org.serialgen.kit.request;

import java.util.Locale;

import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Refuses a request whose path or query holds a NUL character (raw or {@code %00}), before any resource reads it: no
 * identifier, search or name the suite keeps can hold one, and PostgreSQL refuses it in text with an error that
 * would otherwise surface as a 500. The answer is the spec's 400 body.
 */
public class NoNulInUris {

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String uri = rc.request().uri();
            if (uri.indexOf('\0') >= 0 || uri.toLowerCase(Locale.ROOT).contains("%00")) {
                rc.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .end("{\"error\":\"validation_error\",\"message\":\"Invalid input data\",\"details\":{\"uri\":"
                        + "[\"Must not contain a NUL character\"]},\"request_id\":\""
                        + RequestIds.of(rc.request()) + "\"}");
                return;
            }
            rc.next();
        }, 900);
    }
}
