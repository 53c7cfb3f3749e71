package io.parkpulse.projects;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.common.events.CloudEventHeaders;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.ParkState;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectApiTest {

    static final String ADMIN = Projects.ADMIN;

    static String bootstrap() {
        return Projects.bootstrap();
    }

    static ParkState parkEvent(String code, String name, long version) {
        return Projects.parkEvent(code, name, version);
    }

    static Map<String, Object> project(String park, String name) {
        return park == null
                ? Map.of("name", name, "kind", "INDUSTRIAL", "totalInvestment", 52000)
                : Map.of("park", park, "name", name, "kind", "INDUSTRIAL", "totalInvestment", 52000);
    }

    static String knownPark() {
        return Projects.knownPark();
    }

    @Test
    void projectsOfUnknownParksAreRefusedAndNothingIsStored() {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(project("NO-SUCH-PARK", "x"))
                .post("/api/v1/projects")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("unknown_park"))
                .body("errors[0].field", equalTo("park"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("park", "NO-SUCH-PARK")
                .get("/api/v1/projects")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void parkStaffWorkInTheirOwnParkOnly() {
        String park = knownPark();
        String other = knownPark();
        String staff = Tokens.token("park-staff", park);
        String id = given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(project(null, "年产10万套汽车零部件项目"))
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .body("park", equalTo(park))
                .body("stageLabel", equalTo("签约"))
                .extract()
                .path("id");
        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(project(other, "x"))
                .post("/api/v1/projects")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        String otherId = given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(project(other, "乙项目"))
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(staff)
                .get("/api/v1/projects/{id}", otherId)
                .then()
                .statusCode(404);
        given().auth().oauth2(staff).get("/api/v1/projects/{id}", id).then().statusCode(200);
        given().auth()
                .oauth2(staff)
                .queryParam("park", other)
                .get("/api/v1/projects")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(staff)
                .get("/api/v1/projects")
                .then()
                .statusCode(200)
                .body("items.park.unique()", equalTo(List.of(park)));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(project(null, "x"))
                .post("/api/v1/projects")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("park"));
        given().auth()
                .oauth2(Tokens.token("bureau-analyst", null))
                .contentType(ContentType.JSON)
                .body(project(park, "x"))
                .post("/api/v1/projects")
                .then()
                .statusCode(403);
    }

    @Test
    void aRedeliveredEventChangesNothingAndAPoisonMessageGoesToTheDeadLetterTopic() {
        String code = "D" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID id = UUID.randomUUID();
        // A record with no CloudEvents headers, then one whose payload is not a park: both poison.
        TestEvents.publishRaw(bootstrap(), Topics.PARKS, code, "not json at all");
        TestEvents.publish(bootstrap(), Topics.PARKS, code, EventTypes.PARK_REGISTERED, "{\"unexpected\":true}", null);
        // The consumer goes on past them: the real event after them is applied.
        TestEvents.publish(bootstrap(), Topics.PARKS, code, EventTypes.PARK_REGISTERED, parkEvent(code, "丙园区", 0), id);
        TestEvents.await(
                "park " + code + " known",
                Duration.ofSeconds(30),
                () -> given().auth()
                                .oauth2(ADMIN)
                                .contentType(ContentType.JSON)
                                .body(project(code, "x"))
                                .post("/api/v1/projects")
                                .statusCode()
                        == 201);

        List<ConsumerRecord<String, String>> dead = TestEvents.read(
                bootstrap(), Topics.deadLetter(Topics.PARKS), r -> code.equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(2, dead.size());
        assertTrue(CloudEventHeaders.get(dead.get(0).headers(), "parkpulse_dlq_reason")
                .contains("ce_id"));
        assertEquals("projects-service", CloudEventHeaders.get(dead.get(1).headers(), "parkpulse_dlq_consumer"));

        // The same event id again, even with another payload, is recognised and ignored.
        long before = duplicatesIgnored();
        TestEvents.publish(bootstrap(), Topics.PARKS, code, EventTypes.PARK_REGISTERED, parkEvent(code, "改名", 9), id);
        TestEvents.await("the duplicate to be counted", Duration.ofSeconds(30), () -> duplicatesIgnored() > before);

        given().auth()
                .oauth2(Tokens.token("service", null))
                .get("/api/v1/operations/messaging")
                .then()
                .statusCode(200)
                .body("deadLettered", equalTo(2));
    }

    static long duplicatesIgnored() {
        Number n = given().auth()
                .oauth2(Tokens.token("service", null))
                .get("/api/v1/operations/messaging")
                .then()
                .extract()
                .path("duplicatesIgnored");
        return n == null ? -1 : n.longValue();
    }

    @Test
    void healthAndOpenApiAreOpenEverythingElseNeedsAToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItems("messaging", "database"))
                // The broker is not readiness (a broker outage must not take pods out of rotation): its own group.
                .body("checks.name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("kafka")))
                // Open to anyone who reaches the port: UP or DOWN only, no addresses, counters or errors.
                .body("checks.data.findAll { it != null }", org.hamcrest.Matchers.empty());
        given().get("/q/health/group/messaging")
                .then()
                .statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem("kafka"))
                .body("checks.data.findAll { it != null }", org.hamcrest.Matchers.empty());
        given().get("/q/openapi").then().statusCode(200);
        given().redirects().follow(true).get("/q/swagger-ui").then().statusCode(200);
        given().get("/api/v1/projects").then().statusCode(401).contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.builder()
                        .role("bureau-admin")
                        .expiresIn(Duration.ofMinutes(-5))
                        .sign())
                .get("/api/v1/projects")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.builder().role("bureau-admin").unsigned().sign())
                .get("/api/v1/projects")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.builder()
                        .role("bureau-admin")
                        .issuer("https://evil.example")
                        .sign())
                .get("/api/v1/projects")
                .then()
                .statusCode(401);
    }
}
