package io.parkpulse.projects;

import static io.parkpulse.infra.DateRules.BAD_DAYS;
import static io.parkpulse.infra.DateRules.BAD_PERIODS;
import static io.parkpulse.infra.DateRules.NEXT_YEAR;
import static io.parkpulse.projects.Projects.ADMIN;
import static io.parkpulse.projects.Projects.body;
import static io.parkpulse.projects.Projects.knownPark;
import static io.parkpulse.projects.Projects.project;
import static io.parkpulse.projects.Projects.version;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.common.periods.CityTime;
import io.parkpulse.infra.DateRules;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every date, month, quarter and year a request of this service carries is held to the platform's
 * calendar (2000 to next year unless the field says otherwise): a value outside is refused with 400
 * naming the field, in Chinese first, and nothing is stored.
 */
@QuarkusTest
class DateRulesTest {

    @Test
    void everyBodyDateOutsideItsRangeIsRefusedNamingItAndNothingIsStored() {
        String park = knownPark();
        String id = project(park, Map.of());
        String problem = given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("description", "用地指标未落实", "raisedOn", "2025-03-01"))
                .post("/api/v1/projects/{id}/problems", id)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String before = state(park, id);
        long projectVersion = version(id);

        for (String day : BAD_DAYS) {
            for (String field : List.of("signedOn", "stageSince")) {
                refused(s -> s.body(body(park, Map.of(field, day))).post("/api/v1/projects"), field);
            }
        }
        // The planned dates reach further ahead (see the next test); these lie outside every range.
        for (String day : List.of("0001-01-01", "1999-12-31", "3000-01-01")) {
            for (String field : List.of("plannedStart", "plannedCompletion")) {
                refused(s -> s.body(body(park, Map.of(field, day))).post("/api/v1/projects"), field);
                refused(
                        s -> s.body(update(Map.of(field, day), projectVersion)).put("/api/v1/projects/{id}", id),
                        field);
            }
        }
        for (String day : BAD_DAYS) {
            refused(
                    s -> s.body(Map.of("to", "LAND_SUPPLIED", "on", day, "version", projectVersion))
                            .post("/api/v1/projects/{id}/transitions", id),
                    "on");
            for (String field : List.of("raisedOn", "dueOn")) {
                refused(
                        s -> s.body(Map.of("description", "日期检查", field, day))
                                .post("/api/v1/projects/{id}/problems", id),
                        field);
                refused(
                        s -> s.body(Map.of("description", "日期检查", field, day, "version", 0))
                                .put("/api/v1/projects/{id}/problems/{p}", id, problem),
                        field);
            }
            refused(
                    s -> s.body(Map.of("resolution", "已协调", "resolvedOn", day, "version", 0))
                            .post("/api/v1/projects/{id}/problems/{p}/resolve", id, problem),
                    "resolvedOn");
        }
        assertEquals(before, state(park, id));
    }

    @Test
    void aPlannedCompletionMayLieYearsAheadButNotBeyondItsOwnRange() {
        String park = knownPark();
        int year = CityTime.today().getYear();
        String id = project(
                park, Map.of("plannedStart", (year + 5) + "-12-31", "plannedCompletion", (year + 10) + "-12-31"));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/projects/{id}", id)
                .then()
                .body("plannedCompletion", equalTo((year + 10) + "-12-31"));
        String before = state(park, id);
        refused(
                        s -> s.body(body(park, Map.of("plannedStart", (year + 6) + "-01-01")))
                                .post("/api/v1/projects"),
                        "plannedStart")
                .body(
                        "errors[0].message",
                        equalTo("'" + (year + 6) + "-01-01' 超出可接受的日期范围：plannedStart 应在 2000-01-01 至 " + (year + 5)
                                + "-12-31 之间"));
        refused(
                s -> s.body(body(park, Map.of("plannedCompletion", (year + 11) + "-01-01")))
                        .post("/api/v1/projects"),
                "plannedCompletion");
        assertEquals(before, state(park, id));
    }

    @Test
    void aPlanYearOutsideTheCalendarIsRefused() {
        String park = knownPark();
        String before = state(park, null);
        for (int year : List.of(1999, NEXT_YEAR + 1, 3000)) {
            refused(s -> s.body(body(park, Map.of("planYear", year))).post("/api/v1/projects"), "planYear");
        }
        assertEquals(before, state(park, null));
    }

    @Test
    void everyPeriodInAPathOrQueryOutsideTheCalendarIsRefusedNamingIt() {
        String park = knownPark();
        String id = project(park, Map.of());
        String before = state(park, id);
        for (String period : BAD_PERIODS) {
            refused(
                    s -> s.body(Map.of(
                                    "investmentCompleted", 100,
                                    "investmentCompletedThisYear", 100,
                                    "physicalProgress", 1))
                            .put("/api/v1/projects/{id}/progress/{period}", id, period),
                    "period");
            refused(s -> s.get("/api/v1/projects/{id}/progress/{period}/history", id, period), "period");
            refused(s -> s.queryParam("asOf", period).get("/api/v1/projects/{id}/status", id), "asOf");
            refused(s -> s.queryParams("period", period, "park", park).get("/api/v1/projects/summary"), "period");
            refused(s -> s.queryParams("period", period, "park", park).get("/api/v1/problems"), "period");
            refused(s -> s.queryParams("period", period, "park", park).get("/api/v1/problems/summary"), "period");
        }
        for (String period : List.of("3000", "0000-Q1", "1999-H2", (NEXT_YEAR + 1) + "-Q1")) {
            refused(s -> s.queryParams("period", period, "park", park).get("/api/v1/projects/summary"), "period")
                    .body("code", equalTo("period_out_of_range"))
                    .body("detail", equalTo("报告期应在 2000-01 至 " + NEXT_YEAR + "-12 之间（2000 年至明年）"));
        }
        assertEquals(before, state(park, id));
    }

    private static ValidatableResponse refused(Function<RequestSpecification, Response> send, String field) {
        return DateRules.refused(ADMIN, send, field);
    }

    private static Map<String, Object> update(Map<String, Object> changes, long version) {
        Map<String, Object> b = new LinkedHashMap<>(body(null, changes));
        b.keySet().removeAll(List.of("signedOn", "stage", "stageSince"));
        b.put("version", version);
        return b;
    }

    /** Everything a refused request could have changed. */
    private static String state(String park, String id) {
        StringBuilder sb = new StringBuilder(given().auth()
                .oauth2(ADMIN)
                .queryParams("park", park, "size", 500)
                .get("/api/v1/projects")
                .asString());
        if (id != null) {
            for (String path : List.of(
                    "/api/v1/projects/{id}/problems",
                    "/api/v1/projects/{id}/progress",
                    "/api/v1/projects/{id}/transitions")) {
                sb.append(given().auth().oauth2(ADMIN).get(path, id).asString());
            }
        }
        return sb.toString();
    }
}
