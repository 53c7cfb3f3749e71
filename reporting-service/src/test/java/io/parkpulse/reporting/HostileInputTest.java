package io.parkpulse.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.parkpulse.common.periods.CityTime;
import io.parkpulse.infra.HttpHardening;
import io.parkpulse.infra.Tokens;
import io.parkpulse.reporting.service.AssessmentService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The findings of the adversarial pass that concern this service, each answered with a problem and no change. */
@QuarkusTest
class HostileInputTest {

    static final String ADMIN = Tokens.token("bureau-admin", null);

    static String state() {
        return given().auth().oauth2(ADMIN).get("/api/v1/assessments").asString()
                + given().auth().oauth2(ADMIN).get("/api/v1/assessment-schemes").asString();
    }

    @Test
    void theSharedRulesForHostileRequestsHold() throws Exception {
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("quarter", AssessmentService.lastClosedQuarter());
        preview.put("scheme", "default");
        HttpHardening.verify(new HttpHardening.Spec(
                "POST",
                "/api/v1/assessments/preview",
                preview,
                "scheme",
                ADMIN,
                "/api/v1/rankings",
                HostileInputTest::state));
    }

    @Test
    void quartersOutsideThePlatformsCalendarAreRefusedOnReadsAsOnWrites() {
        String before = state();
        for (String quarter : List.of("0000-Q1", "1999-Q4", "2099-Q1")) {
            given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .body(Map.of("quarter", quarter, "scheme", "default"))
                    .post("/api/v1/assessments")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("period_out_of_range"))
                    .body("errors[0].field", equalTo("quarter"));
            given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .body(Map.of("quarter", quarter))
                    .post("/api/v1/assessments/preview")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("quarter"));
            given().auth()
                    .oauth2(ADMIN)
                    .get("/api/v1/assessments/{q}", quarter)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("quarter"));
        }
        // Within the calendar but not begun: a preview would rank every park first with 0 points.
        YearMonth later = CityTime.thisMonth().plusMonths(6);
        String notBegun = later.getYear() + "-Q" + ((later.getMonthValue() - 1) / 3 + 1);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("quarter", notBegun))
                .post("/api/v1/assessments/preview")
                .then()
                .statusCode(422)
                .body("code", equalTo("quarter_not_started"));
        given().auth()
                .oauth2(Tokens.token("bureau-analyst", null))
                .queryParams("indicator", "tax_revenue", "period", "2999-01")
                .get("/api/v1/rankings")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
        Assertions.assertEquals(before, state(), "a refused run stored or locked nothing");
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
}
