package io.parkpulse.projects;

import static io.parkpulse.projects.Projects.ADMIN;
import static io.parkpulse.projects.Projects.knownPark;
import static io.parkpulse.projects.Projects.progress;
import static io.parkpulse.projects.Projects.project;
import static io.parkpulse.projects.Projects.transition;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgressStatusApiTest {

    @Test
    void investmentToDateNeverFallsWithoutACorrectionAndEveryRevisionIsKept() {
        String park = knownPark();
        String staff = Tokens.token("park-staff", park);
        String id = project(park, Map.of());
        progress(staff, id, "2025-03", 800, 800, 5, null)
                .statusCode(201)
                .body("outcome", equalTo("CREATED"))
                .body("revision", equalTo(1));
        progress(staff, id, "2025-06", 3000, 3000, 30, null).statusCode(201);
        progress(staff, id, "2025-07", 2900, 2900, 32, null)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("investment_fell"))
                .body("errors[0].field", equalTo("investmentCompleted"));
        progress(staff, id, "2025-03", 3500, 800, 5, null)
                .statusCode(422)
                .body("code", equalTo("investment_exceeds_later"));
        progress(staff, id, "2025-07", 3100, 3200, 32, null)
                .statusCode(422)
                .body("errors[0].field", equalTo("investmentCompletedThisYear"))
                .body("code", equalTo("year_exceeds_to_date"));
        progress(staff, id, "2025-07", 3100, 3100, 101, null)
                .statusCode(400)
                .body("errors[0].field", equalTo("physicalProgress"));
        progress(staff, id, "2025-07", -1, 0, 10, null)
                .statusCode(400)
                .body("errors[0].field", equalTo("investmentCompleted"));
        progress(
                        staff,
                        id,
                        io.parkpulse.common.periods.CityTime.thisMonth()
                                .plusMonths(1)
                                .toString(),
                        3100,
                        3100,
                        32,
                        null)
                .statusCode(422)
                .body("code", equalTo("future_period"));
        progress(staff, id, "2099-01", 3100, 3100, 32, null)
                .statusCode(400)
                .body("code", equalTo("period_out_of_range"));
        progress(staff, id, "2024-12", 100, 100, 1, null).statusCode(422).body("code", equalTo("before_signing"));
        progress(staff, id, "2025-13", 100, 100, 1, null).statusCode(400).body("errors[0].field", equalTo("period"));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/projects/{id}/progress", id)
                .then()
                .body("period", contains("2025-03", "2025-06"));

        progress(staff, id, "2025-03", 900, 900, 6, null)
                .statusCode(200)
                .body("outcome", equalTo("UPDATED"))
                .body("revision", equalTo(2));
        progress(staff, id, "2025-03", 900, 900, 6, null)
                .statusCode(200)
                .body("outcome", equalTo("UNCHANGED"))
                .body("revision", equalTo(2));
        progress(staff, id, "2025-07", 2900, 2900, 32, "6月数据重复计入设备款，已核减").statusCode(201);
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/projects/{id}/progress/2025-03/history", id)
                .then()
                .body("revision", contains(1, 2))
                .body("investmentCompleted", contains(800, 900))
                .body("reportedBy", hasItem("park-staff"));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/projects/{id}/progress/2025-07/history", id)
                .then()
                .body("[0].correctionReason", equalTo("6月数据重复计入设备款，已核减"));
        // A new year starts this year's investment again from zero.
        progress(staff, id, "2026-01", 3000, 100, 35, null).statusCode(201);
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/projects/{id}", id)
                .then()
                .body("progressPeriod", equalTo("2026-01"))
                .body("investmentCompleted", equalTo(3000))
                .body("investmentCompletedThisYear", equalTo(100))
                .body("physicalProgress", equalTo(35));
    }

    @Test
    void statusAsOfAMonthIsComputedFromThatMonthsStageAndFigures() {
        String id = project(knownPark(), Map.of());
        transition(ADMIN, id, "UNDER_CONSTRUCTION", "2025-03-05", null).statusCode(200);
        progress(ADMIN, id, "2025-03", 800, 800, 5, null).statusCode(201);
        progress(ADMIN, id, "2025-06", 3000, 3000, 30, null).statusCode(201);

        // June: 3000 of the year's 12000 = 25.00 % against 50.00 % of the year gone: 25 points behind, yellow.
        status(id, "2025-06")
                .body("colour", equalTo("YELLOW"))
                .body("yearCompletionRate", equalTo(25))
                .body("timeElapsed", equalTo(50))
                .body("investmentGapPoints", equalTo(-25))
                .body("overallCompletionRate", equalTo(5.77f))
                .body("physicalFinancialGapPoints", equalTo(24.23f))
                .body("stalled", equalTo(false))
                .body("monthsWithoutProgress", equalTo(0))
                .body("reasons.find { it.rule == 'investment' }.message", equalTo("年度投资完成率25.00%，欠时序进度25.0个百分点"));
        // September, nothing reported since June: 50 points behind (red) and three months without progress (stalled).
        status(id, "2025-09")
                .body("colour", equalTo("RED"))
                .body("investmentGapPoints", equalTo(-50))
                .body("stalled", equalTo(true))
                .body("monthsWithoutProgress", equalTo(3))
                .body("reasons.rule", hasItems("investment", "stalled"));
        // February: still only signed, and the planned start (March) has not come.
        status(id, "2025-02")
                .body("colour", equalTo("GREEN"))
                .body("reasons[0].rule", equalTo("start"))
                .body("yearCompletionRate", equalTo(0))
                .body("investmentGapPoints", nullValue());
        // 2026-09: planned completion June 2026 passed three months ago, not completed: overdue and red.
        status(id, "2026-09")
                .body("colour", equalTo("RED"))
                .body("overdue", equalTo(true))
                .body("monthsOverdue", equalTo(3));
        status(id, "2024-12").statusCode(422).body("errors[0].field", equalTo("asOf"));
        status(id, "June").statusCode(400).body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void theLedgerCountsProblemsRaisedAndResolvedAndTheSummaryReadsLikeAReport() {
        String park = knownPark();
        String x = project(park, Map.of("name", "X 精密制造", "keyLevel", "MUNICIPAL"));
        String y = project(
                park,
                Map.of(
                        "name",
                        "Y 新材料",
                        "keyLevel",
                        "PROVINCIAL",
                        "signedOn",
                        "2024-05-01",
                        "plannedStart",
                        "2024-06-01",
                        "yearPlannedInvestment",
                        8000));
        String z = project(park, Map.of("name", "Z 物流仓储", "keyLevel", "NONE", "signedOn", "2025-02-01"));
        transition(ADMIN, x, "UNDER_CONSTRUCTION", "2025-03-05", null).statusCode(200);
        progress(ADMIN, x, "2025-06", 3000, 3000, 30, null).statusCode(201);
        progress(ADMIN, x, "2025-12", 14000, 12000, 100, null).statusCode(201);
        transition(ADMIN, x, "COMPLETED", "2025-10-10", null).statusCode(200);
        transition(ADMIN, z, "TERMINATED", "2025-04-01", "企业资金链断裂，协议解除").statusCode(200);

        List<String> raised = List.of("2025-02-10", "2025-04-01", "2025-07-15", "2025-11-01");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < raised.size(); i++) {
            ids.add(raise(
                            x,
                            Map.of(
                                    "description",
                                    "问题" + i,
                                    "raisedOn",
                                    raised.get(i),
                                    "department",
                                    "自然资源局",
                                    "dueOn",
                                    "2026-03-01"))
                    .statusCode(201)
                    .body("status", equalTo("OPEN"))
                    .extract()
                    .path("id"));
        }
        raise(y, Map.of("description", "供地指标未落实", "raisedOn", "2024-12-15", "dueOn", "2025-01-31"))
                .statusCode(201);
        resolve(x, ids.get(0), "2025-03-01").statusCode(200).body("status", equalTo("RESOLVED"));
        resolve(x, ids.get(1), "2025-05-01").statusCode(200);
        resolve(x, ids.get(2), "2025-12-20").statusCode(200);
        resolve(x, ids.get(2), "2025-12-21").statusCode(409).body("code", equalTo("already_resolved"));
        resolve(x, ids.get(3), "2025-10-01").statusCode(422).body("errors[0].field", equalTo("resolvedOn"));
        raise(
                        x,
                        Map.of(
                                "description",
                                "未来的问题",
                                "raisedOn",
                                (io.parkpulse.common.periods.CityTime.today().getYear() + 1) + "-01-01"))
                .statusCode(422)
                .body("errors[0].field", equalTo("raisedOn"));
        raise(x, Map.of("description", "倒填", "raisedOn", "2025-05-01", "dueOn", "2025-04-01"))
                .statusCode(422)
                .body("errors[0].field", equalTo("dueOn"));

        given().auth()
                .oauth2(ADMIN)
                .queryParams(Map.of("period", "2025", "park", park))
                .get("/api/v1/problems/summary")
                .then()
                .statusCode(200)
                .body("counts.raised", equalTo(4))
                .body("counts.resolvedOfRaised", equalTo(3))
                .body("counts.resolutionRate", equalTo(75))
                .body("counts.resolvedInPeriod", equalTo(3))
                .body("counts.openAtEnd", equalTo(2))
                .body("counts.overdueAtEnd", equalTo(1));
        given().auth()
                .oauth2(ADMIN)
                .queryParams(Map.of("park", park, "status", "OPEN", "sort", "raisedOn"))
                .get("/api/v1/problems")
                .then()
                .body("total", equalTo(2))
                .body("items[0].description", equalTo("供地指标未落实"))
                .body("items[0].overdue", equalTo(true));

        given().auth()
                .oauth2(Tokens.token("park-staff", park))
                .queryParam("period", "2025")
                .get("/api/v1/projects/summary")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].park", equalTo(park))
                .body("[0].projects", equalTo(3))
                .body("[0].byStage.COMPLETED", equalTo(1))
                .body("[0].byStage.SIGNED", equalTo(1))
                .body("[0].byStage.TERMINATED", equalTo(1))
                .body("[0].newStarts", equalTo(1))
                .body("[0].completions", equalTo(1))
                .body("[0].productions", equalTo(0))
                .body("[0].keyProjects.PROVINCIAL", equalTo(1))
                .body("[0].keyProjects.MUNICIPAL", equalTo(1))
                .body("[0].investment.yearPlanned", equalTo(20000))
                .body("[0].investment.completedThisYear", equalTo(12000))
                .body("[0].investment.completionRate", equalTo(60))
                .body("[0].investment.gapPoints", equalTo(-40))
                .body("[0].red.name", contains("Y 新材料"))
                .body("[0].problems.raised", equalTo(4));
        // In the first quarter only X and Z's signing had happened... and Y, signed the year before.
        given().auth()
                .oauth2(ADMIN)
                .queryParams(Map.of("period", "2025-Q1", "park", park))
                .get("/api/v1/projects/summary")
                .then()
                .body("[0].projects", equalTo(3))
                .body("[0].byStage.UNDER_CONSTRUCTION", equalTo(1))
                .body("[0].byStage.TERMINATED", equalTo(0))
                .body("[0].newStarts", equalTo(1))
                .body("[0].completions", equalTo(0));
        given().auth()
                .oauth2(ADMIN)
                .queryParams(Map.of("period", "2024", "park", park))
                .get("/api/v1/projects/summary")
                .then()
                .body("[0].projects", equalTo(1));
        given().auth()
                .oauth2(ADMIN)
                .queryParams(Map.of("period", "2025-Q5"))
                .get("/api/v1/projects/summary")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
    }

    static ValidatableResponse status(String id, String asOf) {
        return given().auth()
                .oauth2(ADMIN)
                .queryParam("asOf", asOf)
                .get("/api/v1/projects/{id}/status", id)
                .then();
    }

    static ValidatableResponse raise(String project, Map<String, Object> body) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/projects/{id}/problems", project)
                .then();
    }

    static ValidatableResponse resolve(String project, String problem, String on) {
        long version = given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/projects/{id}/problems", project)
                .then()
                .extract()
                .<Number>path("find { it.id == '" + problem + "' }.version")
                .longValue();
        return given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("resolution", "已协调解决", "resolvedOn", on, "version", version))
                .post("/api/v1/projects/{id}/problems/{p}/resolve", project, problem)
                .then();
    }
}
