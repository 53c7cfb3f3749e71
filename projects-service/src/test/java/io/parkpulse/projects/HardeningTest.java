package io.parkpulse.projects;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Cross-origin access only for the configured web origin (https://bureau.example in the test profile),
 * and every answer carries the security headers.
 */
@QuarkusTest
class HardeningTest {

    static final String PAGES = "https://bureau.example";

    @Test
    void aForeignOriginIsRefusedBeforeAnythingHappens() {
        long before = given().auth()
                .oauth2(Projects.ADMIN)
                .get("/api/v1/projects")
                .then()
                .extract()
                .<Number>path("total")
                .longValue();
        given().auth()
                .oauth2(Projects.ADMIN)
                .header("Origin", "https://evil.example")
                .contentType("application/json")
                .body(java.util.Map.of("park", "ANY", "name", "跨域", "kind", "INDUSTRIAL", "totalInvestment", 1))
                .post("/api/v1/projects")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Origin"))
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/projects")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
        given().auth()
                .oauth2(Projects.ADMIN)
                .header("Origin", "https://bureau.example.evil.example")
                .get("/api/v1/projects")
                .then()
                .statusCode(403);
        long after = given().auth()
                .oauth2(Projects.ADMIN)
                .get("/api/v1/projects")
                .then()
                .extract()
                .<Number>path("total")
                .longValue();
        org.junit.jupiter.api.Assertions.assertEquals(before, after, "the refused write changed nothing");
    }

    @Test
    void theBureausPagesGetCorsAnswersAndTheServiceItselfIsNotForeign() {
        given().header("Origin", PAGES)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type")
                .options("/api/v1/projects/x")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo(PAGES))
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("PUT"))
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsString("Authorization"));
        given().auth()
                .oauth2(Projects.ADMIN)
                .header("Origin", PAGES)
                .get("/api/v1/projects")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(PAGES))
                .header("Vary", org.hamcrest.Matchers.containsString("Origin"));
        // A refusal for the allowed origin still carries the header, so that the page can read the problem.
        given().header("Origin", PAGES)
                .get("/api/v1/projects")
                .then()
                .statusCode(401)
                .header("Access-Control-Allow-Origin", equalTo(PAGES));
        given().auth()
                .oauth2(Projects.ADMIN)
                .header("Origin", "http://localhost:" + io.restassured.RestAssured.port)
                .get("/api/v1/projects")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        given().get("/api/v1/projects")
                .then()
                .statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cache-Control", equalTo("no-store"));
        given().auth()
                .oauth2(Projects.ADMIN)
                .get("/api/v1/projects")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", not(nullValue()));
    }
}
