package io.parkpulse.projects;

import static io.restassured.RestAssured.given;

import io.parkpulse.common.events.payload.ParkState;
import io.parkpulse.infra.TestBodies;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the projects tests share: a park the service knows, and a project in it. */
final class Projects {

    static final String ADMIN = Tokens.token("bureau-admin", null);

    private Projects() {}

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static ParkState parkEvent(String code, String name, long version) {
        return new ParkState(
                code,
                name,
                "PROVINCIAL",
                "INDUSTRIAL_PARK",
                "江南区",
                null,
                new BigDecimal("3000"),
                null,
                "PROVINCIAL",
                "ACTIVE",
                version);
    }

    /** Publishes a park as indicators-service would and waits until this service knows it. */
    static String knownPark() {
        String code = TestEvents.publishNewPark(bootstrap(), "P", "甲园区");
        TestEvents.await(
                "park " + code + " in the local registry",
                Duration.ofSeconds(30),
                () -> given().auth()
                                .oauth2(ADMIN)
                                .get("/api/v1/projects/summary?period=2025&park=" + code)
                                .statusCode()
                        == 200);
        return code;
    }

    /** A valid registration body; {@code changes} override or (with null) remove fields. */
    static Map<String, Object> body(String park, Map<String, Object> changes) {
        Map<String, Object> b = new LinkedHashMap<>();
        if (park != null) {
            b.put("park", park);
        }
        b.put("name", "年产10万套汽车零部件项目");
        b.put("kind", "INDUSTRIAL");
        b.put("industry", "汽车零部件");
        b.put("enterprise", "江南精密制造有限公司");
        b.put("keyLevel", "MUNICIPAL");
        b.put("totalInvestment", 52000);
        b.put("planYear", 2025);
        b.put("yearPlannedInvestment", 12000);
        b.put("landMu", 120.5);
        b.put("floorAreaM2", 86000);
        b.put("plannedStart", "2025-03-01");
        b.put("plannedCompletion", "2026-06-30");
        b.put("leader", "王副主任");
        b.put("liaison", "李明");
        b.put("liaisonPhone", "0571-88880000");
        b.put("signedOn", "2025-01-10");
        return TestBodies.with(b, changes);
    }

    static ValidatableResponse register(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/projects")
                .then();
    }

    /** A new project of the park, registered by the bureau; returns its id. */
    static String project(String park, Map<String, Object> changes) {
        return register(ADMIN, body(park, changes)).statusCode(201).extract().path("id");
    }

    static long version(String id) {
        return given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/projects/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .<Number>path("version")
                .longValue();
    }

    static ValidatableResponse transition(String token, String id, String to, String on, String reason) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("to", to);
        if (on != null) {
            b.put("on", on);
        }
        if (reason != null) {
            b.put("reason", reason);
        }
        b.put("version", version(id));
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(b)
                .post("/api/v1/projects/{id}/transitions", id)
                .then();
    }

    static ValidatableResponse progress(
            String token,
            String id,
            String period,
            Object toDate,
            Object thisYear,
            Object physical,
            String correction) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("investmentCompleted", toDate);
        b.put("investmentCompletedThisYear", thisYear);
        b.put("physicalProgress", physical);
        b.put("milestones", "2栋厂房主体已建成");
        if (correction != null) {
            b.put("correctionReason", correction);
        }
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(b)
                .put("/api/v1/projects/{id}/progress/{period}", id, period)
                .then();
    }
}
