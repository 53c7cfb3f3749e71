package io.parkpulse.reporting;

import static io.parkpulse.reporting.RankingTest.park;
import static io.parkpulse.reporting.RankingTest.value;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Dropping the read model and replaying every topic gives exactly the same rankings and assessment as before. */
@QuarkusTest
class RebuildTest {

    static final String ADMIN = Tokens.token("bureau-admin", null);

    @Inject
    EntityManager em;

    static String ranking(String g) {
        return given().auth()
                .oauth2(ADMIN)
                .queryParams("figure", "growth:rebuild_out", "period", "2015-06", "peerGroup", g)
                .get("/api/v1/rankings")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    static Map<String, Object> counts() {
        return given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/read-model")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
    }

    /** Totals, ranks and tiers only: the scores are what must match. */
    static List<String> preview(String scheme) {
        return given()
                .auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("quarter", "2015-Q2", "scheme", scheme))
                .post("/api/v1/assessments/preview")
                .then()
                .statusCode(200)
                .extract()
                .<List<Map<String, Object>>>path("$")
                .stream()
                .map(r -> r.get("park") + "=" + r.get("total") + "#" + r.get("rank") + r.get("tier"))
                .sorted()
                .toList();
    }

    @Test
    void aRebuiltReadModelGivesTheSameRankingsAndAssessment() {
        String g = "R" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        for (int i = 0; i < 4; i++) {
            park(g + i, "重建园区" + i, g);
            value(g + i, "rebuild_out", "2014-06", "100", 1, null);
            value(g + i, "rebuild_out", "2015-06", String.valueOf(100 + 7 * i), 1, null);
            // A later version and a replayed duplicate: the rebuild must land on the same latest figure.
            UUID id = value(g + i, "rebuild_out", "2015-06", String.valueOf(105 + 3 * i), 2, null);
            value(g + i, "rebuild_out", "2015-06", "1", 2, id);
        }
        TestEvents.await(
                "four parks ranked",
                Duration.ofSeconds(30),
                () -> given().auth()
                                        .oauth2(ADMIN)
                                        .queryParams("indicator", "rebuild_out", "period", "2015-06", "peerGroup", g)
                                        .get("/api/v1/rankings")
                                        .then()
                                        .extract()
                                        .<Object>path("entries")
                                instanceof List<?> e
                        && e.size() == 4);
        String scheme = "rb" + UUID.randomUUID().toString().substring(0, 6);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(AssessmentTest.scheme(
                        List.of(
                                AssessmentTest.item("g", "growth:rebuild_out", 60, "EFFICACY"),
                                AssessmentTest.item("v", "value:rebuild_out", 40, "RANK")),
                        AssessmentTest.SCORE_TIERS))
                .post("/api/v1/assessment-schemes/{c}", scheme)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("quarter", "2015-Q2", "scheme", scheme))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201);
        List<String> stored = given()
                .auth()
                .oauth2(ADMIN)
                .get("/api/v1/assessments/2015-Q2")
                .then()
                .extract()
                .<List<Map<String, Object>>>path("results")
                .stream()
                .map(r -> r.get("park") + "=" + r.get("total") + "#" + r.get("rank") + r.get("tier"))
                .sorted()
                .toList();
        String rankingBefore = ranking(g);
        List<String> previewBefore = preview(scheme);
        assertEquals(stored, previewBefore, "a preview of the published quarter gives its published results");
        Map<String, Object> before = counts();

        // Damage the read model behind the events' back: only a replay from the events can put it right.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update indicator_fact set value = 0 where indicator_code = 'rebuild_out'")
                        .executeUpdate());
        org.junit.jupiter.api.Assertions.assertNotEquals(rankingBefore, ranking(g));

        String rebuild = given().auth()
                .oauth2(ADMIN)
                .post("/api/v1/read-model/rebuild")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        TestEvents.await(
                "the rebuild to be done",
                Duration.ofSeconds(120),
                () -> "DONE".equals(ReadModelRebuildTest.rebuild(rebuild).get("state")));
        TestEvents.await("the replay to have rebuilt every table", Duration.ofSeconds(90), () -> {
            Map<String, Object> now = counts();
            return List.of("indicator_fact", "target_fact", "project_fact", "lead_fact", "park_replica").stream()
                    .allMatch(t -> now.get(t).equals(before.get(t)));
        });
        TestEvents.await(
                "the same ranking", Duration.ofSeconds(30), () -> ranking(g).equals(rankingBefore));
        assertEquals(rankingBefore, ranking(g));
        assertEquals(previewBefore, preview(scheme));
        given().auth().oauth2(ADMIN).get("/api/v1/assessments/2015-Q2").then().statusCode(200);
    }
}
