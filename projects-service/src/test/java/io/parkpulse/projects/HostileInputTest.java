package io.parkpulse.projects;

import static io.parkpulse.projects.Projects.ADMIN;
import static io.parkpulse.projects.Projects.body;
import static io.parkpulse.projects.Projects.knownPark;
import static io.parkpulse.projects.Projects.project;
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
}
