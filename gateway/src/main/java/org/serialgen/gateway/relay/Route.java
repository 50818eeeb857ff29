package org.serialgen.gateway.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.vertx.core.http.HttpMethod;

/**
 * One operation of the public API: method and path under {@code /api/v1/serial-generation/} (a template with
 * {@code {name}} segments), the service that owns it, the roles that may call it, what it does (for the OpenAPI
 * document), how long the service may stay silent while answering (null: the gateway's default), and the largest
 * request body it takes, in bytes.
 */
public record Route(HttpMethod method, String template, Upstream upstream, Set<String> roles, String summary,
                    Duration timeout, long maxBody) {

    /** The same operation taking bodies of up to {@code bytes}. */
    Route accepting(long bytes) {
        return new Route(method, template, upstream, roles, summary, timeout, bytes);
    }

    /** The template's segments, without the trailing slash. */
    List<String> segments() {
        return List.of(strip(template).split("/", -1));
    }

    /** The path parameters of {@code path} if it fits the template (with or without its trailing slash). */
    Optional<Map<String, String>> match(HttpMethod requested, String path) {
        if (!method.equals(requested)) {
            return Optional.empty();
        }
        List<String> expected = segments();
        String[] actual = strip(path).split("/", -1);
        if (actual.length != expected.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (int i = 0; i < actual.length; i++) {
            String segment = expected.get(i);
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(segment.substring(1, segment.length() - 1), actual[i]);
            } else if (!segment.equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }

    /** The parameter names of the template, in order. */
    List<String> parameters() {
        List<String> names = new ArrayList<>();
        for (String segment : segments()) {
            if (segment.startsWith("{")) {
                names.add(segment.substring(1, segment.length() - 1));
            }
        }
        return names;
    }

    private static String strip(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
