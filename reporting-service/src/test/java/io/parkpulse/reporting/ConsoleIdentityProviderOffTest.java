package io.parkpulse.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Without an identity-provider client configured the console offers no provider sign-in and its callback
 * exists for nobody; with one, parkpulse-cli ConsoleSignInIT signs in at the build's Keycloak in a browser.
 */
@QuarkusTest
class ConsoleIdentityProviderOffTest {

    @Test
    void noProviderNoProviderSignIn() {
        given().get("/console/sign-in").then().statusCode(200).body(not(containsString("使用统一身份认证登录")));
        given().redirects()
                .follow(false)
                .get("/console/sign-in/oidc?returnTo=/console/city")
                .then()
                .statusCode(404)
                .body(containsString("未配置统一身份认证"));
        given().redirects()
                .follow(false)
                .cookie("pp_oidc", "forged")
                .get("/console/callback?code=x&state=y")
                .then()
                .statusCode(404);
        // A page asked for without a session still goes to the console's own sign-in page.
        given().redirects()
                .follow(false)
                .get("/console/rankings")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/console/sign-in"));
    }
}
