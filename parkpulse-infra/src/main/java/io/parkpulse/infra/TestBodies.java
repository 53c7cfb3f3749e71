package io.parkpulse.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies for tests: a valid body with some fields overridden or, given null, left out. */
public final class TestBodies {

    /**
     * {@code valid} with {@code changes} applied; a null value removes the field (Map.of cannot hold null, so
     * callers pass a HashMap for that).
     */
    public static Map<String, Object> with(Map<String, Object> valid, Map<String, Object> changes) {
        Map<String, Object> b = new LinkedHashMap<>(valid);
        changes.forEach((k, v) -> {
            if (v == null) {
                b.remove(k);
            } else {
                b.put(k, v);
            }
        });
        return b;
    }

    private TestBodies() {}
}
