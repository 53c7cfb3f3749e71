package io.parkpulse.reporting;

import static io.parkpulse.reporting.RankingTest.bootstrap;
import static io.parkpulse.reporting.RankingTest.park;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Leads signed → landed → started → completed → in production, funds against investment, problems on key projects. */
@QuarkusTest
class CrossFiguresTest {

    static final String ANALYST = Tokens.token("bureau-analyst", null);

    static void lead(String park, UUID id, String landedOn) {
        TestEvents.publish(
                bootstrap(),
                Topics.INVESTMENT,
                park,
                EventTypes.LEAD_STAGE_CHANGED,
                "{\"id\":\"" + id + "\",\"park\":\""
                        + park + "\",\"projectName\":\"项目\",\"investor\":\"某集团\",\"stage\":\""
                        + (landedOn == null ? "SIGNED" : "LANDED")
                        + "\",\"intendedInvestment\":10000,\"contractedInvestment\":9000,\"signedOn\":\"2024-02-01\",\"landedOn\":"
                        + (landedOn == null ? "null" : "\"" + landedOn + "\"")
                        + ",\"landSupplied\":false,\"version\":3}",
                null);
    }

    static void project(
            String park,
            UUID id,
            UUID lead,
            String key,
            String started,
            String completed,
            String production,
            int invested) {
        TestEvents.publish(
                bootstrap(),
                Topics.PROJECTS,
                park,
                EventTypes.PROJECT_STAGE_CHANGED,
                "{\"id\":\"" + id + "\",\"park\":\"" + park
                        + "\",\"name\":\"项目\",\"kind\":\"INDUSTRIAL\",\"stage\":\"UNDER_CONSTRUCTION\",\"stageSince\":\"2024-06-01\","
                        + "\"keyLevel\":\"" + key + "\",\"totalInvestment\":20000,\"investmentCompleted\":" + invested
                        + ",\"signedOn\":\"2024-05-01\",\"startedOn\":" + date(started) + ",\"completedOn\":"
                        + date(completed)
                        + ",\"productionOn\":" + date(production) + ",\"leadId\":\"" + lead + "\",\"version\":2}",
                null);
    }

    static void funds(String park, UUID lead, String period, int amount) {
        TestEvents.publish(
                bootstrap(),
                Topics.INVESTMENT,
                park,
                EventTypes.FUNDS_REPORTED,
                "{\"leadId\":\"" + lead + "\",\"park\":\""
                        + park + "\",\"period\":\"" + period + "\",\"source\":\"OUTSIDE_CITY\",\"amount\":" + amount
                        + ",\"revision\":1}",
                null);
    }

    static void problem(String park, UUID project, String raised, String resolved) {
        TestEvents.publish(
                bootstrap(),
                Topics.PROJECTS,
                park,
                resolved == null ? EventTypes.PROBLEM_RAISED : EventTypes.PROBLEM_RESOLVED,
                "{\"id\":\"" + UUID.randomUUID() + "\",\"projectId\":\"" + project + "\",\"park\":\"" + park
                        + "\",\"description\":\"问题\","
                        + "\"raisedOn\":\"" + raised + "\",\"status\":\"" + (resolved == null ? "OPEN" : "RESOLVED")
                        + "\",\"resolvedOn\":"
                        + date(resolved) + ",\"version\":1}",
                null);
    }

    static String date(String d) {
        return d == null ? "null" : "\"" + d + "\"";
    }

    static ValidatableResponse figures(String park) {
        return given().auth()
                .oauth2(ANALYST)
                .queryParams("period", "2024", "park", park)
                .get("/api/v1/cross-figures")
                .then();
    }

    @Test
    void signedLeadsAreFollowedIntoProjectsFundsAndProblems() {
        String g = "X" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String park = g + "A";
        park(park, "跨域园区", g);
        UUID l1 = UUID.randomUUID(), l2 = UUID.randomUUID(), l3 = UUID.randomUUID(), l4 = UUID.randomUUID();
        lead(park, l1, "2024-05-01");
        lead(park, l2, "2024-05-01");
        lead(park, l3, "2024-05-01");
        lead(park, l4, null);
        UUID p1 = UUID.randomUUID(), p2 = UUID.randomUUID(), p3 = UUID.randomUUID();
        project(park, p1, l1, "PROVINCIAL", "2024-06-01", "2024-11-01", "2024-12-01", 5000);
        project(park, p2, l2, "NONE", "2024-07-01", null, null, 3000);
        project(park, p3, l3, "NONE", null, null, null, 0);
        funds(park, l1, "2024-06", 1000);
        funds(park, l1, "2024-09", 1000);
        funds(park, l2, "2024-12", 2000);
        funds(park, l2, "2025-01", 500);
        problem(park, p1, "2024-10-01", null);
        problem(park, p1, "2024-09-01", "2024-11-01");
        problem(park, p2, "2024-10-01", null);
        TestEvents.await("every fact in the read model", Duration.ofSeconds(30), () -> {
            var r = figures(park).extract();
            return r.statusCode() == 200
                    && Integer.valueOf(4).equals(r.path("[0].signed"))
                    && Integer.valueOf(2).equals(r.path("[0].started"))
                    && Integer.valueOf(4000).equals(r.path("[0].fundsInPlace"))
                    && Integer.valueOf(1).equals(r.path("[0].openProblemsOnKeyProjects"));
        });
        // 4 signed; 3 landed (履约率 75 %); 2 started (开工率 and 转化率 50 %); 1 completed and 1 in production (25 %).
        // Funds to December 4000 against 8000 invested: 50 %. One open problem on the provincial key project.
        figures(park)
                .statusCode(200)
                .body("[0].landed", equalTo(3))
                .body("[0].fulfilmentRate", equalTo(75))
                .body("[0].startRate", equalTo(50))
                .body("[0].conversionRate", equalTo(50))
                .body("[0].completed", equalTo(1))
                .body("[0].completionRate", equalTo(25))
                .body("[0].inProduction", equalTo(1))
                .body("[0].productionRate", equalTo(25))
                .body("[0].investmentCompleted", equalTo(8000))
                .body("[0].fundsToInvestmentPct", equalTo(50))
                .body("[0].openProblemsOnKeyProjects", equalTo(1));
        // Half a year earlier, nothing had started yet and one problem was not yet raised.
        given().auth()
                .oauth2(ANALYST)
                .queryParams("period", "2024-H1", "park", park)
                .get("/api/v1/cross-figures")
                .then()
                .body("[0].signed", equalTo(4))
                .body("[0].landed", equalTo(3))
                .body("[0].started", equalTo(1))
                .body("[0].fundsInPlace", equalTo(1000))
                .body("[0].openProblemsOnKeyProjects", equalTo(0));
        given().auth()
                .oauth2(ANALYST)
                .queryParams("period", "2024-13")
                .get("/api/v1/cross-figures")
                .then()
                .statusCode(400);
    }
}
