package org.serialgen.kit.paging;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The spec's list shape. {@code next} and {@code previous} are absolute links built from the request's own URI, which
 * reflects {@code X-Forwarded-*} headers, so behind the gateway they point at the gateway.
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
        URI target = uri.getRequestUriBuilder().replaceQueryParam("page", page).build();
        return target.toString();
    }
}
