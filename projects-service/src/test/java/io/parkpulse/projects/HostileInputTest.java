package io.parkpulse.projects;

import static io.parkpulse.projects.Projects.ADMIN;
import static io.parkpulse.projects.Projects.body;
import static io.parkpulse.projects.Projects.knownPark;
import static io.parkpulse.projects.Projects.project;
import static io.parkpulse.projects.Projects.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.infra.HttpHardening;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The findings of the adversarial pass that concern this service, each answered with a problem and no change. */
@QuarkusTest
class HostileInputTest {

    @Test
    void theSharedRulesForHostileRequestsHold() throws Exception {
        String park = knownPark();
        HttpHardening.verify(new HttpHardening.Spec(
                "POST",
                "/api/v1/projects",
                body(park, Map.of()),
                "name",
                ADMIN,
                "/api/v1/projects",
                () -> given().auth()
                        .oauth2(ADMIN)
                        .queryParams("park", park, "size", 500)
                        .get("/api/v1/projects")
                        .asString()));
    }

    @Test
    void anotherParksProjectIsNotFoundExactlyAsAnIdThatDoesNotExist() {
        String mine = knownPark();
        String theirs = project(knownPark(), Map.of());
        String staff = Tokens.token("park-staff", mine);
        String random = UUID.randomUUID().toString();
        for (String path : List.of(
                "/api/v1/projects/{id}",
                "/api/v1/projects/{id}/transitions",
                "/api/v1/projects/{id}/progress",
                "/api/v1/projects/{id}/problems",
                "/api/v1/projects/{id}/status")) {
            Response other = given().auth().oauth2(staff).get(path, theirs).andReturn();
            Response none = given().auth().oauth2(staff).get(path, random).andReturn();
            assertEquals(404, other.statusCode(), path);
            assertEquals(none.statusCode(), other.statusCode(), path);
            assertEquals(
                    none.asString().replace(random, "ID"),
                    other.asString().replace(theirs, "ID"),
                    path + ": the refusal must not tell another park's project from one that does not exist");
        }
    }

    @Test
    void impossibleDatesAreRefusedAndNothingIsStored() {
        String id = project(knownPark(), Map.of());
        for (String day : List.of("0000-01-01", "-0001-01-01", "1999-12-31", "2100-01-01", "2025-02-30")) {
            given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .body(Map.of("description", "日期检查", "raisedOn", day))
                    .post("/api/v1/projects/{id}/problems", id)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("raisedOn"));
        }
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/projects/{id}/problems", id)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("asOf", "0000-01")
                .get("/api/v1/projects/{id}/status", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
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
        register(
                        ADMIN,
                        body(
                                park,
                                Map.of(
                                        "signedOn",
                                        (io.parkpulse.common.periods.CityTime.today()
                                                                .getYear()
                                                        + 1) + "-01-01")))
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
}
