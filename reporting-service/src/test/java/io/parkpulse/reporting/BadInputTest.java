package io.parkpulse.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.infra.BadBodies;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every write endpoint and the query parameters people get wrong: 4xx problem+json, nothing changed, never a 500. */
@QuarkusTest
class BadInputTest {

    static final String ADMIN = Tokens.token("bureau-admin", null);

    record Endpoint(String method, String path, Object valid) {}

    static List<Endpoint> endpoints() {
        Map<String, Object> scheme = given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/assessment-schemes/default?version=1")
                .then()
                .statusCode(200)
                .extract()
                .path("scheme");
        return List.of(
                new Endpoint("POST", "/api/v1/assessment-schemes/fuzzed", scheme),
                new Endpoint(
                        "POST",
                        "/api/v1/assessments",
                        Map.of("quarter", nextYearsQuarter(1), "scheme", "default", "reason", "x")),
                new Endpoint(
                        "PUT",
                        "/api/v1/assessments/2017-Q1/adjustments",
                        Map.of("park", "NO-PARK", "code", "safety_accident", "count", 1)));
    }

    static Response send(Endpoint e, String body) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(body)
                .request(e.method(), e.path())
                .andReturn();
    }

    static String state() {
        return given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/assessments")
                        .then()
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/assessment-schemes")
                        .then()
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/assessments/2017-Q1/adjustments")
                        .then()
                        .extract()
                        .asString();
    }

    @Test
    void malformedBodiesAreRefusedWithAProblemAndChangeNothing() {
        String before = state();
        for (Endpoint e : endpoints()) {
            for (String body : BadBodies.generic()) {
                if (body.equals("[]") && e.path().endsWith("/adjustments")) {
                    continue; // an empty list is a valid request there: it clears the quarter's adjustments
                }
                Response r = send(e, body);
                String what = e.method() + " " + e.path() + " with " + abbreviate(body);
                assertTrue(
                        r.statusCode() >= 400 && r.statusCode() < 500,
                        what + " answered " + r.statusCode() + ": " + r.asString());
                assertTrue(
                        r.contentType().startsWith("application/problem+json"), what + " answered " + r.contentType());
                assertNotNull(r.path("code"), what);
            }
            assertEquals(413, send(e, BadBodies.oversized()).statusCode(), e.path());
        }
        assertEquals(before, state());
    }

    @Test
    void everyFieldWithAWrongValueIsNamedAndNeverCrashesTheService() {
        for (Endpoint e : endpoints()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> valid = (Map<String, Object>) e.valid();
            List<String> bodies = new java.util.ArrayList<>(BadBodies.mutations(valid));
            if (e.path().endsWith("/adjustments")) {
                bodies = bodies.stream().map(b -> "[" + b + "]").toList();
            }
            for (String body : bodies) {
                Response r = send(e, body);
                String what = e.method() + " " + e.path() + " with " + abbreviate(body);
                assertTrue(r.statusCode() < 500, what + " answered " + r.statusCode() + ": " + r.asString());
                if (r.statusCode() >= 400) {
                    assertTrue(r.contentType().startsWith("application/problem+json"), what);
                    assertNotNull(r.path("code"), what);
                }
            }
        }
    }

    @Test
    void unknownPeriodsIndicatorsQuartersAndSchemesAreNamed() {
        String analyst = Tokens.token("bureau-analyst", null);
        given().auth()
                .oauth2(analyst)
                .queryParams("indicator", "tax_revenue", "period", "2025-13")
                .get("/api/v1/rankings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
        given().auth()
                .oauth2(analyst)
                .queryParams("indicator", "no_such_thing", "period", "2025-06")
                .get("/api/v1/rankings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("indicator"));
        given().auth()
                .oauth2(analyst)
                .get("/api/v1/assessments/2025-Q9")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("quarter"));
        given().auth()
                .oauth2(analyst)
                .get("/api/v1/assessments/2001-Q1")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(analyst)
                .get("/api/v1/assessments/1999-Q1")
                .then()
                .statusCode(400)
                .body("code", equalTo("period_out_of_range"));
        given().auth()
                .oauth2(analyst)
                .get("/api/v1/assessment-schemes/nope")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(Map.of("quarter", nextYearsQuarter(4)))
                .post("/api/v1/assessments")
                .then()
                .statusCode(422)
                .body("code", equalTo("quarter_not_closed"));
        given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(Map.of("quarter", "2016-Q1", "reason", "更正"))
                .post("/api/v1/assessments")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(List.of(Map.of("park", "NO-PARK", "code", "nope", "count", 1)))
                .put("/api/v1/assessments/2017-Q1/adjustments")
                .then()
                .statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItems("[0].code", "[0].park"));
    }

    /** A quarter within the platform's calendar that has not ended: quarter n of next year. */
    static String nextYearsQuarter(int n) {
        return (io.parkpulse.common.periods.CityTime.thisMonth().getYear() + 1) + "-Q" + n;
    }

    static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + " chars)" : s;
    }
}
