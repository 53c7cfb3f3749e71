package io.parkpulse.indicators;

import static io.parkpulse.indicators.ParkAndValueApiTest.ADMIN;
import static io.parkpulse.indicators.ParkAndValueApiTest.registerPark;
import static io.parkpulse.indicators.ParkAndValueApiTest.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.QuarterClosed;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LockApiTest {

    static ValidatableResponse put(String token, String park, String period, String value) {
        return Values.put(token, park, period, "tax_revenue", value);
    }

    /** Publishes the quarter's closing as reporting-service would and waits until its last month is locked. */
    static UUID lock(String quarter, String lastMonth, String closedAt) {
        UUID assessment = UUID.randomUUID();
        publishClosed(quarter, assessment, 1, lastMonth, closedAt);
        return assessment;
    }

    static void publishClosed(String quarter, UUID assessment, int revision, String lastMonth, String closedAt) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        TestEvents.publish(
                bootstrap,
                Topics.ASSESSMENTS,
                "CITY",
                EventTypes.QUARTER_CLOSED,
                new QuarterClosed(quarter, assessment, revision, OffsetDateTime.parse(closedAt)));
        TestEvents.await(
                quarter + " locked at revision " + revision,
                Duration.ofSeconds(30),
                () -> given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/locks")
                        .then()
                        .extract()
                        .<List<Integer>>path("findAll { it.period == '" + lastMonth + "' }.revision")
                        .contains(revision));
    }

    @Test
    void aClosedQuarterLocksItsMonthsUntilACorrectionWindowOpens() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        put(staff, park, "2023-02", "100").statusCode(200);
        UUID assessment = lock("2023-Q1", "2023-03", "2023-04-15T02:00:00+08:00");
        put(staff, park, "2023-02", "120").statusCode(409);
        put(staff, park, "2023-03", "150")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("period_locked"))
                .body("detail", containsString(assessment.toString()))
                .body("context.quarter", equalTo("2023-Q1"));
        put(staff, park, "2023-04", "150").statusCode(200);
        // In a batch over several months only the locked month's rows are refused.
        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "rows",
                        List.of(
                                Map.of("indicator", "employees", "value", 10, "period", "2023-03"),
                                Map.of("indicator", "employees", "value", 11, "period", "2023-05"))))
                .post("/api/v1/parks/{p}/values", park)
                .then()
                .statusCode(200)
                .body("rows[0].code", equalTo("period_locked"))
                .body("rows[0].field", equalTo("rows[0].period"))
                .body("rows[1].outcome", equalTo("imported"));
        given().auth()
                .oauth2(staff)
                .get("/api/v1/locks")
                .then()
                .statusCode(200)
                .body("find { it.period == '2023-02' }.assessmentId", equalTo(assessment.toString()));

        Map<String, Object> open = Map.of("period", "2023-02", "reason", "统计局反馈规上工业产值口径调整", "hours", 2);
        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(open)
                .post("/api/v1/parks/{p}/corrections", park)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("period", "2023-06", "reason", "x"))
                .post("/api/v1/parks/{p}/corrections", park)
                .then()
                .statusCode(422)
                .body("code", equalTo("not_locked"));
        int id = given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(open)
                .post("/api/v1/parks/{p}/corrections", park)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        put(staff, park, "2023-02", "120").statusCode(200).body("source", equalTo("CORRECTION"));
        given().auth()
                .oauth2(staff)
                .get("/api/v1/parks/{p}/values/2023-02/tax_revenue/history", park)
                .then()
                .body("source", contains("API", "CORRECTION"));
        given().auth()
                .oauth2(ADMIN)
                .post("/api/v1/parks/{p}/corrections/{id}/close", park, id)
                .then()
                .statusCode(200);
        put(staff, park, "2023-02", "130").statusCode(409);
        given().auth()
                .oauth2(staff)
                .get("/api/v1/parks/{p}/corrections", park)
                .then()
                .statusCode(200)
                .body("[0].reason", equalTo("统计局反馈规上工业产值口径调整"))
                .body("[0].closedBy", equalTo("bureau-admin"));
    }

    @Test
    void aParkThatJoinsAfterAQuarterWasAssessedLoadsItsHistoryAsOnboarding() {
        String old = registerPark(uniqueCode());
        String oldStaff = Tokens.token("park-staff", old);
        UUID assessment = lock("2021-Q3", "2021-09", "2021-10-15T02:00:00+08:00");
        String joined = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", joined);

        // The assessment did not include the new park: its history of those months is an onboarding load.
        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "rows",
                        List.of(
                                Map.of("indicator", "tax_revenue", "value", 300, "period", "2021-07"),
                                Map.of("indicator", "tax_revenue", "value", 650, "period", "2021-08"),
                                Map.of("indicator", "tax_revenue", "value", 990, "period", "2021-09"))))
                .post("/api/v1/parks/{p}/values", joined)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUCCESS"))
                .body("summary.imported", equalTo(3));
        given().auth()
                .oauth2(staff)
                .get("/api/v1/parks/{p}/values/2021-08/tax_revenue/history", joined)
                .then()
                .body("source", contains("ONBOARDING"));
        put(staff, joined, "2021-09", "1000").statusCode(200).body("source", equalTo("ONBOARDING"));

        // A revision published after the park joined assessed it too: its months are now locked for it as well,
        // and the refusal names the revision; the date the months were first locked does not move.
        publishClosed("2021-Q3", assessment, 2, "2021-09", "2021-11-20T02:00:00+08:00");
        put(staff, joined, "2021-09", "1010")
                .statusCode(409)
                .body("code", equalTo("period_locked"))
                .body("context.revision", equalTo(2));
        String lockedAt = given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/locks")
                .then()
                .extract()
                .path("find { it.period == '2021-09' }.lockedAt");
        assertEquals(
                OffsetDateTime.parse("2021-10-15T02:00:00+08:00").toInstant(),
                OffsetDateTime.parse(lockedAt).toInstant());

        // A park the assessment counted is still refused, and a batch of nothing but refused rows says so.
        put(oldStaff, old, "2021-08", "100").statusCode(409).body("code", equalTo("period_locked"));
        given().auth()
                .oauth2(oldStaff)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "rows",
                        List.of(
                                Map.of("indicator", "tax_revenue", "value", 300, "period", "2021-07"),
                                Map.of("indicator", "employees", "value", 20, "period", "2021-08"))))
                .post("/api/v1/parks/{p}/values", old)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("batch_rejected"))
                .body("context.status", equalTo("ERROR"))
                .body("context.summary.rejected", equalTo(2))
                .body("errors.code", contains("period_locked", "period_locked"));
        given().auth()
                .oauth2(oldStaff)
                .get("/api/v1/parks/{p}/values?from=2021-07&to=2021-09", old)
                .then()
                .body("total", equalTo(0));
    }
}
