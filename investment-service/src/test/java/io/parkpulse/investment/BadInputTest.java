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

    record Endpoint(String method, String path, Map<String, Object> valid) {
    }

    static List<Endpoint> endpoints(String park, String lead) {
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
        return List.of(new Endpoint("POST", "/api/v1/leads", Leads.body(park, Map.of())),
                new Endpoint("PUT", "/api/v1/leads/" + lead, edit),
                new Endpoint("POST", "/api/v1/leads/" + lead + "/transitions", move));
    }

    static Response send(Endpoint e, String body) {
        return given().auth().oauth2(ADMIN).contentType("application/json").body(body).request(e.method(), e.path()).andReturn();
    }

    static String state(String park, String lead) {
        return given().auth().oauth2(ADMIN).queryParams("park", park, "size", 500).get("/api/v1/leads").then().extract().asString()
                + given().auth().oauth2(ADMIN).get("/api/v1/leads/{id}/transitions", lead).then().extract().asString();
    }

    @Test
    void malformedBodiesAreRefusedWithAProblemAndChangeNothing() {
        String park = knownPark();
        String lead = lead(park, Map.of());
        String before = state(park, lead);
        for (Endpoint e : endpoints(park, lead)) {
            for (String body : BadBodies.generic()) {
                Response r = send(e, body);
                String what = e.method() + " " + e.path() + " with " + abbreviate(body);
                assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, what + " answered " + r.statusCode() + ": " + r.asString());
                assertTrue(r.contentType().startsWith("application/problem+json"), what + " answered " + r.contentType());
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
        for (Endpoint e : endpoints(park, lead)) {
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

    static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + " chars)" : s;
    }
}
