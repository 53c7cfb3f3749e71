package io.parkpulse.investment;

import static io.parkpulse.investment.Leads.ADMIN;
import static io.parkpulse.investment.Leads.body;
import static io.parkpulse.investment.Leads.knownPark;
import static io.parkpulse.investment.Leads.lead;
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
                "/api/v1/leads",
                body(park, Map.of()),
                "projectName",
                ADMIN,
                "/api/v1/leads",
                () -> given().auth()
                        .oauth2(ADMIN)
                        .queryParams("park", park, "size", 500)
                        .get("/api/v1/leads")
                        .asString()));
    }

    @Test
    void anotherParksLeadOrActivityIsNotFoundExactlyAsAnIdThatDoesNotExist() {
        String mine = knownPark();
        String otherPark = knownPark();
        String theirLead = lead(otherPark, Map.of());
        String theirActivity = given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("park", otherPark, "kind", "INVESTOR_MEETING", "heldOn", "2025-04-10", "title", "对接会"))
                .post("/api/v1/activities")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String staff = Tokens.token("park-staff", mine);
        String random = UUID.randomUUID().toString();
        for (var c : List.of(
                List.of("/api/v1/leads/{id}", theirLead),
                List.of("/api/v1/leads/{id}/transitions", theirLead),
                List.of("/api/v1/leads/{id}/funds", theirLead),
                List.of("/api/v1/activities/{id}", theirActivity))) {
            String path = c.get(0);
            String theirs = c.get(1);
            Response other = given().auth().oauth2(staff).get(path, theirs).andReturn();
            Response none = given().auth().oauth2(staff).get(path, random).andReturn();
            assertEquals(404, other.statusCode(), path);
            assertEquals(
                    none.asString().replace(random, "ID"),
                    other.asString().replace(theirs, "ID"),
                    path + ": the refusal must not tell another park's resource from one that does not exist");
        }
    }

    @Test
    void impossibleDatesAreRefusedAndNothingIsStored() {
        String park = knownPark();
        for (String day : List.of("0000-01-01", "-0001-01-01", "1999-12-31", "2100-01-01")) {
            given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .body(Map.of("park", park, "kind", "INVESTOR_MEETING", "heldOn", day, "title", "日期检查"))
                    .post("/api/v1/activities")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("heldOn"));
        }
        given().auth()
                .oauth2(ADMIN)
                .queryParam("park", park)
                .get("/api/v1/activities")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("signedProjects", 3))
                .put("/api/v1/investment-targets/{p}/{q}", park, "0000-Q1")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
    }
}
