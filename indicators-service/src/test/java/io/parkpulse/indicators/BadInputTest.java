package io.parkpulse.indicators;

import static io.parkpulse.indicators.ParkAndValueApiTest.ADMIN;
import static io.parkpulse.indicators.ParkAndValueApiTest.registerPark;
import static io.parkpulse.indicators.ParkAndValueApiTest.uniqueCode;
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

    static List<Endpoint> endpoints(String park) {
        Map<String, Object> newPark = new LinkedHashMap<>();
        newPark.put("code", "FUZZ-1");
        newPark.put("name", "模糊测试园");
        newPark.put("level", "MUNICIPAL");
        newPark.put("kind", "INDUSTRIAL_PARK");
        newPark.put("district", "测试区");
        newPark.put("developedLandMu", 100);
        return List.of(
                new Endpoint("POST", "/api/v1/parks", newPark),
                new Endpoint(
                        "PUT",
                        "/api/v1/parks/" + park + "/values/2025-01/tax_revenue",
                        Map.of("value", 1, "unit", "万元")),
                new Endpoint(
                        "POST",
                        "/api/v1/parks/" + park + "/values",
                        Map.of("period", "2025-01", "rows", List.of(Map.of("indicator", "tax_revenue", "value", 1)))),
                new Endpoint(
                        "PUT",
                        "/api/v1/parks/" + park + "/targets/2025/tax_revenue",
                        Map.of("annual", 100, "unit", "万元")),
                new Endpoint("POST", "/api/v1/flags/1/clear", Map.of("note", "checked")),
                new Endpoint(
                        "PUT",
                        "/api/v1/parks/" + park,
                        Map.of(
                                "name",
                                "改名",
                                "level",
                                "MUNICIPAL",
                                "kind",
                                "INDUSTRIAL_PARK",
                                "district",
                                "测试区",
                                "status",
                                "ACTIVE",
                                "version",
                                99)),
                new Endpoint(
                        "POST",
                        "/api/v1/parks/" + park + "/land",
                        Map.of("effectiveFrom", "2020-01-01", "developedLandMu", 1)),
                new Endpoint(
                        "POST",
                        "/api/v1/indicators",
                        Map.of(
                                "code",
                                "fuzz_indicator",
                                "nameZh",
                                "模糊",
                                "nameEn",
                                "fuzz",
                                "unit",
                                "万元",
                                "kind",
                                "STOCK",
                                "direction",
                                "HIGHER_BETTER",
                                "decimals",
                                2)),
                new Endpoint(
                        "POST", "/api/v1/parks/" + park + "/corrections", Map.of("period", "2025-01", "reason", "x")));
    }

    static Response send(Endpoint e, String body) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(body)
                .request(e.method(), e.path())
                .andReturn();
    }

    static String state(String park) {
        return given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/parks?size=500")
                        .then()
                        .extract()
                        .path("total") + "/"
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/parks/{p}", park)
                        .then()
                        .extract()
                        .path("version") + "/"
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/parks/{p}/land", park)
                        .then()
                        .extract()
                        .path("size()") + "/"
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/indicators")
                        .then()
                        .extract()
                        .path("size()") + "/"
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/parks/{p}/corrections", park)
                        .then()
                        .extract()
                        .path("size()")
                + "/"
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/parks/{p}/values", park)
                        .then()
                        .extract()
                        .path("total") + "/"
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/parks/{p}/targets", park)
                        .then()
                        .extract()
                        .path("size()");
    }

    @Test
    void malformedBodiesAreRefusedWithAProblemAndChangeNothing() {
        String park = registerPark(uniqueCode());
        String before = state(park);
        for (Endpoint e : endpoints(park)) {
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
            assertTrue(big.contentType().startsWith("application/problem+json"), e.path());
        }
        assertEquals(before, state(park));
    }

    @Test
    void everyFieldWithAWrongValueIsNamedAndNeverCrashesTheService() {
        String park = registerPark(uniqueCode());
        for (Endpoint e : endpoints(park)) {
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
