package org.serialgen.kit.errors;

/**
 * Tells a failure of something the service depends on (its database, mostly) from a failure of its own: the first is
 * a 503 the caller may retry after a moment, the second a 500 to find in the log. A module that owns a dependency
 * provides the bean that knows its failures; {@link ErrorMappers} asks every one.
 */
public interface Outage {

    /** Whether this failure (or one of its causes) means the dependency is away, not that the request was wrong. */
    boolean isOutage(Throwable failure);

    /** What the caller is told is away, e.g. "the database". */
    String dependency();
}
