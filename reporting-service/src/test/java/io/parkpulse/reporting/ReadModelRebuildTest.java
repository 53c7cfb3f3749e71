package io.parkpulse.reporting;

import static io.parkpulse.reporting.RankingTest.bootstrap;
import static io.parkpulse.reporting.RankingTest.park;
import static io.parkpulse.reporting.RankingTest.value;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.parkpulse.reporting.console.ConsoleSession;
import io.parkpulse.reporting.service.QuarterlySchedule;
import io.parkpulse.reporting.service.Rebuilds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rebuild as one operation of every instance: its state machine (RUNNING → DONE, or FAILED when its instance
 * stops renewing the lease, then taken over), a second request refused while one runs, reads answering 503 and
 * assessment runs 409 meanwhile, and the progress and report a finished rebuild shows. Another instance's rebuild is
 * played by its row in the database, which is all another instance shares with this one.
 */
@QuarkusTest
class ReadModelRebuildTest {

    static final String ADMIN = Tokens.token("bureau-admin", null);

    @Inject
    EntityManager em;

    @Inject
    ConsoleSession sessions;

    @Inject
    QuarterlySchedule schedule;

    @Inject
    Rebuilds rebuilds;

    /** What every group consumer's record transaction asks before it applies a record. */
    boolean groupMayApply() {
        return QuarkusTransaction.requiringNew().call(() -> rebuilds.admits());
    }

    static Response ranking(String indicator, String group) {
        return given().auth()
                .oauth2(ADMIN)
                .queryParams("indicator", indicator, "period", "2016-06", "peerGroup", group)
                .get("/api/v1/rankings");
    }

    static Map<String, Object> rebuild(String id) {
        return given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/read-model/rebuilds/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .path("$");
    }

    static List<Map<String, Object>> rebuilds() {
        return given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/read-model/rebuilds")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
    }

    /** Waits (bounded) until no rebuild is RUNNING; a test that started one leaves the read model whole. */
    static void awaitNoRebuildRunning() {
        TestEvents.await("the running rebuild to end", Duration.ofSeconds(120), () -> {
            List<Map<String, Object>> all = rebuilds();
            return all.isEmpty() || !"RUNNING".equals(all.get(0).get("state"));
        });
    }

    /** The id of some rebuild, running one (and waiting for it) when there was none. */
    static String anyRebuild() {
        List<Map<String, Object>> all = rebuilds();
        if (!all.isEmpty()) {
            return (String) all.get(0).get("id");
        }
        String id = given().auth()
                .oauth2(ADMIN)
                .post("/api/v1/read-model/rebuild")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        awaitNoRebuildRunning();
        return id;
    }

    static String group(String letter) {
        return letter + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /** Three parks whose ranking is in the read model; returns the ranking's body. */
    static String parksRanked(String g, String indicator) {
        for (int i = 0; i < 3; i++) {
            park(g + i, "重建测试园区" + i, g);
            value(g + i, indicator, "2016-06", String.valueOf(100 + 10 * i), 1, null);
        }
        TestEvents.await(
                "three parks ranked",
                Duration.ofSeconds(30),
                () -> ranking(indicator, g).then().extract().<Object>path("entries") instanceof List<?> e
                        && e.size() == 3);
        return ranking(indicator, g).then().statusCode(200).extract().asString();
    }

    @Test
    void whileAnotherInstanceRebuildsRequestsAreRefusedAndAnAbandonedRebuildIsTakenOver() {
        awaitNoRebuildRunning();
        String g = group("W");
        String before = parksRanked(g, "rebuild_held");
        UUID other = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("insert into read_model_rebuild (id, state, instance, requested_by)"
                                + " values (?1, 'RUNNING', 'other-host/4242/0000', 'someone')")
                        .setParameter(1, other)
                        .executeUpdate());

        assertTrue(!groupMayApply(), "the group consumers are held while another instance rebuilds");

        // A second request names the running rebuild, its instance and progress.
        given().auth()
                .oauth2(ADMIN)
                .post("/api/v1/read-model/rebuild")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("rebuild_running"))
                .body("context.id", org.hamcrest.Matchers.equalTo(other.toString()))
                .body("context.instance", org.hamcrest.Matchers.equalTo("other-host/4242/0000"))
                .body("context.state", org.hamcrest.Matchers.equalTo("RUNNING"));

