package io.parkpulse.common.paging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The where-clause of a search from its optional filters: a filter left out adds nothing, so every
 * list endpoint builds its Panache query the same way.
 */
public final class Where {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** Adds {@code clause} with its one parameter {@code :name}, unless the value is null. */
    public Where and(String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            params.put(name, value);
        }
        return this;
    }

    /** Adds {@code clause} with several parameters (all of them bound), when {@code when} holds. */
    public Where andIf(boolean when, String clause, Map<String, Object> values) {
        if (when) {
            clauses.add(clause);
            params.putAll(values);
        }
        return this;
    }

    public String query() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public Map<String, Object> params() {
        return params;
    }
}
