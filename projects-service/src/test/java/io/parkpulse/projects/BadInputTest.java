package io.parkpulse.projects;

import static io.parkpulse.projects.Projects.ADMIN;
import static io.parkpulse.projects.Projects.body;
import static io.parkpulse.projects.Projects.knownPark;
import static io.parkpulse.projects.Projects.project;
import static io.parkpulse.projects.Projects.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.infra.BadBodies;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every write endpoint, a wide set of bad bodies: a 4xx problem naming the field, never a 500, nothing changed. */
@QuarkusTest
class BadInputTest {

    record Endpoint(String method, String path, Map<String, Object> valid) {}

    static List<Endpoint> endpoints(String park, String project, String problem) {
        Map<String, Object> edit = new LinkedHashMap<>(body(null, Map.of()));
        edit.remove("signedOn");
        edit.put("version", 99);
        return List.of(
                new Endpoint("POST", "/api/v1/projects", body(park, Map.of())),
                new Endpoint("PUT", "/api/v1/projects/" + project, edit),
                new Endpoint(
                        "POST",
                        "/api/v1/projects/" + project + "/transitions",
                        Map.of("to", "LAND_SUPPLIED", "on", "2025-02-01", "reason", "x", "version", 99)),
                new Endpoint(
                        "PUT",
                        "/api/v1/projects/" + project + "/progress/2025-03",
                        Map.of(
                                "investmentCompleted",
                                100,
                                "investmentCompletedThisYear",
                                100,
                                "physicalProgress",
                                5,
                                "milestones",
                                "x",
                                "correctionReason",
                                "y")),
                new Endpoint(
                        "POST",
                        "/api/v1/projects/" + project + "/problems",
                        Map.of("description", "x", "raisedOn", "2025-02-01", "department", "y", "dueOn", "2025-03-01")),
                new Endpoint(
                        "PUT",
                        "/api/v1/projects/" + project + "/problems/" + problem,
                        Map.of(
                                "description",
                                "x",
                                "raisedOn",
                                "2025-02-01",
                                "department",
                                "y",
                                "dueOn",
                                "2025-03-01",
                                "version",
                                99)),
                new Endpoint(
                        "POST",
                        "/api/v1/projects/" + project + "/problems/" + problem + "/resolve",
                        Map.of("resolution", "x", "resolvedOn", "2025-03-01", "version", 99)));
    }

    static Response send(Endpoint e, String body) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(body)
                .request(e.method(), e.path())
                .andReturn();
    }

    static String state(String park, String project) {
        return given().auth()
                        .oauth2(ADMIN)
                        .queryParams("park", park, "size", 500)
                        .get("/api/v1/projects")
                        .then()
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/projects/{id}/problems", project)
                        .then()
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/projects/{id}/progress", project)
                        .then()
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/projects/{id}/transitions", project)
                        .then()
                        .extract()
                        .asString();
    }

    @Test
    void malformedBodiesAreRefusedWithAProblemAndChangeNothing() {
        String park = knownPark();
        String project = project(park, Map.of());
        String problem = ProgressStatusApiTest.raise(project, Map.of("description", "基线问题", "raisedOn", "2025-02-01"))
                .statusCode(201)
                .extract()
                .path("id");
        String before = state(park, project);
        for (Endpoint e : endpoints(park, project, problem)) {
            for (String body : BadBodies.generic()) {
                Response r = send(e, body);
                String what = e.method() + " " + e.path() + " with " + abbreviate(body);
                assertTrue(
                        r.statusCode() >= 400 && r.statusCode() < 500,
                        what + " answered " + r.statusCode() + ": " + r.asString());
                assertTrue(
                        r.contentType().startsWith("application/problem+json"), what + " answered " + r.contentType());
                assertNotNull(r.path("code"), what);
            }
            Response big = send(e, BadBodies.oversized());
            assertEquals(413, big.statusCode(), e.path());
        }
        assertEquals(before, state(park, project));
    }

    @Test
    void everyFieldWithAWrongValueIsNamedAndNeverCrashesTheService() {
        String park = knownPark();
        String project = project(park, Map.of());
        String problem = ProgressStatusApiTest.raise(project, Map.of("description", "基线问题", "raisedOn", "2025-02-01"))
                .statusCode(201)
                .extract()
                .path("id");
        for (Endpoint e : endpoints(park, project, problem)) {
            for (String body : BadBodies.mutations(e.valid())) {
                Response r = send(e, body);
                String what = e.method() + " " + e.path() + " with " + abbreviate(body);
                assertTrue(r.statusCode() < 500, what + " answered " + r.statusCode() + ": " + r.asString());
                if (r.statusCode() >= 400) {
                    assertTrue(r.contentType().startsWith("application/problem+json"), what);
                    assertNotNull(r.path("code"), what);
                }
            }
        }
    }

    @Test
    void theBadInputsPeopleActuallySendAreNamedAndStoreNothing() {
        String park = knownPark();
        String other = knownPark();
        String staff = Tokens.token("park-staff", park);
        register(ADMIN, body(park, Map.of("plannedStart", "2026-06-01", "plannedCompletion", "2025-12-31")))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("plannedCompletion"))
                .body("code", equalTo("completion_before_start"));
        register(ADMIN, body(park, Map.of("totalInvestment", -5)))
                .statusCode(400)
                .body("errors[0].field", equalTo("totalInvestment"));
        register(ADMIN, body(park, Map.of("yearPlannedInvestment", 60000)))
                .statusCode(422)
                .body("errors[0].field", equalTo("yearPlannedInvestment"));
        register(ADMIN, body("NO-SUCH-PARK", Map.of()))
                .statusCode(422)
                .body("errors[0].field", equalTo("park"))
                .body("code", equalTo("unknown_park"));
        register(staff, body(other, Map.of())).statusCode(403).contentType("application/problem+json");
        register(ADMIN, body(park, Map.of("kind", "SPACESHIP")))
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        register(ADMIN, body(park, Map.of("plannedStart", "2025-02-30")))
                .statusCode(400)
                .body("errors[0].field", equalTo("plannedStart"));
        register(ADMIN, body(park, Map.of("signedOn", "2099-01-01")))
                .statusCode(422)
                .body("errors[0].field", equalTo("signedOn"));
        register(ADMIN, body(park, Map.of("stage", "TERMINATED")))
                .statusCode(422)
                .body("errors[0].field", equalTo("stage"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("park", park)
                .get("/api/v1/projects")
                .then()
                .body("total", equalTo(0));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("park", other)
                .get("/api/v1/projects")
                .then()
                .body("total", equalTo(0));

        String id = project(park, Map.of());
        Projects.progress(staff, id, "2025-03", 100, 100, 100.5, null)
                .statusCode(400)
                .body("errors[0].field", equalTo("physicalProgress"));
        Projects.transition(ADMIN, id, "TERMINATED", "2025-03-01", "依法收回").statusCode(200);
        Projects.transition(ADMIN, id, "LAND_SUPPLIED", "2025-03-02", null)
                .statusCode(409)
                .body("code", equalTo("illegal_transition"));
        Projects.progress(staff, id, "2025-03", 100, 100, 10, null)
                .statusCode(409)
                .body("code", equalTo("project_terminated"));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/projects/{id}/progress", id)
                .then()
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/projects/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(ADMIN)
                .urlEncodingEnabled(false)
                .get("/api/v1/projects?park=%00")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid_character"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("overdue", "maybe")
                .get("/api/v1/problems")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("overdue"));
    }

    static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + " chars)" : s;
    }
}
