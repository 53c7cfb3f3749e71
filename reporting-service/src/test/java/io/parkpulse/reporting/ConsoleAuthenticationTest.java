package io.parkpulse.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.parkpulse.infra.Tokens;
import io.parkpulse.reporting.console.ConsoleSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's session is verified at the HTTP layer like a bearer token: a cookie that the console sealed
 * itself still gets nobody in when the token inside would be refused by the API, and the API never takes the
 * cookie in place of a bearer token.
 */
@QuarkusTest
class ConsoleAuthenticationTest {

    @Inject
    ConsoleSession sessions;

    private String sealed(String token) {
        return sessions.open(token, false).getValue();
    }

    @Test
    void aSealedCookieWithATokenTheApiWouldRefuseIsNoSession() throws NoSuchAlgorithmException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        Map<String, String> refused = Map.of(
                "another key",
                Tokens.builder()
                        .role("bureau-admin")
                        .signedWith(g.generateKeyPair().getPrivate())
                        .sign(),
                "expired",
                Tokens.builder()
                        .role("bureau-admin")
                        .claim("iat", Instant.now().minusSeconds(7200).getEpochSecond())
                        .expiresIn(Duration.ofMinutes(-10))
                        .sign(),
                "another issuer",
                Tokens.builder()
                        .role("bureau-admin")
                        .issuer("https://elsewhere/realms/x")
                        .sign(),
                "alg none",
                Tokens.builder().role("bureau-admin").unsigned().sign(),
                "roles as a string",
                Tokens.builder()
                        .claim("realm_access", Map.of("roles", "bureau-admin park-staff"))
                        .sign());
        refused.forEach((why, token) -> given().redirects()
                .follow(false)
                .cookie(ConsoleSession.COOKIE, sealed(token))
                // The home page calls no service: only the HTTP layer's verification can refuse it.
                .get("/console")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(303)
                .header("Location", endsWith("/console/sign-in"))
                // The refused session is ended, not kept to be refused again.
                .header("Set-Cookie", containsString(ConsoleSession.COOKIE + "=;")));
    }

    @Test
    void aServiceAccountHasNoConsole() {
        given().redirects()
                .follow(false)
                .cookie(ConsoleSession.COOKIE, sealed(Tokens.token("service", null)))
                .get("/console/city")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("没有使用本平台的角色"));
    }

    @Test
    void theApiDoesNotTakeTheConsoleCookie() {
        String analyst = sealed(Tokens.token("bureau-analyst", null));
        given().redirects()
                .follow(false)
                .cookie(ConsoleSession.COOKIE, analyst)
                .get("/console")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/console/city"));
        given().cookie(ConsoleSession.COOKIE, analyst)
                .get("/api/v1/assessments")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("unauthorized"));
    }
}
