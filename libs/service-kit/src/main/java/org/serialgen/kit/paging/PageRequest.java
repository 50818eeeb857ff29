package org.serialgen.kit.paging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.serialgen.kit.errors.ApiException;

/** {@code page} (from 1) and {@code page_size} (1 to {@value #MAX_SIZE}, default {@value #DEFAULT_SIZE}), checked. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** So that (page - 1) × page_size stays an int at any page size. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    /** @throws ApiException.Validation naming {@code page} or {@code page_size} when out of range */
    public static PageRequest of(Integer page, Integer pageSize) {
        return of(page, pageSize, new LinkedHashMap<>());
    }

    /**
     * Like {@link #of(Integer, Integer)}, reporting out-of-range values together with the caller's own
     * {@code problems} about other parameters.
     */
    public static PageRequest of(Integer page, Integer pageSize, Map<String, List<String>> problems) {
        int p = page == null ? 1 : page;
        int s = pageSize == null ? DEFAULT_SIZE : pageSize;
        if (p < 1) {
            problems.put("page", List.of("Must be 1 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            problems.put("page_size", List.of("Must be between 1 and " + MAX_SIZE));
        } else if (p > MAX_PAGE) {
            // an offset the database's integers cannot hold: far beyond any last page
            problems.put("page", List.of("Must be at most " + MAX_PAGE));
        }
        if (!problems.isEmpty()) {
            throw new ApiException.Validation(problems);
        }
        return new PageRequest(p, s);
    }

    /** Zero-based, as Panache counts pages. */
    public int index() {
        return page - 1;
    }
}
