package io.parkpulse.infra;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a service's OpenAPI document that {@link ApiFuzzer} needs: its operations, their
 * parameters and request bodies, and the schemas with references followed.
 */
final class FuzzOpenApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    record Parameter(String name, String in, Schema schema, boolean required) {}

    /** {@code bodies} maps each documented request content type to its schema. */
    record Operation(
            String method, String path, List<Parameter> parameters, Map<String, Schema> bodies, boolean bodyRequired) {
        String key() {
            return method + " " + path;
        }

        Schema jsonBody() {
            for (var e : bodies.entrySet()) {
                if (e.getKey().contains("json")) {
                    return e.getValue();
                }
            }
            return null;
        }

        List<String> fileTypes() {
            return bodies.keySet().stream().filter(FuzzOpenApi::isFileType).toList();
        }
    }

    private final JsonNode root;

    private FuzzOpenApi(JsonNode root) {
        this.root = root;
    }

    static FuzzOpenApi fetch() {
        String text = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            return new FuzzOpenApi(JSON.readTree(text));
        } catch (Exception e) {
            throw new IllegalStateException("the OpenAPI document is not JSON", e);
        }
    }

    static boolean isFileType(String contentType) {
        return contentType.startsWith("text/csv")
                || contentType.contains("spreadsheetml")
                || contentType.startsWith("multipart/");
    }

    List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            // Parameters may be declared once for every method of a path.
            List<Parameter> shared = parameters(p.getValue().path("parameters"));
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                List<Parameter> params = new ArrayList<>(shared);
                for (Parameter own : parameters(op.getValue().path("parameters"))) {
                    params.removeIf(x -> x.name().equals(own.name()) && x.in().equals(own.in()));
                    params.add(own);
                }
                JsonNode body = deref(op.getValue().path("requestBody"));
                Map<String, Schema> bodies = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> c =
                                body.path("content").fields();
                        c.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = c.next();
                    bodies.put(e.getKey(), schema(e.getValue().path("schema")));
                }
                out.add(new Operation(
                        op.getKey().toUpperCase(),
                        p.getKey(),
                        List.copyOf(params),
                        bodies,
                        body.path("required").asBoolean(false)));
            }
        }
        return out;
    }

    private List<Parameter> parameters(JsonNode list) {
        List<Parameter> out = new ArrayList<>();
        for (JsonNode raw : list) {
            JsonNode p = deref(raw);
            String in = p.path("in").asText();
            if (in.equals("cookie")) {
                continue;
            }
            out.add(new Parameter(
                    p.path("name").asText(),
                    in,
                    schema(p.path("schema")),
                    in.equals("path") || p.path("required").asBoolean(false)));
        }
        return out;
    }

    /** A schema with its {@code $ref} (and a lone {@code allOf}) followed; keywords beside the reference win. */
    Schema schema(JsonNode node) {
        JsonNode n = deref(node);
        return n == null || n.isMissingNode() || n.isNull() ? null : new Schema(n, this);
    }

    private JsonNode deref(JsonNode node) {
        JsonNode n = node;
        for (int guard = 0; guard < 20 && n != null; guard++) {
            if (n.has("$ref")) {
                JsonNode target = root.at(n.get("$ref").asText().replaceFirst("^#", ""));
                if (n.size() > 1 && target.isObject()) {
                    ObjectNode merged = ((ObjectNode) target).deepCopy();
                    n.fields().forEachRemaining(e -> {
                        if (!e.getKey().equals("$ref")) {
                            merged.set(e.getKey(), e.getValue());
                        }
                    });
                    n = merged;
                } else {
                    n = target;
                }
            } else if (n.has("allOf") && n.get("allOf").size() == 1) {
                n = n.get("allOf").get(0);
            } else {
                break;
            }
        }
        return n;
    }

    /** A read-only view of one schema. */
    record Schema(JsonNode node, FuzzOpenApi document) {

        String type() {
            JsonNode t = node.path("type");
            if (t.isArray()) {
                for (JsonNode x : t) {
                    if (!x.asText().equals("null")) {
                        return x.asText();
                    }
                }
            }
            if (t.isTextual()) {
                return t.asText();
            }
            if (node.has("properties")) {
                return "object";
            }
            return node.has("items") ? "array" : null;
        }

        String format() {
            return node.path("format").asText(null);
        }

        String pattern() {
            return node.path("pattern").asText(null);
        }

        BigDecimal number(String keyword) {
            JsonNode v = node.path(keyword);
            return v.isNumber() ? v.decimalValue() : null;
        }

        /** The lower bound and whether it is exclusive (OpenAPI 3.1's number or 3.0's boolean form). */
        BigDecimal minimum() {
            return number("exclusiveMinimum") != null ? number("exclusiveMinimum") : number("minimum");
        }

        boolean minimumExclusive() {
            return number("exclusiveMinimum") != null
                    || node.path("exclusiveMinimum").asBoolean(false);
        }

        BigDecimal maximum() {
            return number("exclusiveMaximum") != null ? number("exclusiveMaximum") : number("maximum");
        }

        boolean maximumExclusive() {
            return number("exclusiveMaximum") != null
                    || node.path("exclusiveMaximum").asBoolean(false);
        }

        Integer integer(String keyword) {
            JsonNode v = node.path(keyword);
            return v.canConvertToInt() && v.isNumber() ? v.intValue() : null;
        }

        /**
         * The allowed values: an {@code enum}, or a pattern that is nothing but literal alternatives
         * ({@code CUMULATIVE|STOCK}), which is how a Bean Validation {@code @Pattern} enum reaches the document.
         */
        List<String> enumValues() {
            List<String> out = new ArrayList<>();
            node.path("enum").forEach(v -> out.add(v.asText()));
            String p = pattern();
            if (out.isEmpty() && p != null && p.matches("[A-Za-z0-9_]+(\\|[A-Za-z0-9_]+)+")) {
                out.addAll(List.of(p.split("\\|")));
            }
            return out;
        }

        Schema property(String name) {
            return document.schema(node.path("properties").path(name));
        }

        List<String> propertyNames() {
            List<String> out = new ArrayList<>();
            node.path("properties").fieldNames().forEachRemaining(out::add);
            return out;
        }

        boolean requires(String name) {
            for (JsonNode r : node.path("required")) {
                if (r.asText().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        Schema items() {
            return document.schema(node.path("items"));
        }
    }
}
