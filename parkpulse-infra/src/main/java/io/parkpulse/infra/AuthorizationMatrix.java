package io.parkpulse.infra;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Walks a service's authorization matrix (a CSV test resource, one line per endpoint of its OpenAPI
 * document, one column per caller) with real signed tokens. The matrix must list exactly the
 * documented endpoints, so a new endpoint without a line fails the build. Every caller must get the
 * expected answer; a refusal must be problem+json, must not show the park's data and, for a write,
 * must leave the service's state as it was.
 */
public final class AuthorizationMatrix {

    public static final List<String> CALLERS = List.of("admin", "analyst", "service", "own", "other", "none");

    public record Rule(String method, String path, Map<String, String> expected) {
        public String key() {
            return method + " " + path;
        }
    }

    /** What a service's test supplies: parameters and bodies that make allowed calls succeed, and what to compare. */
    public interface Fixture {
        /** The park that "own" staff belong to and whose resources the paths name. */
        String ownPark();

        String otherPark();

        /** Path parameters for one call (fresh resources where an allowed call consumes them). */
        Map<String, String> params(Rule rule, String caller);

        /** Query parameters and body for one call. */
        void prepare(RequestSpecification request, Rule rule, Map<String, String> params);

        /** The state a refused write must leave unchanged. */
        String state();

        /** Text that a refused call must not reveal (the own park's name, say). */
        String secret();
    }

    private AuthorizationMatrix() {}

    public static void verify(String resource, Fixture fixture) throws Exception {
        List<Rule> rules = read(resource);
        Set<String> documented = new TreeSet<>();
        Map<String, Object> paths = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        Map<String, String> operationIds = new java.util.HashMap<>();
        for (var p : paths.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> operations = (Map<String, Object>) p.getValue();
            for (var op : operations.entrySet()) {
                if (List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
                    String key = op.getKey().toUpperCase() + " " + p.getKey();
                    documented.add(key);
                    // Clients are generated from the document: an operation id names one operation only.
                    Object id = ((Map<?, ?>) op.getValue()).get("operationId");
                    String other = id == null ? null : operationIds.put(id.toString(), key);
                    assertEquals(null, other, "operationId " + id + " names both " + other + " and " + key);
                }
            }
        }
        Set<String> inMatrix = new TreeSet<>();
        rules.forEach(r -> inMatrix.add(r.key()));
        assertEquals(
                documented,
                inMatrix,
                "the matrix " + resource + " must list exactly the endpoints of the OpenAPI document");
        if (SharedKeycloak.tokensFromKeycloak()) {
            provenKeycloakOnly(rules, fixture);
        }

        List<String> failures = new ArrayList<>();
        for (Rule rule : rules) {
            boolean write = !rule.method().equals("GET");
            List<String> refused = CALLERS.stream()
                    .filter(c -> !rule.expected().get(c).equals("allow"))
                    .toList();
            // The refused callers go first and share one reading of the state before and after: reading it
            // costs several requests, and an allowed write in between would change it legitimately.
            List<Map<String, String>> params =
                    refused.stream().map(c -> fixture.params(rule, c)).toList();
            String before = write ? fixture.state() : null;
            for (int i = 0; i < refused.size(); i++) {
                check(fixture, rule, refused.get(i), params.get(i), failures);
            }
            if (write && !before.equals(fixture.state())) {
                for (String caller : refused) {
                    Map<String, String> p = fixture.params(rule, caller);
                    String from = fixture.state();
                    send(fixture, rule, caller, p);
                    if (!from.equals(fixture.state())) {
                        failures.add(rule.key() + " as " + caller + " changed something although refused");
                    }
                }
            }
            for (String caller : CALLERS) {
                if (!refused.contains(caller)) {
                    check(fixture, rule, caller, fixture.params(rule, caller), failures);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** One call: the expected status, and for a refusal a problem document that shows none of the park's data. */
    private static void check(
            Fixture fixture, Rule rule, String caller, Map<String, String> params, List<String> failures) {
        String expected = rule.expected().get(caller);
        Response r = send(fixture, rule, caller, params);
        int status = r.statusCode();
        String what = rule.key() + " as " + caller + " → " + status;
        boolean ok = expected.equals("allow") ? status >= 200 && status < 300 : status == Integer.parseInt(expected);
        if (!ok) {
            failures.add(what + " (expected " + expected + "): " + abbreviate(r.asString()));
            return;
        }
        if (!expected.equals("allow")) {
            if (r.contentType() == null || !r.contentType().startsWith("application/problem+json")) {
                failures.add(what + " is not problem+json");
            }
            if (r.asString().contains(fixture.secret())) {
                failures.add(what + " revealed the park's data");
            }
        }
    }

    /**
     * In the Keycloak run, the walk proves something only if the callers' tokens are Keycloak's and the service
     * trusts nothing else: the first readable endpoint must refuse a locally signed admin token.
     */
    static void provenKeycloakOnly(List<Rule> rules, Fixture fixture) throws Exception {
        String issuer = SharedKeycloak.server().issuer();
        String payload = Tokens.token("bureau-admin", null).split("\\.")[1];
        String iss = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.util.Base64.getUrlDecoder().decode(payload))
                .path("iss")
                .asText();
        assertEquals(issuer, iss, "the callers' tokens must come from the build's Keycloak");
        Rule read = rules.stream()
                .filter(r ->
                        r.method().equals("GET") && r.expected().get("admin").equals("allow"))
                .findFirst()
                .orElseThrow();
        Response r =
                request(fixture, read, Tokens.builder().role("bureau-admin").sign(), fixture.params(read, "admin"));
        assertEquals(401, r.statusCode(), read.key() + " must refuse the local key when configured with Keycloak");
    }

    static Response send(Fixture fixture, Rule rule, String caller, Map<String, String> params) {
        return request(fixture, rule, token(fixture, caller), params);
    }

    /** The bearer token of one of {@link #CALLERS}; none for "none". */
    static String token(Fixture fixture, String caller) {
        return switch (caller) {
            case "admin" -> Tokens.token("bureau-admin", null);
            case "analyst" -> Tokens.token("bureau-analyst", null);
            case "service" -> Tokens.token("service", null);
            case "own" -> Tokens.token("park-staff", fixture.ownPark());
            case "other" -> Tokens.token("park-staff", fixture.otherPark());
            default -> null;
        };
    }

    private static Response request(Fixture fixture, Rule rule, String token, Map<String, String> params) {
        RequestSpecification req = given();
        if (token != null) {
            req.auth().oauth2(token);
        }
        String path = rule.path();
        for (var e : params.entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        fixture.prepare(req, rule, params);
        return req.request(rule.method(), path).andReturn();
    }

    public static List<Rule> read(String resource) throws Exception {
        List<Rule> rules = new ArrayList<>();
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            in = AuthorizationMatrix.class.getResourceAsStream("/" + resource);
        }
        assertTrue(in != null, resource + " is not on the test classpath");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",");
                assertEquals(
                        2 + CALLERS.size(), f.length, "a matrix line needs method, path and " + CALLERS + ": " + line);
                Map<String, String> expected = new LinkedHashMap<>();
                for (int i = 0; i < CALLERS.size(); i++) {
                    expected.put(CALLERS.get(i), f[2 + i].trim());
                }
                rules.add(new Rule(f[0].trim(), f[1].trim(), expected));
            }
        }
        assertFalse(rules.isEmpty(), resource + " lists no endpoint");
        return rules;
    }

    static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
