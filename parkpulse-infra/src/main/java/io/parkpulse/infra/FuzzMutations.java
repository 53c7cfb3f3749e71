package io.parkpulse.infra;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parkpulse.infra.FuzzOpenApi.Operation;
import io.parkpulse.infra.FuzzOpenApi.Parameter;
import io.parkpulse.infra.FuzzOpenApi.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The hostile variants of one operation's valid request, derived from its OpenAPI description:
 * every body field, parameter and file gets values of the wrong size, sign, type and shape. Each
 * variant knows whether the document forbids it; a forbidden one that a service accepts is a finding.
 */
final class FuzzMutations {

    enum Where {
        BODY,
        QUERY,
        PATH,
        HEADER,
        FILE
    }

    /**
     * @param kind what sort of value, the same across operations (so findings group by it)
     * @param target the field or parameter a refusal should name, or null
     * @param forbidden why the OpenAPI document rules this request out, or null when it allows it
     * @param priority sent to every caller, before the sampled rest
     * @param apply the mutated request, or null where the valid request has no such place
     */
    record Mutation(
            String kind,
            String label,
            String target,
            String forbidden,
            Where where,
            boolean priority,
            UnaryOperator<FuzzRequest> apply) {}

    /**
     * A JSON value as text (a 1001-digit number stays exact, and NaN is no JSON at all), made from the
     * value that is there now (null if none); a null result means "leave it out". Made from the current
     * value because the valid request changes between variants (a new version, a fresh code).
     */
    record Candidate(String kind, String shown, Function<JsonNode, String> raw) {}

    static final String RTL = "\u202E";
    static final String ZERO_WIDTH = "\u200B\u200D\uFEFF";
    static final String EMOJI = "\uD83D\uDE00\uD83C\uDDE8\uD83C\uDDF3";
    static final String DIGITS_1001 = "9".repeat(1001);

