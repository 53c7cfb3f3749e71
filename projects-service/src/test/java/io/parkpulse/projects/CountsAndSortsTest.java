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
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.common.periods.CityTime;
import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.repository.ProjectRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
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

    @Test
    void theColourFilterReadsEachProjectAsItStoodAtTheEndOfTheMonthAsked() {
        String park = knownPark();
        // Of the year's 12000: by June (50 % of the year gone) A has 40.005 %, B 39.999 %, C 75 %.
        String a = underConstruction(park, "A", "4800.6");
        String b = underConstruction(park, "B", "4799.9");
        underConstruction(park, "C", "9000");
        // A's later report makes it green in September, which must not colour June.
        Projects.progress(ADMIN, a, "2025-09", 12000, 12000, 80, null).statusCode(201);

        projects(park, Map.of("colour", "YELLOW", "asOf", "2025-06"))
                .body("items.name", containsInAnyOrder("A", "B"))
                .body("items.status.asOf", everyItem(equalTo("2025-06")))
                .body("items.status.colour", everyItem(equalTo("YELLOW")));
        projects(park, Map.of("colour", "GREEN", "asOf", "2025-06")).body("items.name", contains("C"));
        // September: A 100 % green; B 35 points behind, red; C without a report for three months, stalled.
        projects(park, Map.of("colour", "GREEN", "asOf", "2025-09")).body("items.name", contains("A"));
        projects(park, Map.of("colour", "RED", "asOf", "2025-09")).body("items.name", contains("B"));
        projects(park, Map.of("colour", "YELLOW", "asOf", "2025-09")).body("items.name", contains("C"));
        // February: signed, the planned start not yet come.
        projects(park, Map.of("colour", "GREEN", "asOf", "2025-02"))
                .body("items.name", containsInAnyOrder("A", "B", "C"));
        // Before the signing there was no colour at all.
        projects(park, Map.of("colour", "GREEN", "asOf", "2024-12")).body("total", equalTo(0));
        projects(park, Map.of("asOf", "2024-12"))
                .body("total", equalTo(3))
                .body("items.status", everyItem(nullValue()));
        projects(park, Map.of("asOf", "2025-06", "sort", "name"))
                .body("items.status.colour", contains("YELLOW", "YELLOW", "GREEN"));
        // Without asOf, this month's colour: the planned completion (2026-06-30) has long passed.
        projects(park, Map.of("colour", "YELLOW")).body("total", equalTo(0));

        int nextYear = CityTime.today().getYear() + 1;
        for (String bad : List.of("1999-12", (nextYear + 1) + "-01", "2025-13", "June", "2025-6")) {
            given().auth()
                    .oauth2(ADMIN)
                    .queryParams(Map.of("park", park, "colour", "GREEN", "asOf", bad))
                    .get("/api/v1/projects")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("asOf"));
        }
        projects(park, Map.of("colour", "GREEN", "asOf", "2000-01")).body("total", equalTo(0));
        projects(park, Map.of("colour", "GREEN", "asOf", nextYear + "-12")).statusCode(200);
    }

    @Test
    void mostBehindFirstOrdersOnTheExactGapNotOnTheRoundedOneShown() {
        String park = knownPark();
        // June: A is 9.995 points behind, B 10.0008; both show −10.00. A was registered first, so an order on the
        // rounded figure (ties broken by registration) would put A first.
        String a = underConstruction(park, "A", "4800.6");
        String b = underConstruction(park, "B", "4799.9");
        String c = underConstruction(park, "C", "9000");
        String signed = project(park, Map.of("name", "D"));
        projects(park, Map.of("asOf", "2025-06", "sort", "investmentGapPoints"))
                .body("items.id", contains(b, a, c, signed))
                .body("items.status.investmentGapPoints", contains(-10, -10, 25, null));
        projects(park, Map.of("asOf", "2025-06", "sort", "-investmentGapPoints"))
                .body("items.id", contains(c, a, b, signed));
        projects(park, Map.of("asOf", "2025-06", "sort", "investmentGapPoints", "colour", "YELLOW", "size", "1"))
                .body("total", equalTo(2))
                .body("items.id", contains(b));
        // This month none has a gap (the plans are for 2025): registration order.
        projects(park, Map.of("sort", "investmentGapPoints")).body("items.id", contains(a, b, c, signed));
    }

    /** A project under construction since March 2025 whose June report puts this year's investment at {@code june}. */
    static String underConstruction(String park, String name, String june) {
        String id = project(park, Map.of("name", name));
        Projects.transition(ADMIN, id, "UNDER_CONSTRUCTION", "2025-03-05", null).statusCode(200);
        Projects.progress(ADMIN, id, "2025-06", new BigDecimal(june), new BigDecimal(june), 30, null)
                .statusCode(201);
        return id;
    }

    static ValidatableResponse projects(String park, Map<String, String> query) {
        return given().auth()
                .oauth2(ADMIN)
                .queryParam("park", park)
                .queryParams(query)
                .get("/api/v1/projects")
                .then()
                .statusCode(200);
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
