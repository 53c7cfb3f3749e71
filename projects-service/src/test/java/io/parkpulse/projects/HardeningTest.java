package io.parkpulse.projects;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** No cross-origin access is granted to browsers, and every answer carries the security headers. */
@QuarkusTest
class HardeningTest {

    @Test
    void noOriginIsGrantedCrossOriginAccess() {
        given().auth().oauth2(Projects.ADMIN).header("Origin", "https://evil.example").get("/api/v1/projects").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        given().get("/api/v1/projects").then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff")).header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer")).header("Cache-Control", equalTo("no-store"));
        given().auth().oauth2(Projects.ADMIN).get("/api/v1/projects").then().statusCode(200)
                .header("X-Content-Type-Options", not(nullValue()));
    }
}
