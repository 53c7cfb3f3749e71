package io.parkpulse.investment;

import static io.parkpulse.investment.Leads.ADMIN;
import static io.parkpulse.investment.Leads.knownPark;
import static io.parkpulse.investment.Leads.lead;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.infra.BadBodies;
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

    static List<Endpoint> endpoints(String park, String lead, String signed, String activity) {
        Map<String, Object> edit = new LinkedHashMap<>(Leads.body(null, Map.of()));
        edit.put("version", 99);
        Map<String, Object> move = new LinkedHashMap<>();
        move.put("to", "SIGNED");
        move.put("on", "2025-03-18");
        move.put("agreementType", "CONTRACT");
        move.put("contractedInvestment", 1000);
        move.put("landSupplied", true);
        move.put("dropReason", "OTHER");
        move.put("note", "x");
        move.put("version", 99);
        return List.of(
                new Endpoint("POST", "/api/v1/leads", Leads.body(park, Map.of())),
                new Endpoint("PUT", "/api/v1/leads/" + lead, edit),
                new Endpoint("POST", "/api/v1/leads/" + lead + "/transitions", move),
                new Endpoint(
                        "PUT", "/api/v1/leads/" + signed + "/funds/2025-04", Map.of("amount", 100, "amountUsd", 10)),
                new Endpoint(
                        "POST",
                        "/api/v1/activities",
                        Map.of(
                                "park",
                                park,
                                "kind",
                                "LEADER_TRIP",
                                "heldOn",
                                "2025-04-10",
                                "title",
                                "x",
                                "location",
                                "y",
                                "ledBy",
                                "z",
                                "notes",
                                "n",
                                "leadIds",
                                List.of(lead))),
                new Endpoint(
                        "PUT",
                        "/api/v1/activities/" + activity,
                        Map.of(
                                "kind",
                                "LEADER_TRIP",
                                "heldOn",
                                "2025-04-10",
                                "title",
                                "x",
                                "ledBy",
                                "z",
                                "leadIds",
                                List.of(lead),
                                "version",
                                99)),
                new Endpoint(
                        "PUT",
                        "/api/v1/investment-targets/" + park + "/2025-Q2",
                        Map.of(
                                "effectiveLeads",
                                1,
                                "investorMeetings",
                                2,
                                "leaderTrips",
                                1,
                                "packagedProjects",
                                1,
                                "promotionEvents",
                                1,
                                "signedProjects",
                                1,
                                "fundsInPlace",
                                100,
                                "version",
                                99)));
    }

    static Response send(Endpoint e, String body) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(body)
                .request(e.method(), e.path())
                .andReturn();
    }

    static String state(String park, String lead) {
        return given().auth()
                        .oauth2(ADMIN)
                        .queryParams("park", park, "size", 500)
                        .get("/api/v1/leads")
                        .then()
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/leads/{id}/transitions", lead)
                        .then()
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(ADMIN)
                        .queryParams("park", park, "size", 500)
                        .get("/api/v1/activities")
                        .then()
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(ADMIN)
                        .queryParam("park", park)
                        .get("/api/v1/investment-targets")
                        .then()
                        .extract()
                        .asString();
    }

    @Test
    void malformedBodiesAreRefusedWithAProblemAndChangeNothing() {
        String park = knownPark();
        String lead = lead(park, Map.of());
        String signed = signedLead(park);
        String activity = activity(park);
        String before = state(park, lead);
        for (Endpoint e : endpoints(park, lead, signed, activity)) {
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
            assertEquals(413, send(e, BadBodies.oversized()).statusCode(), e.path());
        }
        assertEquals(before, state(park, lead));
    }

    @Test
    void everyFieldWithAWrongValueIsNamedAndNeverCrashesTheService() {
        String park = knownPark();
        String lead = lead(park, Map.of());
        for (Endpoint e : endpoints(park, lead, signedLead(park), activity(park))) {
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

    static String signedLead(String park) {
        String id = lead(park, Map.of("projectName", "已签约线索"));
        Leads.move(
                        ADMIN,
                        id,
                        Map.of(
                                "to",
                                "SIGNED",
                                "on",
                                "2025-03-01",
                                "agreementType",
                                "AGREEMENT",
                                "contractedInvestment",
                                800))
                .statusCode(200);
        return id;
    }

    static String activity(String park) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(Map.of("park", park, "kind", "PROMOTION_EVENT", "heldOn", "2025-04-01", "title", "基线活动"))
                .post("/api/v1/activities")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + " chars)" : s;
    }
}
