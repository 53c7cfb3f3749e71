package io.parkpulse.indicators;

import static io.parkpulse.indicators.ParkAndValueApiTest.ADMIN;
import static io.parkpulse.indicators.ParkAndValueApiTest.readAll;
import static io.parkpulse.indicators.ParkAndValueApiTest.registerPark;
import static io.parkpulse.indicators.ParkAndValueApiTest.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.common.events.CloudEventHeaders;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegistryCatalogCityApiTest {

    static final String ANALYST = Tokens.token("bureau-analyst", null);

    @Test
    void aParkChangesWithItsVersionAndItsLandGrows() {
        String park = registerPark(uniqueCode());
        Map<String, Object> change = new HashMap<>(Map.of(
                "name",
                "测试高新区",
                "level",
                "NATIONAL",
                "kind",
                "HIGH_TECH_ZONE",
                "district",
                "江北区",
                "status",
                "ACTIVE",
                "version",
                0));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(change)
                .put("/api/v1/parks/{p}", park)
                .then()
                .statusCode(200)
                .body("name", equalTo("测试高新区"))
                .body("peerGroup", equalTo("NATIONAL"))
                .body("version", equalTo(1));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(change)
                .put("/api/v1/parks/{p}", park)
                .then()
                .statusCode(409)
                .body("code", equalTo("stale_version"));
        given().auth()
                .oauth2(ANALYST)
                .contentType(ContentType.JSON)
                .body(change)
                .put("/api/v1/parks/{p}", park)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("effectiveFrom", "2025-07-01", "developedLandMu", 10000))
                .post("/api/v1/parks/{p}/land", park)
                .then()
                .statusCode(200)
                .body("developedLandMu", equalTo(10000));
        given().auth()
                .oauth2(Tokens.token("park-staff", park))
                .get("/api/v1/parks/{p}/land", park)
                .then()
                .statusCode(200)
                .body("developedLandMu", contains(8650.5f, 10000));
        // Per-mu figures use the land of their own month.
        put(park, "2025-06", "tax_revenue", "865.05");
        put(park, "2025-08", "tax_revenue", "2000");
        given().auth()
                .oauth2(ADMIN)
                .queryParam("period", "2025-06")
                .get("/api/v1/parks/{p}/figures", park)
                .then()
                .body("efficiency.taxPerMu", equalTo(0.1f));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("period", "2025-08")
                .get("/api/v1/parks/{p}/figures", park)
                .then()
                .body("efficiency.taxPerMu", equalTo(0.2f));

        var events = readAll(Topics.PARKS, park, 3);
        assertEquals(3, events.size());
        assertEquals(
                "parkpulse.parks.park-updated.v1",
                CloudEventHeaders.get(events.get(2).headers(), "ce_type"));
        assertTrue(
                events.get(2).value().contains("\"developedLandMu\":10000"),
                events.get(2).value());
    }

    @Test
    void theBureauAddsAndRetiresIndicatorsAndHistoryStays() {
        String park = registerPark(uniqueCode());
        String code = "digital_output_" + park.toLowerCase().substring(1);
        Map<String, Object> def = Map.of(
                "code",
                code,
                "nameZh",
                "数字经济核心产业增加值",
                "nameEn",
                "Digital economy value added",
                "unit",
                "万元",
                "kind",
                "CUMULATIVE",
                "direction",
                "HIGHER_BETTER",
                "decimals",
                2);
        given().auth()
                .oauth2(ANALYST)
                .contentType(ContentType.JSON)
                .body(def)
                .post("/api/v1/indicators")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(def)
                .post("/api/v1/indicators")
                .then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(def)
                .post("/api/v1/indicators")
                .then()
                .statusCode(409);
        put(park, "2025-01", code, "12.5");
        given().auth()
                .oauth2(ADMIN)
                .post("/api/v1/indicators/{c}/retire", code)
                .then()
                .statusCode(200)
                .body("status", equalTo("RETIRED"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"value\": 13}")
                .put("/api/v1/parks/{p}/values/2025-02/{i}", park, code)
                .then()
                .statusCode(422)
                .body("code", equalTo("retired_indicator"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("indicator", code)
                .get("/api/v1/parks/{p}/values", park)
                .then()
                .body("total", equalTo(1));
        given().auth().oauth2(ADMIN).get("/api/v1/indicators").then().body("code", hasItem(code));
    }

    @Test
    void theCityTableAndCompletenessCoverEveryActivePark() {
        String a = registerPark(uniqueCode());
        String b = registerPark(uniqueCode());
        String month = YearMonth.now().minusMonths(1).toString();
        put(a, month, "tax_revenue", "300");
        put(b, month, "tax_revenue", "500");
        put(b, month, "employees", "42");
        var table = given().auth()
                .oauth2(ANALYST)
                .queryParam("period", month)
                .queryParam("indicators", "tax_revenue,employees")
                .queryParam("sort", "tax_revenue")
                .queryParam("size", 500)
                .get("/api/v1/city-table")
                .then()
                .statusCode(200)
                .body("units.tax_revenue", equalTo("万元"))
                .body("units.employees", equalTo("人"));
        java.util.List<String> order = table.extract().path("items.park");
        assertTrue(order.indexOf(b) < order.indexOf(a), "sorted by tax, highest first");
        given().auth()
                .oauth2(ANALYST)
                .queryParam("period", month)
                .queryParam("indicators", "nope")
                .get("/api/v1/city-table")
                .then()
                .statusCode(400)
                .body("code", equalTo("unknown_indicator"));
        given().auth()
                .oauth2(Tokens.token("park-staff", a))
                .queryParam("period", month)
                .queryParam("indicators", "tax_revenue")
                .get("/api/v1/city-table")
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(ANALYST)
                .queryParam("period", month)
                .get("/api/v1/completeness")
                .then()
                .statusCode(200)
                .body("find { it.park == '" + a + "' }.reported", equalTo(1))
                .body("find { it.park == '" + a + "' }.missing", hasItem("industrial_output"))
                .body("find { it.park == '" + b + "' }.reported", equalTo(2));
        String complete = registerPark(uniqueCode());
        for (String i : new String[] {
            "industrial_output",
            "above_scale_industrial_output",
            "industrial_value_added",
            "main_business_revenue",
            "tax_revenue",
            "fixed_asset_investment",
            "above_scale_enterprises",
            "employees"
        }) {
            put(complete, month, i, "10");
        }
        given().auth()
                .oauth2(Tokens.token("park-staff", complete))
                .queryParam("period", month)
                .get("/api/v1/completeness")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].missing.size()", equalTo(0))
                .body("[0].status", org.hamcrest.Matchers.oneOf("ON_TIME", "LATE"));
    }

    static void put(String park, String period, String indicator, String value) {
        Values.put(ADMIN, park, period, indicator, value).statusCode(200);
    }
}
