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
}
