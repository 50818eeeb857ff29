package org.serialgen.kit.paging;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The spec's list shape. {@code next} and {@code previous} are absolute links: the configured public origin
 * ({@code serialgen.public-origin}, the gateway's scheme, host and port) and the request's path (behind the gateway,
 * with its {@code X-Forwarded-Prefix}) and query. Never the client's {@code Host} or {@code X-Forwarded-Host} and
 * {@code -Proto}: a link a client could point anywhere ({@code javascript://evil.example/…}) is one a UI must not
 * follow.
 */
public record PageResponse<T>(
    @JsonProperty("count") long count,
    @JsonProperty("next") String next,
    @JsonProperty("previous") String previous,
    @JsonProperty("results") List<T> results) {

    public static <T> PageResponse<T> of(UriInfo uri, PageRequest page, long count, List<T> results) {
        boolean hasNext = (long) page.page() * page.size() < count;
        boolean hasPrevious = page.page() > 1;
        return new PageResponse<>(count,
            hasNext ? link(uri, page.page() + 1) : null,
            hasPrevious ? link(uri, page.page() - 1) : null,
            results);
    }

    private static String link(UriInfo uri, int page) {
        return link(uri, "page", page);
    }

    /** The request's link (from the public origin) with {@code parameter} set to {@code value}. */
    public static String link(UriInfo uri, String parameter, Object value) {
        URI target = uri.getRequestUriBuilder().replaceQueryParam(parameter, value).build();
        return PublicOrigin.value() + target.getRawPath() + (target.getRawQuery() == null ? ""
            : "?" + target.getRawQuery());
    }
}
