package io.parkpulse.infra;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What every service must do with hostile requests, whatever its endpoints: refuse duplicate keys,
 * trailing content and scalar coercion in JSON; name a malformed query parameter without exception
 * text; refuse tokens issued in the future, older than their maximum age or with roles in the wrong
 * shape; accept a long, odd user name without failing; show anonymous health callers nothing but
 * UP/DOWN; answer an oversize body (announced or chunked), address or header block with a problem.
 * Every refusal is in Chinese, or in English when asked for (see {@link Languages}). Each service proves
 * it on its own, as with {@link TokenChecks}.
 */
public final class HttpHardening {

    /** Words that mean a message shows the framework, not the reason. */
    static final List<String> LEAKS = List.of(
            "For input string",
            "Invalid UUID",
            "com.fasterxml",
            "jackson",
            "Jackson",
            "java.lang",
            "Exception",
            "StreamReadConstraints",
            "`");

    /**
     * @param method     of a JSON write the token may call
     * @param path       of that write
     * @param valid      its valid body, fields in order; the first must be a field the write reads
     * @param textField  a field of the body that takes text
     * @param token      a caller allowed to write
     * @param listPath   a paged list the token may read ({@code page}, {@code size})
     * @param state      what a refused request must leave unchanged
     */
    public record Spec(
            String method,
            String path,
            Map<String, Object> valid,
            String textField,
            String token,
            String listPath,
            Supplier<String> state) {}

    private HttpHardening() {}

