package io.parkpulse.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.reporting.console.ConsoleResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The console without a browser: who is not signed in is sent to sign in, a cookie that is not ours
 * counts for nothing, the local sign-in does not exist where no local key is configured, and the
 * pages send their content security policy. The browser tests (parkpulse-cli ConsoleIT) do the rest.
 */
@QuarkusTest
class ConsoleTest {

    @Test
    void withoutASessionEveryPageSendsToSignIn() {
        for (String page :
                new String[] {"/console", "/console/city", "/console/rankings", "/console/parks/ANY", "/console/compare"
                }) {
            given().redirects()
                    .follow(false)
                    .get(page)
                    .then()
                    .statusCode(303)
                    .header("Location", endsWith("/console/sign-in"));
        }
        // A forged or stale cookie is no session.
        given().redirects()
                .follow(false)
                .cookie("pp_console", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .get("/console/city")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/console/sign-in"));
    }

    @Test
    void localSignInExistsOnlyWhereALocalKeyIsConfigured() {
        given().get("/console/sign-in")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("统一身份认证"))
                .body(not(containsString("本地演示登录")));
        given().contentType("application/x-www-form-urlencoded")
                .formParam("role", "bureau-admin")
                .formParam("csrf", "x")
                .cookie("pp_csrf", "x")
                .post("/console/sign-in")
                .then()
                .statusCode(404)
                .body(containsString("未开放本地登录"))
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void chartDataCannotCloseItsScriptElement() {
        assertEquals(
                "{\"n\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026\"}",
                ConsoleResource.scriptSafe("{\"n\":\"</script><script>alert(1)</script> &\"}"));
    }

    @Test
    void theConsoleIsNotPartOfTheApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200).body(not(containsString("/console")));
    }
}
