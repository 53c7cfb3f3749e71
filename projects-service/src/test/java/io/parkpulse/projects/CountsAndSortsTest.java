package io.parkpulse.projects;

import static io.parkpulse.projects.ProgressStatusApiTest.raise;
import static io.parkpulse.projects.ProgressStatusApiTest.resolve;
import static io.parkpulse.projects.ProgressStatusApiTest.status;
import static io.parkpulse.projects.Projects.ADMIN;
import static io.parkpulse.projects.Projects.knownPark;
import static io.parkpulse.projects.Projects.project;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.common.periods.CityTime;
import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.repository.ProjectRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** Counts and lists of docs/projects.md that must agree: what is overdue, and in which order projects come. */
@QuarkusTest
class CountsAndSortsTest {

    @Inject
    SessionFactory sessions;

    @Test
    void theSummaryAndTheLedgerAgreeOnWhatIsOverdueForAPastMonthAndForThisMonth() {
        String park = knownPark();
        String x = project(park, Map.of());
        // March 2025, judged on 31 March.
        String a = problem(x, "2025-02-10", "2025-03-15"); // overdue on 31 March, resolved only in April
        resolve(x, a, "2025-04-10").statusCode(200);
        String b = problem(x, "2025-03-01", "2025-03-31"); // due on the last day: not yet late then
        String c = problem(x, "2025-01-05", "2025-02-01"); // late, but resolved by then
        resolve(x, c, "2025-03-10").statusCode(200);
        String d = problem(x, "2025-04-02", "2025-04-03"); // raised after March
        summary(park, "2025-03").body("counts.openAtEnd", equalTo(2)).body("counts.overdueAtEnd", equalTo(1));
        ledger(park, "2025-03", true)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(a))
                .body("items[0].status", equalTo("RESOLVED"))
                .body("items[0].overdue", equalTo(true))
                .body("items[0].overdueAsOf", equalTo("2025-03-31"));
        // Raised in March, and each entry judged on 31 March too.
        ledger(park, "2025-03", false)
                .body("items.id", containsInAnyOrder(b))
                .body("items[0].overdue", equalTo(false))
                .body("items[0].overdueAsOf", equalTo("2025-03-31"));

        // This month, judged today: due today is not late, though it is before the month's last day.
        LocalDate today = CityTime.today();
        String since = today.minusMonths(1).withDayOfMonth(1).toString();
        String late = problem(x, since, today.minusDays(1).toString());
        problem(x, since, today.toString());
        String settled = problem(x, since, since);
        resolve(x, settled, today.toString()).statusCode(200);
        List<String> overdueNow = List.of(b, d, late);
        for (String period : List.of(YearMonth.from(today).toString(), String.valueOf(today.getYear()))) {
            summary(park, period).body("counts.overdueAtEnd", equalTo(overdueNow.size()));
            ledger(park, period, true)
                    .body("total", equalTo(overdueNow.size()))
                    .body("items.id", containsInAnyOrder(overdueNow.toArray()))
                    .body("items.overdueAsOf", equalTo(List.of(today.toString(), today.toString(), today.toString())));
        }
        ledger(park, null, true).body("items.id", containsInAnyOrder(overdueNow.toArray()));
        int flagged = given()
                .auth()
                .oauth2(ADMIN)
                .get("/api/v1/projects/{id}/problems", x)
                .then()
                .extract()
                .<List<Boolean>>path("overdue")
                .stream()
                .mapToInt(o -> o ? 1 : 0)
                .sum();
        assertEquals(overdueNow.size(), flagged);
    }

    @Test
    void aProjectIsOverdueFromTheDayAfterItsPlannedCompletionAsOfThePeriodsCutoff() {
        String park = knownPark();
        String midMonth = project(park, Map.of("plannedCompletion", "2025-06-15"));
        status(midMonth, "2025-05").body("overdue", equalTo(false));
        status(midMonth, "2025-06")
                .body("overdue", equalTo(true))
                .body("monthsOverdue", equalTo(0))
                .body("reasons.find { it.rule == 'completion' }.message", equalTo("已过计划竣工日期2025-06-15，尚未竣工"));
        status(midMonth, "2025-09").body("overdue", equalTo(true)).body("monthsOverdue", equalTo(3));

        // This month is judged today, not on its last day.
        LocalDate today = CityTime.today();
        String thisMonth = YearMonth.from(today).toString();
        String dueToday = project(park, Map.of("plannedCompletion", today.toString()));
        String dueYesterday =
                project(park, Map.of("plannedCompletion", today.minusDays(1).toString()));
        status(dueToday, thisMonth).body("overdue", equalTo(false));
        status(dueYesterday, thisMonth).body("overdue", equalTo(true));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/projects/{id}", dueToday)
                .then()
                .body("status.overdue", equalTo(false));
    }

    @Test
    void problemListsNameEachEntrysProjectAndParkWithOneQueryForThePage() {
        String park = knownPark();
        String x = project(park, Map.of("name", "甲 精密制造"));
        String y = project(park, Map.of("name", "乙 新材料"));
        problem(x, "2025-02-01", "2025-03-01");
        problem(x, "2025-02-02", "2025-03-01");
        problem(y, "2025-02-03", "2025-03-01");
        Statistics stats = sessions.getStatistics();
        long namesQueries = stats.getQueryStatistics(ProjectRepository.NAMES).getExecutionCount();
        long projectLoads = stats.getEntityStatistics(Project.class.getName()).getLoadCount();
        ledger(park, null, false)
                .body("total", equalTo(3))
                .body("items.projectName", contains("甲 精密制造", "甲 精密制造", "乙 新材料"))
                .body("items.parkName", everyItem(equalTo("甲园区")));
        assertEquals(
                namesQueries + 1,
                stats.getQueryStatistics(ProjectRepository.NAMES).getExecutionCount());
        assertEquals(
                projectLoads, stats.getEntityStatistics(Project.class.getName()).getLoadCount());
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/projects/{id}/problems", x)
                .then()
                .body("projectName", everyItem(equalTo("甲 精密制造")))
                .body("parkName", everyItem(equalTo("甲园区")));
        raise(y, Map.of("description", "电力增容未落实"))
                .statusCode(201)
                .body("projectName", equalTo("乙 新材料"))
                .body("parkName", equalTo("甲园区"));
    }

    static String problem(String project, String raisedOn, String dueOn) {
        return raise(project, Map.of("description", "问题 " + raisedOn, "raisedOn", raisedOn, "dueOn", dueOn))
                .statusCode(201)
                .extract()
                .path("id");
    }

    static ValidatableResponse summary(String park, String period) {
        return given().auth()
                .oauth2(ADMIN)
                .queryParams(Map.of("period", period, "park", park))
                .get("/api/v1/problems/summary")
                .then()
                .statusCode(200);
    }

    static ValidatableResponse ledger(String park, String period, boolean overdue) {
        var request = given().auth().oauth2(ADMIN).queryParam("park", park);
        if (period != null) {
            request.queryParam("period", period);
        }
        if (overdue) {
            request.queryParam("overdue", "true");
        }
        return request.get("/api/v1/problems").then().statusCode(200);
    }
}