    public static void verify(Spec spec) throws Exception {
        List<String> failures = new ArrayList<>();
        String before = spec.state().get();
        String body = json(spec.valid());
        String first = spec.valid().keySet().iterator().next();

        String duplicated = body.substring(0, body.length() - 1) + ",\"" + first + "\":"
                + json(spec.valid().get(first)) + "}";
        refused(failures, "a duplicated key", send(spec, duplicated), 400, "duplicate_field", first);
        refused(
                failures,
                "a duplicated key, asked in English",
                given().auth()
                        .oauth2(spec.token())
                        .header(Languages.HEADER, "en")
                        .contentType("application/json")
                        .body(duplicated)
                        .request(spec.method(), spec.path())
                        .andReturn(),
                400,
                "duplicate_field",
                first,
                true);
        refused(failures, "trailing garbage", send(spec, body + " x"), 400, "trailing_content", null);
        refused(failures, "a second document", send(spec, body + "{}"), 400, "trailing_content", null);
        Map<String, Object> number = new LinkedHashMap<>(spec.valid());
        number.put(spec.textField(), 123);
        refused(failures, "a number for text", send(spec, json(number)), 400, "wrong_type", spec.textField());
        refused(
                failures,
                "a 1001-digit number",
                send(spec, json(number).replace("123", "9".repeat(1001))),
                400,
                null,
                spec.textField());

        refused(
                failures,
                "page=abc",
                given().auth()
                        .oauth2(spec.token())
                        .queryParam("page", "abc")
                        .get(spec.listPath())
                        .andReturn(),
                400,
                null,
                "page");
        refused(
                failures,
                "page=abc, asked in English",
                given().auth()
                        .oauth2(spec.token())
                        .header(Languages.HEADER, "en-GB,en;q=0.9")
                        .queryParam("page", "abc")
                        .get(spec.listPath())
                        .andReturn(),
                400,
                null,
                "page",
                true);
        refused(
                failures,
                "size=2147483648",
                given().auth()
                        .oauth2(spec.token())
                        .queryParam("size", "2147483648")
                        .get(spec.listPath())
                        .andReturn(),
                400,
                null,
                "size");

        Instant now = Instant.now();
        refused(
                failures,
                "a token issued ten minutes ahead",
                bearer(
                        spec,
                        Tokens.builder()
                                .role("bureau-admin")
                                .claim("iat", now.plusSeconds(600).getEpochSecond())
                                .sign()),
                401,
                null,
                null);
        refused(
                failures,
                "a token issued two days ago that expires in 9999",
                bearer(
                        spec,
                        Tokens.builder()
                                .role("bureau-admin")
                                .claim("iat", now.minus(Duration.ofDays(2)).getEpochSecond())
                                .claim(
                                        "exp",
                                        Instant.parse("9999-01-01T00:00:00Z").getEpochSecond())
                                .sign()),
                401,
                null,
                null);
        refused(
                failures,
                "roles as one space-separated string",
                bearer(
                        spec,
                        Tokens.builder()
                                .role()
                                .claim(
                                        "realm_access",
                                        Map.of("roles", "bureau-admin bureau-analyst service park-staff"))
                                .sign()),
                401,
                null,
                null);

        for (String health : HEALTH_PATHS) {
            Response r = given().get(health).andReturn();
            String leak = healthLeak(r.statusCode(), r.asString());
            if (leak != null) {
                failures.add(health + " " + leak + ": " + abbreviate(r.asString()));
            }
        }

        refused(
                failures,
                "a 9,000-character address",
                given().auth()
                        .oauth2(spec.token())
                        .queryParam("q", "x".repeat(9000))
                        .get(spec.listPath())
                        .andReturn(),
                414,
                "uri_too_long",
                null);
        refused(
                failures,
                "20 KiB of headers",
                given().auth()
                        .oauth2(spec.token())
                        .header("X-Padding", "x".repeat(20_000))
                        .get(spec.listPath())
                        .andReturn(),
                431,
                "headers_too_large",
                null);
        String oversize = "{\"" + spec.textField() + "\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        refused(failures, "a 3 MiB body with its length", send(spec, oversize), 413, "too_large", null);
        chunked(failures, spec, oversize);

        String after = spec.state().get();
        if (!before.equals(after)) {
            failures.add("a refused request changed the service's state");
        }

        // Keycloak allows 255 characters in a user name; ours are stored at most 200, without control characters.
        String odd = "用户\n" + "\u202e" + "x".repeat(300);
        Response r = given().auth()
                .oauth2(Tokens.builder().role("bureau-admin").user(odd).sign())
                .contentType("application/json")
                .body(body)
                .request(spec.method(), spec.path())
                .andReturn();
        if (r.statusCode() >= 500) {
            failures.add(
                    "a 300-character user name with a newline → " + r.statusCode() + ": " + abbreviate(r.asString()));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Every health address a probe or a stranger can call without a token. */
    public static final List<String> HEALTH_PATHS =
            List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/health/started", "/q/health/group/messaging");

    /**
     * What an anonymous health answer shows beyond UP or DOWN per check, or null when it shows nothing more: the
     * answer is {@code {"status", "checks": [{"name", "status"}]}} and nothing else (no {@code data}, which is
     * where Quarkus's own checks put data-source names and broker addresses, and where an exception's class and
     * message go when a check throws), with no address or exception text anywhere in it.
     */
    public static String healthLeak(int status, String body) {
        if (status != 200 && status != 503) {
            return "answers " + status;
        }
        Map<?, ?> answer;
        try {
            answer = JSON.readValue(body, Map.class);
        } catch (IOException e) {
            return "is not JSON";
        }
        if (!Set.of("status", "checks").equals(answer.keySet()) || !UP_DOWN.contains(answer.get("status"))) {
            return "answers more than a status and its checks";
        }
        if (!(answer.get("checks") instanceof List<?> checks)) {
            return "has no list of checks";
        }
        for (Object c : checks) {
            if (!(c instanceof Map<?, ?> check)
                    || !Set.of("name", "status").equals(check.keySet())
                    || !UP_DOWN.contains(check.get("status"))) {
                return "shows details to an anonymous caller";
            }
        }
        for (String word : HEALTH_LEAKS) {
            if (body.contains(word)) {
                return "shows '" + word + "' to an anonymous caller";
            }
        }
        return null;
    }

    private static final Set<String> UP_DOWN = Set.of("UP", "DOWN");
    private static final List<String> HEALTH_LEAKS =
            List.of("jdbc:", "localhost", "127.0.0.1", "://", "Exception", "bootstrap", "exceptionMessage");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Response send(Spec spec, String body) {
        return given().auth()
                .oauth2(spec.token())
                .contentType("application/json")
                .body(body)
                .request(spec.method(), spec.path())
                .andReturn();
    }

    private static Response bearer(Spec spec, String token) {
        return given().auth().oauth2(token).get(spec.listPath()).andReturn();
    }

    /** A body without Content-Length: the limit must hold for it as well, with the same problem. */
    private static void chunked(List<String> failures, Spec spec, String body)
            throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + spec.path()))
                .header("Authorization", "Bearer " + spec.token())
                .header("Content-Type", "application/json")
                .method(spec.method(), HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> r;
        try {
            r = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            failures.add("a chunked 3 MiB body: the connection failed without an answer (" + e + ")");
            return;
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (r.statusCode() != 413
                || !type.startsWith("application/problem+json")
                || !r.body().contains("too_large")) {
            failures.add("a chunked 3 MiB body → " + r.statusCode() + " " + type + ": " + abbreviate(r.body()));
        }
    }

    private static void refused(List<String> failures, String what, Response r, int status, String code, String field) {
        refused(failures, what, r, status, code, field, false);
    }

    private static void refused(
            List<String> failures, String what, Response r, int status, String code, String field, boolean english) {
        String text = r.asString();
        if (r.statusCode() != status) {
            failures.add(what + " → " + r.statusCode() + " (expected " + status + "): " + abbreviate(text));
            return;
        }
        if (r.contentType() == null || !r.contentType().startsWith("application/problem+json")) {
            failures.add(what + " → " + status + " but not problem+json: " + r.contentType());
            return;
        }
        if (code != null && !code.equals(r.path("code"))) {
            failures.add(what + " → code " + r.path("code") + " (expected " + code + ")");
        }
        if (field != null) {
            List<String> fields = r.jsonPath().getList("errors.field");
            if (fields == null || !fields.contains(field)) {
                failures.add(what + " → does not name " + field + ": " + abbreviate(text));
            }
        }
        for (String leak : LEAKS) {
            if (text.contains(leak)) {
                failures.add(what + " → the message shows '" + leak + "': " + abbreviate(text));
            }
        }
        if (Languages.checked()) {
            Languages.wrongLanguage(text, english)
                    .ifPresent(t -> failures.add(
                            what + " → " + (english ? "Chinese in an English answer: " : "not in Chinese: ") + t));
        }
    }

    static String json(Object o) {
        try {
            return new ObjectMapper().writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
