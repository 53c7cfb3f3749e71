package io.parkpulse.infra;

import static io.restassured.RestAssured.given;

import io.parkpulse.infra.AuthorizationMatrix.Fixture;
import io.parkpulse.infra.AuthorizationMatrix.Rule;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request as {@link ApiFuzzer} sends it: the valid request a fixture prepares, or a mutation of
 * it. Immutable, so that a refused request can be sent again when the state check needs it.
 */
record FuzzRequest(
        String method,
        String path,
        Map<String, String> pathParams,
        Map<String, String> query,
        Map<String, String> headers,
        String contentType,
        byte[] body) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    /** What an answer shows of itself: its status, type, body if refused, and how long it took. */
    record Answer(int status, String contentType, String body, long millis, String error) {
        boolean success() {
            return status >= 200 && status < 300;
        }

        boolean refused() {
            return status >= 400 && status < 500;
        }
    }

    /** Lets the fixture prepare a request as for the matrix, then reads back what it set. */
    static FuzzRequest baseline(Fixture fixture, Rule rule, Map<String, String> params) {
        FilterableRequestSpecification spec = (FilterableRequestSpecification) given();
        fixture.prepare(spec, rule, params);
        Map<String, String> pathParams = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(rule.path());
        while (m.find()) {
            String value = params.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(rule.key() + ": the fixture gives no value for {" + m.group(1) + "}");
            }
            pathParams.put(m.group(1), value);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : spec.getHeaders()) {
            if (!h.getName().equalsIgnoreCase("Content-Type")
                    && !h.getName().equalsIgnoreCase("Authorization")
                    && !h.getName().equalsIgnoreCase("Accept")) {
                headers.put(h.getName(), h.getValue());
            }
        }
        Object body = spec.getBody();
        byte[] bytes = body == null
                ? null
                : body instanceof byte[] b ? b : body.toString().getBytes(StandardCharsets.UTF_8);
        return new FuzzRequest(
                rule.method(),
                rule.path(),
                Collections.unmodifiableMap(pathParams),
                Collections.unmodifiableMap(new LinkedHashMap<>(spec.getQueryParams())),
                Collections.unmodifiableMap(headers),
                body == null ? null : spec.getContentType(),
                bytes);
    }

    FuzzRequest withPathParam(String name, String value) {
        return new FuzzRequest(method, path, with(pathParams, name, value), query, headers, contentType, body);
    }

    /** A null value leaves the parameter out. */
    FuzzRequest withQuery(String name, String value) {
        return new FuzzRequest(method, path, pathParams, with(query, name, value), headers, contentType, body);
    }

    FuzzRequest withHeader(String name, String value) {
        return new FuzzRequest(method, path, pathParams, query, with(headers, name, value), contentType, body);
    }

    FuzzRequest withBody(String type, byte[] bytes) {
        return new FuzzRequest(method, path, pathParams, query, headers, type, bytes);
    }

    boolean isJson() {
        return contentType != null && contentType.contains("json");
    }

    String bodyText() {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }

    Answer send(String token) {
        RequestSpecification s = given();
        if (token != null) {
            s.auth().oauth2(token);
        }
        s.pathParams(pathParams);
        query.forEach(s::queryParam);
        headers.forEach(s::header);
        if (body != null) {
            if (contentType != null) {
                s.contentType(contentType);
            }
            s.body(body);
        }
        long start = System.nanoTime();
        try {
            Response r = s.request(method, path).andReturn();
            long millis = (System.nanoTime() - start) / 1_000_000;
            // Refusals and JSON answers are read (a batch's per-row outcomes); a successful export may be a
            // large spreadsheet and is not.
            String type = r.contentType();
            String text = r.statusCode() >= 400 || (type != null && type.startsWith("application/json"))
                    ? r.asString()
                    : null;
            return new Answer(r.statusCode(), r.contentType(), text, millis, null);
        } catch (RuntimeException e) {
            return new Answer(-1, null, null, (System.nanoTime() - start) / 1_000_000, e.toString());
        }
    }

    /** The request as a reader of the report needs it: method, path and query with long values shortened. */
    String describe() {
        String p = path;
        for (var e : pathParams.entrySet()) {
            p = p.replace("{" + e.getKey() + "}", Shown.value(e.getValue()));
        }
        StringBuilder sb = new StringBuilder(method).append(' ').append(p);
        char sep = '?';
        for (var e : query.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(Shown.value(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    private static Map<String, String> with(Map<String, String> map, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(map);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Values as a report shows them: invisible characters named, long ones shortened. */
    static final class Shown {
        static String value(String s) {
            return value(s, 60);
        }

        static String value(String s, int limit) {
            if (s == null) {
                return "null";
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(s.length(), limit); i++) {
                char c = s.charAt(i);
                sb.append(invisible(s, i) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
            }
            if (s.length() > limit) {
                sb.append("…(").append(String.format("%,d", s.length())).append(" chars)");
            }
            return sb.toString();
        }

        /** Control, bidi and zero-width characters, and halves of a surrogate pair that stand alone. */
        private static boolean invisible(String s, int i) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c >= 0x200b && c <= 0x200f || c >= 0x202a && c <= 0x202e || c == 0xfeff) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
            }
            if (Character.isLowSurrogate(c)) {
                return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
            }
            return false;
        }

        private Shown() {}
    }
}