    private static final ObjectMapper JSON = FuzzOpenApi.JSON;
    /** Reads candidates exactly and without the parser limits a service has, to judge them by the schema alone. */
    private static final ObjectMapper EXACT = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNumberLength(Integer.MAX_VALUE)
                            .maxNestingDepth(Integer.MAX_VALUE)
                            .build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private static final String PLACEHOLDER = "__parkpulse_fuzz_value__";
    private static final Pattern PERIOD = Pattern.compile("(-?\\d{4,})(?:-(\\d{2})(?:-(\\d{2}))?|-Q(\\d+)|-H(\\d+))?");
    private static final Pattern PERIOD_SHAPED = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?|-Q[1-4]|-H[12])?");
    private static final Set<String> PERIOD_NAMES = Set.of("period", "quarter", "month", "from", "to", "asOf");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private FuzzMutations() {}

    static List<Mutation> forOperation(Operation op, FuzzRequest valid, long seed) {
        List<Mutation> out = new ArrayList<>();
        if (valid.isJson() && valid.body() != null) {
            JsonNode body = parse(valid.body());
            if (body != null) {
                out.addAll(wholeBody(op, body));
                List<Spot> spots = new ArrayList<>();
                spots(op.jsonBody(), body, List.of(), spots);
                for (Spot s : spots) {
                    for (Candidate c : candidates(s.schema(), s.value(), s.name())) {
                        out.add(new Mutation(
                                "body " + c.kind(),
                                "body" + (s.label().startsWith("[") ? "" : ".") + s.label() + " = " + c.shown(),
                                s.label(),
                                violation(s, c),
                                Where.BODY,
                                false,
                                r -> editJson(r, s.path(), c.raw())));
                    }
                }
            }
        }
        if (!op.fileTypes().isEmpty()) {
            out.addAll(FuzzFiles.mutations(op, valid, seed));
        }
        for (Parameter p : op.parameters()) {
            out.addAll(parameter(p, valid));
        }
        return out;
    }

    // ---- whole JSON bodies ------------------------------------------------------------------

    /** Bodies wrong for every JSON operation: not JSON, not an object, or JSON only by a lenient parser. */
    static final List<String> GENERIC_BAD_BODIES = List.of(
            " ",
            "[{}]",
            "{",
            "}",
            "{\"a\":",
            "\"text\"",
            "123",
            "true",
            "{\"value\": NaN}",
            "{\"value\": Infinity}",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "\u0000\u0001\u0002",
            "{\"\u0000\": 1}",
            "<xml/>");

    private static List<Mutation> wholeBody(Operation op, JsonNode body) {
        List<Mutation> out = new ArrayList<>();
        boolean array = body.isArray();
        JsonNode first = array ? (body.size() > 0 ? body.get(0) : null) : body;
        Schema objectSchema =
                op.jsonBody() == null ? null : array ? op.jsonBody().items() : op.jsonBody();
        if (first instanceof ObjectNode o && o.size() > 0) {
            String name = firstField(o, objectSchema);
            out.add(priority(
                    "duplicate key",
                    "every field, then \"" + name + "\" again",
                    "repeats a key",
                    r -> editObject(r, array, x -> everyFieldThenFirstAgain(x, objectSchema))));
            out.add(new Mutation(
                    "unknown field",
                    "body with an extra \"unexpectedField\"",
                    "unexpectedField",
                    "has a field the schema does not define",
                    Where.BODY,
                    true,
                    r -> editObject(r, array, valid -> write(withUnknownField(valid)))));
        }
        out.add(priority(
                "trailing garbage", "body + \" x\"", "has text after the JSON document", r -> appendBody(r, " x")));
        out.add(priority("trailing document", "body + \"{}\"", "has a second JSON document", r -> appendBody(r, "{}")));
        out.add(priority(
                "malformed JSON",
                "body without its last character",
                "is not JSON",
                r -> replaceBody(
                        r, r.bodyText().substring(0, Math.max(0, r.bodyText().length() - 1)))));
        out.add(priority(
                "deep nesting",
                "10,000 nested arrays",
                "is not the documented shape",
                r -> replaceBody(r, "[".repeat(10_000) + "]".repeat(10_000))));
        out.add(priority(
                "wrong content type",
                "JSON body sent as text/plain",
                "is not sent as JSON",
                r -> r.withBody("text/plain", r.body())));
        out.add(priority(
                "empty body",
                "empty body",
                op.bodyRequired() ? "has no body although one is required" : null,
                r -> replaceBody(r, "")));
        out.add(whole(
                "null body",
                "body = null",
                op.bodyRequired() ? "has no body although one is required" : null,
                r -> replaceBody(r, "null")));
        out.add(whole(
                "wrong body shape",
                array ? "body = {}" : "body = []",
                "is not the documented shape",
                r -> replaceBody(r, array ? "{}" : "[]")));
        out.add(whole(
                "single quotes",
                "body with single-quoted names",
                "is not JSON",
                r -> replaceBody(r, r.bodyText().replace('"', '\''))));
        out.add(whole(
                "deep nesting",
                "3,000 nested objects",
                "is not the documented shape",
                r -> replaceBody(r, "{\"a\":".repeat(3000) + "1" + "}".repeat(3000))));
        out.add(whole(
                "byte order mark",
                "body after a UTF-8 byte order mark",
                null,
                r -> replaceBody(r, "\uFEFF" + r.bodyText())));
        // After the other priorities, so that only admitted callers, who get past authorization to the
        // parser, spend requests on them.
        for (String bad : GENERIC_BAD_BODIES) {
            out.add(priority(
                    "malformed body",
                    "body = " + (bad.length() > 40 ? bad.substring(0, 40) + "…" : bad),
                    "is not the documented shape",
                    r -> replaceBody(r, bad)));
        }
        Schema schema = op.jsonBody();
        Integer maxItems = schema == null ? null : schema.integer("maxItems");
        if (array && maxItems != null && first != null) {
            out.add(whole(
                    "too many items",
                    "body with " + (maxItems + 1) + " items",
                    "has more than " + maxItems + " items",
                    r -> {
                        JsonNode now = parse(r.body());
                        return now == null || now.size() == 0
                                ? null
                                : replaceBody(
                                        r,
                                        "[" + String.join(",", Collections.nCopies(maxItems + 1, write(now.get(0))))
                                                + "]");
                    }));
        }
        return out;
    }

    /**
     * Every documented field once (those the valid body leaves out as null), then the first again with
     * the same value. A parser that lets the last one win accepts it; a record deserializer that has
     * already seen all of its properties when the repeat arrives fails in its own way.
     */
    private static String everyFieldThenFirstAgain(ObjectNode valid, Schema schema) {
        ObjectNode o = valid.deepCopy();
        if (schema != null) {
            schema.propertyNames().forEach(n -> {
                if (!o.has(n)) {
                    o.putNull(n);
                }
            });
        }
        String all = write(o);
        String name = firstField(valid, schema);
        return all.substring(0, all.length() - 1) + ","
                + write(JSON.getNodeFactory().textNode(name)) + ":" + write(o.get(name)) + "}";
    }

    private static ObjectNode withUnknownField(ObjectNode valid) {
        ObjectNode extra = valid.deepCopy();
        extra.put("unexpectedField", 1);
        return extra;
    }

    /** The body object (or, for an array body, its first item) rewritten as raw text. */
    private static FuzzRequest editObject(FuzzRequest r, boolean array, Function<ObjectNode, String> edit) {
        JsonNode now = parse(r.body());
        JsonNode target = now == null ? null : array ? now.get(0) : now;
        if (!(target instanceof ObjectNode o) || o.size() == 0) {
            return null;
        }
        return array ? editJson(r, List.of(0), x -> edit.apply(o)) : replaceBody(r, edit.apply(o));
    }

    private static FuzzRequest appendBody(FuzzRequest r, String tail) {
        return replaceBody(r, r.bodyText() + tail);
    }

    private static Mutation priority(String kind, String label, String forbidden, UnaryOperator<FuzzRequest> apply) {
        return new Mutation(kind, label, null, forbidden, Where.BODY, true, apply);
    }

    private static Mutation whole(String kind, String label, String forbidden, UnaryOperator<FuzzRequest> apply) {
        return new Mutation(kind, label, null, forbidden, Where.BODY, false, apply);
    }

    private static FuzzRequest replaceBody(FuzzRequest r, String text) {
        return r.withBody(r.contentType(), text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- body fields ------------------------------------------------------------------------

    /** One place in the body: a field (present or documented), or the first item of an array of scalars. */
    record Spot(List<Object> path, Schema schema, JsonNode value, boolean required) {
        String name() {
            for (int i = path.size() - 1; i >= 0; i--) {
                if (path.get(i) instanceof String s) {
                    return s;
                }
            }
            return "";
        }

        String label() {
            StringBuilder sb = new StringBuilder();
            for (Object p : path) {
                if (p instanceof Integer i) {
                    sb.append('[').append(i).append(']');
                } else {
                    sb.append(sb.isEmpty() ? "" : ".").append(p);
                }
            }
            return sb.toString();
        }
    }

    private static void spots(Schema schema, JsonNode value, List<Object> path, List<Spot> out) {
        if (path.size() > 6) {
            return;
        }
        if (value != null && value.isArray()) {
            if (value.size() > 0) {
                JsonNode item = value.get(0);
                Schema itemSchema = schema == null ? null : schema.items();
                List<Object> at = append(path, 0);
                if (item.isObject()) {
                    spots(itemSchema, item, at, out);
                } else if (!path.isEmpty()) {
                    out.add(new Spot(at, itemSchema, item, false));
                }
            }
            return;
        }
        if (value != null && !value.isObject()) {
            return;
        }
        for (String name : fieldNames(value, schema)) {
            Schema child = schema == null ? null : schema.property(name);
            JsonNode v = value == null ? null : value.get(name);
            List<Object> at = append(path, name);
            out.add(new Spot(at, child, v, schema != null && schema.requires(name)));
            if (v != null && (v.isObject() || v.isArray())) {
                spots(child, v, at, out);
            }
        }
    }

    /**
     * Documented fields in the document's order, then undocumented ones by name: fixtures build bodies
     * from maps whose order changes from run to run, and the seeded sample must not change with it.
     */
    private static List<String> fieldNames(JsonNode value, Schema schema) {
        Set<String> names = new LinkedHashSet<>();
        if (schema != null) {
            names.addAll(schema.propertyNames());
        }
        if (value != null) {
            List<String> undocumented = new ArrayList<>();
            value.fieldNames().forEachRemaining(undocumented::add);
            undocumented.stream().sorted().forEach(names::add);
        }
        return List.copyOf(names);
    }

    /** The field that the duplicate-key variant repeats: the first one the body has, in a stable order. */
    private static String firstField(ObjectNode o, Schema schema) {
        return fieldNames(o, schema).stream().filter(o::has).findFirst().orElseThrow();
    }

    private static List<Object> append(List<Object> path, Object next) {
        List<Object> out = new ArrayList<>(path);
        out.add(next);
        return List.copyOf(out);
    }

    /** The values tried in one place, chosen by its documented type (or, undocumented, by its valid value's). */
    static List<Candidate> candidates(Schema schema, JsonNode valid, String name) {
        String type = schema != null && schema.type() != null ? schema.type() : jsonType(valid);
        List<Candidate> out = new ArrayList<>();
        switch (type) {
            case "integer", "number" -> numbers(schema, type.equals("integer"), out);
            case "boolean" -> booleans(out);
            case "array" -> {
                out.add(fixed("object for array", "{}"));
                out.add(fixed("string for array", "\"x\""));
                out.add(fixed("empty array", "[]"));
                Integer max = schema == null ? null : schema.integer("maxItems");
                if (max != null) {
                    out.add(new Candidate(
                            "too many items",
                            (max + 1) + " items",
                            v -> v == null || v.size() == 0
                                    ? "[]"
                                    : "[" + String.join(",", Collections.nCopies(max + 1, write(v.get(0)))) + "]"));
                }
            }
            case "object" -> {
                out.add(fixed("array for object", "[]"));
                out.add(fixed("string for object", "\"x\""));
                out.add(fixed("number for object", "1"));
                out.add(new Candidate(
                        "deep nesting", "1,500 nested objects", v -> "{\"a\":".repeat(1500) + "1" + "}".repeat(1500)));
                out.add(new Candidate(
                        "unknown field",
                        "{…, \"unexpectedField\": 1}",
                        v -> write(withUnknownField(v instanceof ObjectNode o ? o : JSON.createObjectNode()))));
            }
            default -> strings(schema, valid, name, out);
        }
        out.add(fixed("null", "null"));
        out.add(new Candidate("missing", "(left out)", v -> null));
        return out;
    }

    private static void strings(Schema schema, JsonNode valid, String name, List<Candidate> out) {
        String example = textOf(valid);
        out.add(text("empty string", ""));
        out.add(text("10,000-char string", "x".repeat(10_000)));
        // Odd characters after the valid text, so that whatever else checks the value still lets it through.
        out.add(appended("RTL override", RTL + "evil"));
        out.add(appended("newlines", "\nline\r\nbreak"));
        out.add(appended("zero-width characters", ZERO_WIDTH));
        out.add(appended("surrogate-pair emoji", EMOJI));
        out.add(appended("NUL character", "\u0000"));
        out.add(new Candidate("lone surrogate", "\"…\\uD800\"", v -> {
            String quoted = write(JSON.getNodeFactory().textNode(textOf(v)));
            return quoted.substring(0, quoted.length() - 1) + "\\uD800\"";
        }));
        out.add(fixed("number for string", "123"));
        out.add(fixed("boolean for string", "true"));
        out.add(fixed("object for string", "{}"));
        out.add(fixed("array for string", "[\"x\"]"));
        List<String> allowed = schema == null ? List.of() : schema.enumValues();
        if (!allowed.isEmpty()) {
            out.add(text("wrong enum value", "NOT_A_VALUE"));
            // The valid value, or an allowed one where the valid body has none, in the other case.
            Function<JsonNode, String> flipped =
                    v -> flipCase(v != null && v.isTextual() ? v.asText() : allowed.get(0));
            out.add(new Candidate(
                    "enum value in the wrong case",
                    "\"" + flipped.apply(valid) + "\"",
                    v -> write(JSON.getNodeFactory().textNode(flipped.apply(v)))));
        }
        String format = schema == null ? null : schema.format();
        if ("uuid".equals(format) || UUID.matcher(example).matches()) {
            out.add(text("malformed UUID", "not-a-uuid"));
            out.add(text("nil UUID", "00000000-0000-0000-0000-000000000000"));
        }
        if ("date".equals(format) || isDateShaped(example)) {
            for (String d : List.of(
                    "0000-01-01", "-0001-01-01", "9999-12-31", "2025-02-30", "2025-13-01", "2025-01-01T00:00:00Z")) {
                out.add(text("date " + d, d));
            }
        } else if (periodLike(name, example)) {
            for (String p :
                    List.of("0000-Q1", "0000-01", "-0001-01", "9999-12", "2099-Q1", "1999-12", "2025-13", "2025-Q5")) {
                out.add(text("period " + p, p));
            }
        }
    }

    /**
     * A lenient parser coerces a wrong type to a value; these coerce to the valid value itself, so an
     * accepted one shows the leniency without storing anything the fixture did not mean.
     */
    private static void numbers(Schema schema, boolean integer, List<Candidate> out) {
        out.add(fixed("zero", "0"));
        out.add(fixed("negative", "-1"));
        out.add(new Candidate("huge number", "1001-digit number", v -> DIGITS_1001));
        out.add(new Candidate("huge negative number", "-(1001-digit number)", v -> "-" + DIGITS_1001));
        out.add(fixed("1e400", "1e400"));
        out.add(fixed("negative zero", "-0"));
        out.add(fixed("NaN", "NaN"));
        out.add(new Candidate(
                "numeric string", "\"<valid number>\"", v -> "\"" + numberOf(v).toPlainString() + "\""));
        out.add(fixed("string for number", "\"abc\""));
        out.add(fixed("boolean for number", "true"));
        out.add(fixed("object for number", "{}"));
        out.add(new Candidate(
                "array for number", "[<valid number>]", v -> "[" + numberOf(v).toPlainString() + "]"));
        if (integer) {
            out.add(new Candidate(
                    "fraction for integer",
                    "<valid number> + 0.5",
                    v -> numberOf(v).add(new BigDecimal("0.5")).toPlainString()));
            out.add(fixed("int32 overflow", "2147483648"));
            out.add(fixed("int64 overflow", "9223372036854775808"));
        } else {
            out.add(fixed("tiny fraction", "1e-400"));
        }
        if (schema == null) {
            return;
        }
        BigDecimal step = schema.number("multipleOf");
        if (step != null) {
            out.add(new Candidate(
                    "too many decimals",
                    "<valid number> + " + step.movePointLeft(1).toPlainString(),
                    v -> numberOf(v).add(step.movePointLeft(1)).toPlainString()));
        }
        BigDecimal min = schema.minimum();
        if (min != null) {
            out.add(fixed("boundary", min.toPlainString()));
            out.add(fixed(
                    "below minimum",
                    min.subtract(step != null ? step : BigDecimal.ONE).toPlainString()));
        }
        BigDecimal max = schema.maximum();
        if (max != null) {
            out.add(fixed("boundary", max.toPlainString()));
            out.add(fixed(
                    "above maximum",
                    max.add(step != null ? step : BigDecimal.ONE).toPlainString()));
        }
    }

    private static void booleans(List<Candidate> out) {
        out.add(new Candidate(
                "number for boolean", "1 or 0 (as valid)", v -> v != null && v.asBoolean(false) ? "1" : "0"));
        out.add(new Candidate(
                "string for boolean",
                "\"true\" or \"false\" (as valid)",
                v -> v != null && v.asBoolean(false) ? "\"true\"" : "\"false\""));
        out.add(fixed("word for boolean", "\"yes\""));
        out.add(fixed("object for boolean", "{}"));
    }

    private static String textOf(JsonNode v) {
        return v != null && v.isTextual() ? v.asText() : "x";
    }

    private static BigDecimal numberOf(JsonNode v) {
        return v != null && v.isNumber() ? v.decimalValue().stripTrailingZeros() : BigDecimal.ONE;
    }

    private static Candidate fixed(String kind, String raw) {
        return new Candidate(kind, raw, v -> raw);
    }

    private static Candidate text(String kind, String value) {
        String raw = write(JSON.getNodeFactory().textNode(value));
        return new Candidate(kind, "\"" + FuzzRequest.Shown.value(value) + "\"", v -> raw);
    }

    private static Candidate appended(String kind, String suffix) {
        return new Candidate(
                kind,
                "\"<valid text>" + FuzzRequest.Shown.value(suffix) + "\"",
                v -> write(JSON.getNodeFactory().textNode(textOf(v) + suffix)));
    }

    /** Why the document rules out this value here, or null. */
    static String violation(Spot spot, Candidate c) {
        String raw = c.raw().apply(spot.value());
        if (raw == null) {
            return spot.required() ? "leaves out a required field" : null;
        }
        JsonNode v;
        try {
            v = EXACT.readTree(raw);
        } catch (Exception e) {
            return "is not JSON";
        }
        if (v.isNull()) {
            return spot.required() ? "is null for a required field" : null;
        }
        Schema s = spot.schema();
        String type = s == null ? null : s.type();
        if (type == null) {
            return null;
        }
        String actual = jsonType(v);
        boolean typeOk = switch (type) {
            case "integer", "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "array" -> v.isArray();
            case "object" -> v.isObject();
            default -> v.isTextual();
        };
        if (!typeOk) {
            return "has the wrong JSON type (" + actual + " for " + type + ")";
        }
        return switch (type) {
            case "integer", "number" -> numberViolation(s, v.decimalValue(), type.equals("integer"));
            case "array" -> {
                Integer max = s.integer("maxItems");
                yield max != null && v.size() > max ? "has more than " + max + " items" : null;
            }
            case "object" -> {
                Set<String> known = new LinkedHashSet<>(s.propertyNames());
                for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                    if (!known.isEmpty() && !known.contains(it.next())) {
                        yield "has a field the schema does not define";
                    }
                }
                yield null;
            }
            case "boolean" -> null;
            default ->
                stringViolation(
                        s,
                        v.asText(),
                        periodLike(
                                spot.name(), spot.value() != null ? spot.value().asText() : null));
        };
    }

    // ---- parameters -------------------------------------------------------------------------

    private static List<Mutation> parameter(Parameter p, FuzzRequest valid) {
        Where where = switch (p.in()) {
            case "path" -> Where.PATH;
            case "header" -> Where.HEADER;
            default -> Where.QUERY;
        };
        String current = switch (where) {
            case PATH -> valid.pathParams().get(p.name());
            case HEADER -> valid.headers().get(p.name());
            default -> valid.query().get(p.name());
        };
        List<String[]> values = new ArrayList<>();
        // Header values travel as ASCII and end at a line break, so only printable ones are tried there.
        for (String v : List.of("abc", "-1", "", "x".repeat(5000))) {
            values.add(new String[] {v.length() > 100 ? "5,000 chars" : "'" + v + "'", v});
        }
        if (where != Where.HEADER) {
            for (String v : List.of(
                    "2147483648", "99999999999", "not-a-uuid", "0000-01", "9999-12", "2099-Q1", "0000-Q1", "1.5")) {
                values.add(new String[] {"'" + v + "'", v});
            }
            values.add(new String[] {"1001-digit number", DIGITS_1001});
            values.add(new String[] {"RTL override", (current == null ? "" : current) + RTL + "evil"});
            values.add(new String[] {"newline", (current == null ? "" : current) + "\n"});
            values.add(new String[] {"zero-width characters", (current == null ? "" : current) + ZERO_WIDTH});
            values.add(new String[] {"surrogate-pair emoji", EMOJI});
            values.add(new String[] {"NUL character", (current == null ? "" : current) + "\u0000"});
            Schema s = p.schema();
            if (s != null && ("integer".equals(s.type()) || "number".equals(s.type()))) {
                if (s.minimum() != null) {
                    values.add(new String[] {"boundary", s.minimum().toPlainString()});
                    values.add(new String[] {
                        "below minimum", s.minimum().subtract(BigDecimal.ONE).toPlainString()
                    });
                }
                if (s.maximum() != null) {
                    values.add(new String[] {"boundary", s.maximum().toPlainString()});
                    values.add(new String[] {
                        "above maximum", s.maximum().add(BigDecimal.ONE).toPlainString()
                    });
                }
            }
            if (s != null && !s.enumValues().isEmpty()) {
                values.add(new String[] {
                    "enum value in the wrong case",
                    flipCase(current != null ? current : s.enumValues().get(0))
                });
            }
        }
        String in = where.name().toLowerCase(Locale.ROOT);
        List<Mutation> out = new ArrayList<>();
        for (String[] v : values) {
            String value = v[1];
            out.add(new Mutation(
                    in + " " + v[0],
                    in + " " + p.name() + " = \"" + FuzzRequest.Shown.value(value) + "\"",
                    p.name(),
                    parameterViolation(p, value, current),
                    where,
                    false,
                    r -> setParameter(r, where, p.name(), value)));
        }
        if (current != null && where != Where.PATH) {
            out.add(new Mutation(
                    in + " missing",
                    in + " " + p.name() + " left out",
                    p.name(),
                    p.required() ? "leaves out a required parameter" : null,
                    where,
                    false,
                    r -> setParameter(r, where, p.name(), null)));
        }
        return out;
    }

    private static FuzzRequest setParameter(FuzzRequest r, Where where, String name, String value) {
        return switch (where) {
            case PATH -> r.withPathParam(name, value);
            case HEADER -> r.withHeader(name, value);
            default -> r.withQuery(name, value);
        };
    }

    /** Why the document rules out this parameter value, or null. An empty query value counts as none. */
    static String parameterViolation(Parameter p, String value, String valid) {
        if (value.isEmpty()) {
            return null;
        }
        Schema s = p.schema();
        String type = s == null || s.type() == null ? "string" : s.type();
        switch (type) {
            case "integer", "number" -> {
                BigDecimal n;
                try {
                    n = new BigDecimal(value);
                } catch (NumberFormatException e) {
                    return "is not a number";
                }
                return numberViolation(s, n, type.equals("integer"));
            }
            case "boolean" -> {
                return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null : "is not a boolean";
            }
            case "string" -> {
                return s == null
                        ? periodViolation(p.name(), valid, value)
                        : stringViolation(s, value, periodLike(p.name(), valid));
            }
            default -> {
                return null;
            }
        }
    }

    private static String periodViolation(String name, String valid, String value) {
        if (!periodLike(name, valid)) {
            return null;
        }
        if (impossiblePeriod(value)) {
            return "is an impossible date or period";
        }
        return outsideCalendar(value, latestPeriodYear()) ? "is a period outside the platform's calendar" : null;
    }

    // ---- judging values against a schema ----------------------------------------------------

    private static String numberViolation(Schema s, BigDecimal n, boolean integer) {
        if (integer && n.stripTrailingZeros().scale() > 0) {
            return "is not an integer";
        }
        if (integer && s != null) {
            String format = s.format();
            BigInteger i = n.toBigInteger();
            if ("int32".equals(format) && i.bitLength() > 31) {
                return "is outside int32";
            }
            if ("int64".equals(format) && i.bitLength() > 63) {
                return "is outside int64";
            }
        }
        if (s == null) {
            return null;
        }
        BigDecimal min = s.minimum();
        if (min != null && (s.minimumExclusive() ? n.compareTo(min) <= 0 : n.compareTo(min) < 0)) {
            return "is below the minimum " + min.toPlainString();
        }
        BigDecimal max = s.maximum();
        if (max != null && (s.maximumExclusive() ? n.compareTo(max) >= 0 : n.compareTo(max) > 0)) {
            return "is above the maximum " + max.toPlainString();
        }
        BigDecimal step = s.number("multipleOf");
        if (step != null && step.signum() > 0 && n.remainder(step).signum() != 0) {
            return "is not a multiple of " + step.toPlainString();
        }
        return null;
    }

    static String stringViolation(Schema s, String value, boolean periodLike) {
        List<String> allowed = s.enumValues();
        if (!allowed.isEmpty()) {
            return allowed.contains(value) ? null : "is not one of " + allowed;
        }
        String format = s.format();
        if ("uuid".equals(format) && !UUID.matcher(value).matches()) {
            return "is not a UUID";
        }
        if ("date".equals(format)) {
            if (!isDate(value)) {
                return "is not a date (YYYY-MM-DD)";
            }
            if (impossiblePeriod(value)) {
                return "is an impossible date";
            }
            if (outsideCalendar(value, LATEST_DATE_YEAR)) {
                return "is a date outside the platform's calendar";
            }
        }
        Integer max = s.integer("maxLength");
        if (max != null && value.codePointCount(0, value.length()) > max) {
            return "is longer than " + max;
        }
        Integer min = s.integer("minLength");
        if (min != null && value.codePointCount(0, value.length()) < min) {
            return "is shorter than " + min;
        }
        String pattern = s.pattern();
        if (pattern != null) {
            try {
                // Unanchored, as OpenAPI means it: only a value that matches nowhere is surely wrong.
                if (!Pattern.compile(pattern).matcher(value).find()) {
                    return "does not match " + pattern;
                }
            } catch (PatternSyntaxException e) {
                // A pattern Java cannot read says nothing here.
            }
        }
        if (periodLike && impossiblePeriod(value)) {
            return "is an impossible date or period";
        }
        if (periodLike && outsideCalendar(value, latestPeriodYear())) {
            return "is a period outside the platform's calendar";
        }
        return null;
    }

    /** A value whose name or valid value says it is a month, quarter, half, year or day. */
    private static boolean periodLike(String name, String valid) {
        return PERIOD_NAMES.contains(name)
                || valid != null && PERIOD_SHAPED.matcher(valid).matches();
    }

    /**
     * The platform's calendar (parkpulse-common's DateBounds): nothing before 2000; periods up to next
     * year; no date beyond 2099, whatever a field's own range (which the document does not state) allows.
     */
    static final int EARLIEST_YEAR = 2000;

    static final int LATEST_DATE_YEAR = 2099;

    static int latestPeriodYear() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + 1;
    }

    /** A well-formed date or period whose year lies outside {@value #EARLIEST_YEAR} to {@code latestYear}. */
    static boolean outsideCalendar(String value, int latestYear) {
        Matcher m = PERIOD.matcher(value);
        if (!m.matches()) {
            return false;
        }
        try {
            long year = Long.parseLong(m.group(1));
            return year < EARLIEST_YEAR || year > latestYear;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Year zero or before, month 0 or 13, the 30th of February, a fifth quarter. */
    static boolean impossiblePeriod(String value) {
        Matcher m = PERIOD.matcher(value);
        if (!m.matches()) {
            return false;
        }
        long year;
        try {
            year = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return true;
        }
        if (year <= 0) {
            return true;
        }
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                return true;
            }
            if (m.group(3) != null && year <= 999_999) {
                return !YearMonth.of((int) year, month).isValidDay(Integer.parseInt(m.group(3)));
            }
        }
        if (m.group(4) != null) {
            int q = Integer.parseInt(m.group(4));
            return q < 1 || q > 4;
        }
        if (m.group(5) != null) {
            int h = Integer.parseInt(m.group(5));
            return h < 1 || h > 2;
        }
        return false;
    }

    private static boolean isDate(String value) {
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return false;
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isDateShaped(String value) {
        return value.matches("\\d{4}-\\d{2}-\\d{2}");
    }

    static String jsonType(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isIntegralNumber()) {
            return "integer";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        return v.isArray() ? "array" : "object";
    }

    private static String flipCase(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.equals(s) ? s.toUpperCase(Locale.ROOT) : lower;
    }

    // ---- editing JSON -----------------------------------------------------------------------

    static JsonNode parse(byte[] body) {
        try {
            return EXACT.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with the value at {@code path} replaced by raw JSON text made from the value there, or removed (null). */
    static FuzzRequest editJson(FuzzRequest r, List<Object> path, Function<JsonNode, String> rawOf) {
        JsonNode root = r.body() == null ? null : parse(r.body());
        if (root == null || path.isEmpty()) {
            return null;
        }
        JsonNode parent = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
            if (parent == null) {
                return null;
            }
        }
        Object last = path.get(path.size() - 1);
        JsonNode current = last instanceof Integer i ? parent.get(i) : parent.get((String) last);
        String raw = rawOf.apply(current);
        if (parent instanceof ObjectNode o && last instanceof String name) {
            if (raw == null) {
                o.remove(name);
            } else {
                o.put(name, PLACEHOLDER);
            }
        } else if (parent instanceof ArrayNode a && last instanceof Integer i && i < a.size()) {
            if (raw == null) {
                a.remove(i);
            } else {
                a.set(i, JSON.getNodeFactory().textNode(PLACEHOLDER));
            }
        } else {
            return null;
        }
        String text = write(root);
        if (raw != null) {
            text = text.replace("\"" + PLACEHOLDER + "\"", raw);
        }
        return replaceBody(r, text);
    }
}
