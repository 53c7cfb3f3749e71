package io.parkpulse.infra;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every way a bearer token can be wrong, against one service: each must be refused with problem+json
 * (401 for a token that is not valid, 403 for a valid park-staff token without its park), and a valid
 * one must pass. Services share the verification configuration, but each proves it on its own.
 */
public final class TokenChecks {

    private TokenChecks() {}

    /**
     * @param path a GET endpoint a bureau admin may call
     * @param parkScopedPath a GET endpoint park staff may call, confined to their park
     */
    public static void verify(String path, String parkScopedPath) {
        List<String> failures = new ArrayList<>();
        expect(failures, "no token", given().get(path), 401);
        expect(
                failures,
                "a malformed token",
                given().header("Authorization", "Bearer not.a.jwt").get(path),
                401);
        expect(
                failures,
                "an expired token",
                bearer(
                        Tokens.builder()
                                .role("bureau-admin")
                                .expiresIn(Duration.ofMinutes(-5))
                                .sign(),
                        path),
                401);
        expect(
                failures,
                "a token not yet valid",
                bearer(
                        Tokens.builder()
                                .role("bureau-admin")
                                .notBefore(Instant.now().plus(Duration.ofMinutes(10)))
                                .sign(),
                        path),
                401);
        expect(
                failures,
                "a token signed with another key",
                bearer(
                        Tokens.builder()
                                .role("bureau-admin")
                                .signedWith(otherKey())
                                .sign(),
                        path),
                401);
        expect(
                failures,
                "a token from another issuer",
                bearer(
                        Tokens.builder()
                                .role("bureau-admin")
                                .issuer("https://evil.example/realms/x")
                                .sign(),
                        path),
                401);
        expect(
                failures,
                "a token for another audience",
                bearer(
                        Tokens.builder()
                                .role("bureau-admin")
                                .audience("someone-else")
                                .sign(),
                        path),
                401);
        expect(
                failures,
                "an unsigned token (alg none)",
                bearer(Tokens.builder().role("bureau-admin").unsigned().sign(), path),
                401);
        expect(
                failures,
                "a park-staff token without a park claim",
                bearer(Tokens.builder().role("park-staff").sign(), parkScopedPath),
                403);
        Response ok = bearer(Tokens.token("bureau-admin", null), path);
        if (ok.statusCode() != 200) {
            failures.add("a valid bureau-admin token → " + ok.statusCode());
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static Response bearer(String token, String path) {
        return given().header("Authorization", "Bearer " + token).get(path).andReturn();
    }

    private static void expect(List<String> failures, String what, Response r, int status) {
        if (r.statusCode() != status) {
            failures.add(what + " → " + r.statusCode() + " (expected " + status + "): " + r.asString());
        } else if (r.contentType() == null || !r.contentType().startsWith("application/problem+json")) {
            failures.add(what + " → " + status + " but not problem+json");
        }
    }

    private static PrivateKey otherKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
