package io.parkpulse.reporting.deadletters;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.common.deadletters.DeadLetters;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A record the consumer refuses becomes a work item: listed with its payload and error, re-processed once the
 * cause is fixed (applied once, through the consumer's own path), or discarded with a reason that stays.
 */
@QuarkusTest
class DeadLetterTest {

    static final String ADMIN = Tokens.token("bureau-admin", null);
    static final String DEAD_LETTERS = "/api/v1/operations/dead-letters";

    @Inject
    DeadLetters deadLetters;

    @AfterEach
    void deployed() {
        RefusingRelease.refusing = false;
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static void park(String code, String group) {
        TestEvents.publish(
                bootstrap(),
                Topics.PARKS,
                code,
                EventTypes.PARK_REGISTERED,
                "{\"code\":\"" + code + "\",\"name\":\"死信园区\",\"level\":\"PROVINCIAL\",\"kind\":\"INDUSTRIAL_PARK\","
                        + "\"peerGroup\":\"" + group + "\",\"status\":\"ACTIVE\",\"version\":0}",
                null);
    }

    static UUID value(String park, String indicator, String value, UUID id) {
        return TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                park,
                EventTypes.VALUE_RECORDED,
                "{\"park\":\"" + park + "\",\"indicator\":\"" + indicator + "\",\"indicatorName\":\"新指标\","
                        + "\"period\":\"2016-03\",\"value\":" + value + ",\"unit\":\"万元\",\"version\":1,"
                        + "\"source\":\"API\",\"recordedBy\":\"t\",\"recordedAt\":\"2016-04-10T10:00:00+08:00\"}",
                id);
    }

    /** The values of the indicator ranked in the group from the read model; none while no park has reported it. */
    static List<Object> ranked(String indicator, String group) {
        var r = given().auth()
                .oauth2(ADMIN)
                .queryParams("indicator", indicator, "period", "2016-03", "peerGroup", group)
                .get("/api/v1/rankings");
        if (r.statusCode() == 400 && "unknown_indicator".equals(r.path("code"))) {
            return List.of();
        }
        return r.then().statusCode(200).extract().path("entries.value");
    }

    /** The dead letter of the event, once the consumer has recorded it. */
    static Map<String, Object> deadLetterOf(UUID eventId) {
        TestEvents.await("event " + eventId + " dead-lettered", Duration.ofSeconds(30), () -> find(eventId) != null);
        return find(eventId);
    }

    static Map<String, Object> find(UUID eventId) {
        return given().auth()
                .oauth2(Tokens.token("service", null))
                .queryParams("topic", Topics.INDICATORS, "size", 500)
                .get(DEAD_LETTERS)
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.eventId == '" + eventId + "' }");
    }

    static Map<String, Object> get(Object id) {
        return given().auth()
                .oauth2(ADMIN)
                .get(DEAD_LETTERS + "/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .path("$");
    }

    @Test
    void aRefusedEventIsListedReprocessedOnceTheCauseIsFixedAndAppliedOnce() {
        Instant start = Instant.now();
        String g = "DL" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String park = g + "A";
        RefusingRelease.refusing = true;
        park(park, g);
        value(park, "dlq_before", "5", null);
        UUID poison = value(park, RefusingRelease.INDICATOR, "7", null);
        value(park, "dlq_after", "9", null);

        // The consumer goes past the refused event: the values around it are applied.
        TestEvents.await(
                "the later value applied",
                Duration.ofSeconds(30),
                () -> !ranked("dlq_after", g).isEmpty());
        assertEquals(1, ranked("dlq_before", g).size());
        Map<String, Object> dead = deadLetterOf(poison);
        assertEquals(park, dead.get("key"));
        assertEquals(EventTypes.VALUE_RECORDED, dead.get("eventType"));
        assertEquals("OPEN", dead.get("status"));
        assertEquals(1, dead.get("attempts"));
        assertTrue(dead.get("payload").toString().contains("\"value\":7"), "the payload as it was read");
        assertTrue(dead.get("error").toString().contains("not known to this release"));
        assertNotNull(dead.get("firstAttemptAt"));
        assertEquals(poison.toString(), ((Map<?, ?>) dead.get("headers")).get("ce_id"), "the headers are kept too");
        assertTrue(ranked(RefusingRelease.INDICATOR, g).isEmpty());

        // Before the fix, re-processing fails again: still open, with one more attempt, and the caller told why.
        Object id = dead.get("id");
        given().auth()
                .oauth2(ADMIN)
                .header("Accept-Language", "en")
                .post(DEAD_LETTERS + "/{id}/reprocess", id)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("reprocess_failed"))
                .body("detail", containsString("not known to this release"));
        assertEquals("OPEN", get(id).get("status"));
        assertEquals(2, get(id).get("attempts"));

        // The fix is deployed: re-processing applies the event, once.
        RefusingRelease.refusing = false;
        given().auth()
                .oauth2(ADMIN)
                .post(DEAD_LETTERS + "/{id}/reprocess", id)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("APPLIED"))
                .body("deadLetter.status", equalTo("REPROCESSED"))
                .body("deadLetter.resolvedBy", equalTo("bureau-admin"));
        assertEquals(
                List.of(7),
                ranked(RefusingRelease.INDICATOR, g).stream()
                        .map(v -> ((Number) v).intValue())
                        .toList());

        // Again: nothing to do. And the event sent once more (a relay's re-send) is a duplicate, not applied twice.
        given().auth()
                .oauth2(ADMIN)
                .post(DEAD_LETTERS + "/{id}/reprocess", id)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ALREADY_REPROCESSED"));
        value(park, RefusingRelease.INDICATOR, "7", poison);
        value(park, "dlq_fence", "1", null);
        TestEvents.await(
                "the fence applied",
                Duration.ofSeconds(30),
                () -> !ranked("dlq_fence", g).isEmpty());
        assertEquals(1, ranked(RefusingRelease.INDICATOR, g).size());
        assertEquals("REPROCESSED", get(id).get("status"), "a duplicate does not reopen it");
        assertTrue(deadLetters.countSince(start) >= 1, "the dead letters since a moment are counted");
    }

    @Test
    void anEventAppliedMeanwhileIsMarkedReprocessedWithoutBeingAppliedTwice() {
        String g = "DM" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String park = g + "A";
        park(park, g);
        RefusingRelease.refusing = true;
        UUID poison = value(park, RefusingRelease.INDICATOR, "3", null);
        Object id = deadLetterOf(poison).get("id");
        // The fix is deployed and the producer's relay sends the event again: the consumer applies it itself.
        RefusingRelease.refusing = false;
        value(park, RefusingRelease.INDICATOR, "3", poison);
        TestEvents.await(
                "the re-sent event applied",
                Duration.ofSeconds(30),
                () -> !ranked(RefusingRelease.INDICATOR, g).isEmpty());
        given().auth()
                .oauth2(ADMIN)
                .post(DEAD_LETTERS + "/{id}/reprocess", id)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("ALREADY_APPLIED"));
        // Every open one of a topic at once: this one is resolved already, so it is not among them.
        List<Object> stillOpen = given().auth()
                .oauth2(ADMIN)
                .queryParam("topic", Topics.INDICATORS)
                .post(DEAD_LETTERS + "/reprocess")
                .then()
                .statusCode(200)
                .extract()
                .path("stillOpen");
        assertTrue(!stillOpen.contains(id));
        assertEquals("REPROCESSED", get(id).get("status"));
        assertEquals(1, ranked(RefusingRelease.INDICATOR, g).size());
    }

    @Test
    void aDiscardNeedsAReasonAndIsKeptAsItsAudit() {
        String g = "DD" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String park = g + "A";
        park(park, g);
        RefusingRelease.refusing = true;
        UUID poison = value(park, RefusingRelease.INDICATOR, "4", null);
        Object id = deadLetterOf(poison).get("id");

        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", " "))
                .post(DEAD_LETTERS + "/{id}/discard", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", containsString("reason"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "x".repeat(DeadLetters.MAX_REASON + 1)))
                .post(DEAD_LETTERS + "/{id}/discard", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", containsString("reason"));
        given().auth()
                .oauth2(Tokens.token("service", null))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "服务账号不能作废"))
                .post(DEAD_LETTERS + "/{id}/discard", id)
                .then()
                .statusCode(403);
        assertEquals("OPEN", get(id).get("status"), "refused discards change nothing");

        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "园区已撤销，该数值不再需要"))
                .post(DEAD_LETTERS + "/{id}/discard", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("DISCARDED"))
                .body("discardReason", equalTo("园区已撤销，该数值不再需要"))
                .body("resolvedBy", equalTo("bureau-admin"));
        given().auth()
                .oauth2(ADMIN)
                .post(DEAD_LETTERS + "/{id}/reprocess", id)
                .then()
                .statusCode(409)
                .body("code", equalTo("dead_letter_discarded"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "再次作废"))
                .post(DEAD_LETTERS + "/{id}/discard", id)
                .then()
                .statusCode(409);

        // The same record dead-lettered again (a rebuild replays it) counts an attempt on the same work item,
        // which stays discarded with its audit.
        value(park, RefusingRelease.INDICATOR, "4", poison);
        TestEvents.await(
                "the second failure counted",
                Duration.ofSeconds(30),
                () -> get(id).get("attempts").equals(2));
        Map<String, Object> after = get(id);
        assertEquals("DISCARDED", after.get("status"));
        assertEquals("园区已撤销，该数值不再需要", after.get("discardReason"));
        List<Object> same = given().auth()
                .oauth2(ADMIN)
                .queryParams("status", "discarded", "size", 500)
                .get(DEAD_LETTERS)
                .then()
                .statusCode(200)
                .extract()
                .path("items.findAll { it.eventId == '" + poison + "' }.id");
        assertEquals(List.of(id), same, "one work item per event");
    }
}
