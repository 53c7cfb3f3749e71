package io.parkpulse.investment;

import static io.parkpulse.infra.DateRules.BAD_DAYS;
import static io.parkpulse.infra.DateRules.BAD_PERIODS;
import static io.parkpulse.infra.DateRules.NEXT_YEAR;
import static io.parkpulse.investment.Leads.ADMIN;
import static io.parkpulse.investment.Leads.body;
import static io.parkpulse.investment.Leads.knownPark;
import static io.parkpulse.investment.Leads.lead;
import static io.parkpulse.investment.Leads.move;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.infra.DateRules;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every date and period a request of this service carries is held to the platform's calendar (2000
 * to next year): a value outside is refused with 400 naming the field, in Chinese first, and nothing
 * is stored.
 */
@QuarkusTest
class DateRulesTest {

    @Test
    void everyBodyDateOutsideTheCalendarIsRefusedNamingItAndNothingIsStored() {
        String park = knownPark();
        String id = lead(park, Map.of());
        String activity = given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("park", park, "kind", "INVESTOR_MEETING", "heldOn", "2025-04-10", "title", "对接会"))
                .post("/api/v1/activities")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String before = state(park, id);
        for (String day : BAD_DAYS) {
            refused(s -> s.body(body(park, Map.of("identifiedOn", day))).post("/api/v1/leads"), "identifiedOn")
                    .body("code", equalTo("date_out_of_range"))
                    .body(
                            "errors[0].message",
                            equalTo("'" + day + "' 超出可接受的日期范围：identifiedOn 应在 2000-01-01 至 " + NEXT_YEAR
                                    + "-12-31 之间"));
            refused(
                    s -> s.body(Map.of("to", "NEGOTIATING", "on", day, "version", 0))
                            .post("/api/v1/leads/{id}/transitions", id),
                    "on");
            Map<String, Object> meeting =
                    Map.of("park", park, "kind", "INVESTOR_MEETING", "heldOn", day, "title", "对接会");
            refused(s -> s.body(meeting).post("/api/v1/activities"), "heldOn");
            refused(s -> s.body(meeting).put("/api/v1/activities/{id}", activity), "heldOn");
        }
        given().auth()
                .oauth2(ADMIN)
                .header("Accept-Language", "en")
                .contentType(ContentType.JSON)
                .body(body(park, Map.of("identifiedOn", "0001-01-01")))
                .post("/api/v1/leads")
                .then()
                .statusCode(400)
                .body(
                        "errors[0].message",
                        equalTo("'0001-01-01' is out of range: identifiedOn must lie between 2000-01-01 and "
                                + NEXT_YEAR + "-12-31"));
        assertEquals(before, state(park, id));
    }

    @Test
    void everyPeriodInAPathOrQueryOutsideTheCalendarIsRefusedNamingIt() {
        String park = knownPark();
        String id = lead(park, Map.of());
        move(
                        ADMIN,
                        id,
                        Map.of(
                                "to",
                                "SIGNED",
                                "on",
                                "2025-03-18",
                                "agreementType",
                                "CONTRACT",
                                "contractedInvestment",
                                20000))
                .statusCode(200);
        String before = state(park, id);
        for (String period : BAD_PERIODS) {
            refused(s -> s.body(Map.of("amount", 100)).put("/api/v1/leads/{id}/funds/{p}", id, period), "period");
            refused(
                    s -> s.body(Map.of("fundsInPlace", 100)).put("/api/v1/investment-targets/{park}/{p}", park, period),
                    "period");
            refused(s -> s.queryParams("period", period, "park", park).get("/api/v1/investment-figures"), "period");
            refused(s -> s.queryParams("period", period, "park", park).get("/api/v1/activities"), "period");
        }
        for (String period : List.of("3000", "0000-Q1", "1999-Q4", "1999", (NEXT_YEAR + 1) + "-Q1")) {
            refused(
                            s -> s.body(Map.of("fundsInPlace", 100))
                                    .put("/api/v1/investment-targets/{park}/{p}", park, period),
                            "period")
                    .body("code", equalTo("period_out_of_range"))
                    .body("detail", equalTo("报告期应在 2000-01 至 " + NEXT_YEAR + "-12 之间（2000 年至明年）"));
        }
        assertEquals(before, state(park, id));
    }

    private static ValidatableResponse refused(Function<RequestSpecification, Response> send, String field) {
        return DateRules.refused(ADMIN, send, field);
    }

    /** Everything a refused request could have changed. */
    private static String state(String park, String id) {
        StringBuilder sb = new StringBuilder();
        for (String path : List.of("/api/v1/leads", "/api/v1/activities", "/api/v1/investment-targets")) {
            sb.append(given().auth()
                    .oauth2(ADMIN)
                    .queryParams("park", park)
                    .get(path)
                    .asString());
        }
        for (String path :
                List.of("/api/v1/leads/{id}", "/api/v1/leads/{id}/funds", "/api/v1/leads/{id}/transitions")) {
            sb.append(given().auth().oauth2(ADMIN).get(path, id).asString());
        }
        return sb.toString();
    }
}
