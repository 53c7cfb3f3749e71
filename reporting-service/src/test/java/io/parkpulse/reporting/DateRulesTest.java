package io.parkpulse.reporting;

import static io.parkpulse.infra.DateRules.NEXT_YEAR;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.infra.DateRules;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every period and quarter a request of this service carries is held to the platform's calendar
 * (2000 to next year): a value outside is refused with 400 naming the field, in Chinese first, and no
 * assessment is run, stored or locked.
 */
@QuarkusTest
class DateRulesTest {

    static final String ADMIN = Tokens.token("bureau-admin", null);

    @Test
    void everyQuarterOutsideTheCalendarIsRefusedNamingItAndNothingIsRunOrStored() {
        String before = HostileInputTest.state() + adjustments("2025-Q1");
        for (String quarter : List.of("0000-Q1", "1999-Q4", "3000-Q1", (NEXT_YEAR + 1) + "-Q1")) {
            refused(s -> s.body(Map.of("quarter", quarter, "scheme", "default")).post("/api/v1/assessments"), "quarter")
                    .body("code", equalTo("period_out_of_range"))
                    .body("detail", equalTo("报告期应在 2000-01 至 " + NEXT_YEAR + "-12 之间（2000 年至明年）"));
            refused(s -> s.body(Map.of("quarter", quarter)).post("/api/v1/assessments/preview"), "quarter");
            refused(s -> s.get("/api/v1/assessments/{q}", quarter), "quarter");
            refused(s -> s.get("/api/v1/assessments/{q}/export", quarter), "quarter");
            refused(s -> s.get("/api/v1/assessments/{q}/adjustments", quarter), "quarter");
            refused(
                    s -> s.body(List.of(Map.of("park", "NO-PARK", "code", "safety_accident", "count", 1)))
                            .put("/api/v1/assessments/{q}/adjustments", quarter),
                    "quarter");
        }
        given().auth()
                .oauth2(ADMIN)
                .header("Accept-Language", "en")
                .get("/api/v1/assessments/0000-Q1")
                .then()
                .statusCode(400)
                .body("detail", equalTo("periods run from 2000-01 to " + NEXT_YEAR + "-12 (year 2000 to next year)"));
        assertEquals(before, HostileInputTest.state() + adjustments("2025-Q1"));
    }

    @Test
    void everyPeriodOfAReadOutsideTheCalendarIsRefusedNamingIt() {
        for (String period : List.of("0000-Q1", "0000-01", "1999-12", "1999", "3000", (NEXT_YEAR + 1) + "-01")) {
            refused(
                    s -> s.queryParams("indicator", "tax_revenue", "period", period)
                            .get("/api/v1/rankings"),
                    "period");
            refused(
                    s -> s.queryParams("indicator", "tax_revenue", "period", period)
                            .get("/api/v1/rankings/export"),
                    "period");
            refused(
                    s -> s.queryParams("parks", "P1", "figures", "value:tax_revenue", "period", period)
                            .get("/api/v1/comparisons"),
                    "period");
            refused(
                    s -> s.queryParams("indicator", "tax_revenue", "period", period)
                            .get("/api/v1/progress-gaps"),
                    "period");
            refused(s -> s.queryParam("period", period).get("/api/v1/cross-figures"), "period");
            refused(s -> s.queryParam("period", period).get("/api/v1/city/figures"), "period");
            refused(s -> s.queryParam("period", period).get("/api/v1/summaries/city"), "period");
            refused(s -> s.queryParam("period", period).get("/api/v1/summaries/parks/{p}", "P1"), "period");
        }
    }

    private static ValidatableResponse refused(Function<RequestSpecification, Response> send, String field) {
        return DateRules.refused(ADMIN, send, field);
    }

    private static String adjustments(String quarter) {
        return given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/assessments/{q}/adjustments", quarter)
                .asString();
    }
}
