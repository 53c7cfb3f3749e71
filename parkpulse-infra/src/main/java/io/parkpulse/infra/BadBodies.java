package io.parkpulse.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A wide set of bad request bodies for a JSON write endpoint: malformed JSON, wrong shapes, absurd
 * numbers, huge strings and every field of a valid body replaced by values of the wrong kind. A
 * test sends each and expects a 4xx problem, never a 500, and no change.
 */
public final class BadBodies {

    /** Bodies that are wrong whatever the endpoint. */
    public static List<String> generic() {
        List<String> out = new ArrayList<>(List.of(
                "",
                " ",
                "null",
                "[]",
                "[{}]",
                "{",
                "}",
                "{\"a\":",
                "\"text\"",
                "123",
                "true",
                "{\"value\": NaN}",
                "{\"value\": Infinity}",
                "{'single': 'quotes'}",
                "{\"a\":1,}",
                "{\"a\" 1}",
                "\u0000\u0001\u0002",
                "{\"\u0000\": 1}",
                "<xml/>",
                "[".repeat(5000) + "]".repeat(5000),
                "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001)));
        return out;
    }

    /**
     * For each field of a valid body: the body with that field set to values of the wrong kind or
     * size, and the body with that field removed, plus the body with an unknown field added.
     */
    public static List<String> mutations(Map<String, Object> valid) {
        List<Object> wrong = new ArrayList<>(List.of(
                "",
                "x".repeat(10_000),
                -1,
                0,
                "1e400",
                "NaN",
                "1234567890123456789012345678901234567890",
                List.of(),
                Map.of(),
                true,
                "2026-99",
                "\u202e\u0000"));
        wrong.add(null);
        List<String> rawNumbers = List.of(
                "1e400",
                "-1e400",
                "1e-400",
                "123456789012345678901234567890123456789012",
                "0.000000000000000000000000000001",
                "-0");
        List<String> out = new ArrayList<>();
        for (String field : valid.keySet()) {
            for (Object w : wrong) {
                Map<String, Object> m = new LinkedHashMap<>(valid);
                m.put(field, w);
                out.add(Json.write(m));
            }
            for (String raw : rawNumbers) {
                Map<String, Object> m = new LinkedHashMap<>(valid);
                m.put(field, "__RAW__");
                out.add(Json.write(m).replace("\"__RAW__\"", raw));
            }
            Map<String, Object> without = new LinkedHashMap<>(valid);
            without.remove(field);
            out.add(Json.write(without));
        }
        Map<String, Object> extra = new LinkedHashMap<>(valid);
        extra.put("unexpectedField", 1);
        out.add(Json.write(extra));
        return out;
    }

    /** A body over the 2 MiB limit. */
    public static String oversized() {
        return "{\"value\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
    }

    private static final class Json {
        static String write(Object o) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(o);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private BadBodies() {}
}
