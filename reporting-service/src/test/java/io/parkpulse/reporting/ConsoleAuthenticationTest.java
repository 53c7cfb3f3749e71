package io.parkpulse.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.infra.Tokens;
import io.parkpulse.reporting.console.ConsoleSession;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        refused.forEach((why, token) -> {
            List<String> cleared = given().redirects()
                    .follow(false)
                    .cookie(ConsoleSession.COOKIE, sealed(token))
                    // The home page calls no service: only the HTTP layer's verification can refuse it.
                    .get("/console")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(303)
                    .header("Location", endsWith("/console/sign-in"))
                    .extract()
                    .headers()
                    .getValues("Set-Cookie");
            // The refused session is ended, both its cookies, where the browser keeps them.
            assertEndsSession(why, cleared);
        });
    }

    private static void assertEndsSession(String why, List<String> setCookies) {
        for (String name : List.of(ConsoleSession.COOKIE, ConsoleSession.ID_COOKIE)) {
            assertTrue(
                    setCookies.stream()
                            .anyMatch(c -> c.startsWith(name + "=;")
                                    && c.contains("Path=/console")
                                    && c.contains("Max-Age=0")),
                    why + ": " + name + " is not ended in " + setCookies);
        }
    }

    @Test
    void aRequestWithoutTheCookieDoesNotEndTheSession() {
        // A link followed from another site arrives without the SameSite=Strict cookie; the session it did not
        // carry must survive, so the answer sets no cookie.
        given().redirects()
                .follow(false)
                .get("/console/rankings")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/console/sign-in"))
                .header("Set-Cookie", nullValue());
        // A bearer token is the API's way in, not the console's.
        given().redirects()
                .follow(false)
                .auth()
                .oauth2(Tokens.token("bureau-admin", null))
                .get("/console")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/console/sign-in"));
    }

    @Test
    void signingOutWorksWithASessionThePlatformNoLongerAccepts() {
        String expired = sealed(Tokens.builder()
                .role("park-staff")
                .park("ANY")
                .claim("iat", Instant.now().minusSeconds(7200).getEpochSecond())
                .expiresIn(Duration.ofMinutes(-10))
                .sign());
        List<String> cleared = given().redirects()
                .follow(false)
                .cookie(ConsoleSession.COOKIE, expired)
                .contentType("application/x-www-form-urlencoded")
                .post("/console/sign-out")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/console/sign-in"))
                .extract()
                .headers()
                .getValues("Set-Cookie");
        assertEndsSession("sign-out", cleared);
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
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("code", equalTo("unauthorized"));
        // The API's refusals stay problem documents beside the console's pages.
        given().auth()
                .oauth2(Tokens.token("park-staff", "ANY"))
                .get("/api/v1/assessments")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("forbidden"));
    }
}
