package org.serialgen.generation.workorder;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.panache.common.Parameters;

/** An HQL where clause being put together: conditions joined by {@code and}, and the parameters they name. */
final class HqlWhere {

    private final List<String> conditions = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    HqlWhere and(String condition, String name, Object value) {
        conditions.add(condition);
        parameters.and(name, value);
        return this;
    }

    boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** The conditions, or {@code true} when there are none. */
    String hql() {
        return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    Parameters parameters() {
        return parameters;
    }
}