        // Reads answer 503 with Retry-After rather than from a half-built read model, in both languages.
        Response held = ranking("rebuild_held", g);
        assertEquals(503, held.statusCode(), held.asString());
        assertEquals("15", held.header("Retry-After"));
        assertTrue(held.contentType().startsWith("application/problem+json"));
        assertEquals("read_model_rebuilding", held.path("code"));
        assertEquals("数据重建中，请稍后再试", held.path("detail"));
        given().auth()
                .oauth2(ADMIN)
                .header("Accept-Language", "en")
                .queryParams("period", "2016-06")
                .get("/api/v1/city/figures")
                .then()
                .statusCode(503)
                .header("Retry-After", "15")
                .body("detail", containsString("being rebuilt"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("quarter", "2016-Q2"))
                .post("/api/v1/assessments/preview")
                .then()
                .statusCode(503);
        // Assessment runs are refused, the manual one with 409 and the scheduled one rolled back (its claim too).
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("quarter", "2001-Q3"))
                .post("/api/v1/assessments")
                .then()
                .statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("read_model_rebuilding"));
        ProblemException refused = assertThrows(ProblemException.class, () -> schedule.runOnce("2001-Q3", "test"));
        assertEquals("read_model_rebuilding", refused.code());
        assertEquals(
                0L,
                ((Number) em.createNativeQuery(
                                        "select count(*) from assessment_schedule_guard where quarter = '2001-Q3'")
                                .getSingleResult())
                        .longValue());
        // The console shows the service's words as a page.
        String cookie = sessions.open(ADMIN, false).getValue();
        given().cookie("pp_console", cookie)
                .queryParams("indicator", "rebuild_held", "period", "2016-06")
                .get("/console/rankings")
                .then()
                .statusCode(503)
                .contentType(containsString("text/html"))
                .body(containsString("数据重建中，请稍后再试"));

        // Published meanwhile: held by the group consumer, applied once after the rebuild.
        UUID late = value(g + "0", "rebuild_held", "2016-06", "500", 2, null);

        // The other instance stops renewing its lease: its rebuild is marked abandoned and this one starts over.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update read_model_rebuild set heartbeat_at = now() - interval '1 hour' where id = ?1")
                        .setParameter(1, other)
                        .executeUpdate());
        TestEvents.await(
                "the abandoned rebuild to be taken over and done",
                Duration.ofSeconds(120),
                () -> rebuilds().stream()
                        .anyMatch(r -> other.toString().equals(r.get("takesOver")) && "DONE".equals(r.get("state"))));
        assertTrue(groupMayApply(), "the group consumers go on once the rebuild is done");
        Map<String, Object> abandoned = rebuild(other.toString());
        assertEquals("FAILED", abandoned.get("state"));
        assertTrue(((String) abandoned.get("error")).startsWith("abandoned"), abandoned.toString());
        Map<String, Object> takeover = rebuilds().get(0);
        assertEquals(other.toString(), takeover.get("takesOver"));
        assertEquals(Rebuilds.INSTANCE, takeover.get("instance"));

        TestEvents.await(
                "the late value ranked",
                Duration.ofSeconds(30),
                () -> ranking("rebuild_held", g).statusCode() == 200
                        && ranking("rebuild_held", g).asString().contains("500"));
        assertEquals(
                1L,
                ((Number) em.createNativeQuery("select count(*) from processed_event where event_id = ?1")
                                .setParameter(1, late)
                                .getSingleResult())
                        .longValue());
        String after =
                ranking("rebuild_held", g).then().statusCode(200).extract().asString();
        assertTrue(!after.equals(before), "the value published during the rebuild changed the ranking");
    }

    @Test
    void aRebuildReplaysEveryTopicToItsCapturedEndAndReports() {
        awaitNoRebuildRunning();
        String g = group("P");
        // A redelivered event (same id twice) and a record that can never be applied, both before the rebuild.
        UUID id = value(g + "9", "rebuild_rep", "2016-06", "1", 1, null);
        value(g + "9", "rebuild_rep", "2016-06", "1", 1, id);
        TestEvents.publishRaw(bootstrap(), Topics.INDICATORS, g + "9", "no headers at all");
        String before = parksRanked(g, "rebuild_rep");

        Response started = given().auth().oauth2(ADMIN).post("/api/v1/read-model/rebuild");
        assertEquals(202, started.statusCode(), started.asString());
        String rid = started.path("id");
        assertEquals(
                "/api/v1/read-model/rebuilds/" + rid,
                java.net.URI.create(started.header("Location")).getPath());
        assertTrue(List.of("RUNNING", "DONE").contains(started.<String>path("state")));
        assertEquals(Rebuilds.INSTANCE, started.path("instance"));

        TestEvents.await(
                "the rebuild to end",
                Duration.ofSeconds(120),
                () -> !"RUNNING".equals(rebuild(rid).get("state")));
        Map<String, Object> done = rebuild(rid);
        assertEquals("DONE", done.get("state"), done.toString());
        assertNotNull(done.get("finishedAt"));
        assertEquals(rid, rebuilds().get(0).get("id"));
        List<Map<String, Object>> topics = (List<Map<String, Object>>) done.get("topics");
        assertEquals(
                List.of(Topics.INDICATORS, Topics.INVESTMENT, Topics.PARKS, Topics.PROJECTS),
                topics.stream().map(t -> t.get("topic")).sorted().toList());
        for (Map<String, Object> t : topics) {
            assertEquals(t.get("total"), t.get("replayed"), "every record to the captured end: " + t);
        }
        Map<String, Object> report = (Map<String, Object>) done.get("report");
        long indicatorRecords = topics.stream()
                .filter(t -> t.get("topic").equals(Topics.INDICATORS))
                .mapToLong(t -> ((Number) t.get("total")).longValue())
                .sum();
        long applied = ((Number) report.get("applied")).longValue();
        long duplicates = ((Number) report.get("duplicatesSkipped")).longValue();
        long dead = ((Number) report.get("deadLettered")).longValue();
        assertTrue(indicatorRecords >= 6, report.toString());
        assertTrue(duplicates >= 1, "the redelivered event is skipped: " + report);
        assertTrue(dead >= 1, "the record without headers is dead-lettered again: " + report);
        assertTrue(applied >= 5, report.toString());
        assertTrue(((Number) report.get("durationSeconds")).doubleValue() >= 0);
        assertEquals(
                before,
                ranking("rebuild_rep", g).then().statusCode(200).extract().asString());

        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/read-model/rebuilds/{id}", UUID.randomUUID())
                .then()
                .statusCode(404);
    }
}
