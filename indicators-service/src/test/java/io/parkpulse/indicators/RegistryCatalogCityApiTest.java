package io.parkpulse.indicators;

import static io.parkpulse.indicators.ParkAndValueApiTest.ADMIN;
import static io.parkpulse.indicators.ParkAndValueApiTest.readAll;
import static io.parkpulse.indicators.ParkAndValueApiTest.registerPark;
import static io.parkpulse.indicators.ParkAndValueApiTest.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.common.events.CloudEventHeaders;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
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

    /** The eight mandatory indicators of the seeded catalog. */
    static final String[] MANDATORY = {
        "industrial_output",
        "above_scale_industrial_output",
        "industrial_value_added",
        "main_business_revenue",
        "tax_revenue",
        "fixed_asset_investment",
        "above_scale_enterprises",
        "employees"
    };

    @Test
    void aReportReceivedOnPaperBeforeTheDeadlineCountsOnTime() {
        // May 2024's reports were due on June 10th; these are keyed in today, long after.
        String month = "2024-05";
        String paper = registerPark(uniqueCode());
        String typed = registerPark(uniqueCode());
        for (String i : MANDATORY) {
            put(paper, month, i, "10");
            put(typed, month, i, "10");
        }
        String pending = registerPark(uniqueCode());
        put(pending, month, "tax_revenue", "10");

        receipt(Tokens.token("park-staff", paper), paper, month, Map.of("receivedOn", "2024-06-07"))
                .statusCode(403);
        receipt(ADMIN, paper, month, Map.of("receivedOn", "2024-06-12", "note", "邮寄"))
                .statusCode(200)
                .body("version", equalTo(1));
        receipt(ADMIN, paper, month, Map.of("receivedOn", "2024-06-07", "note", "纸质报表，综合科签收"))
                .statusCode(200)
                .body("park", equalTo(paper))
                .body("period", equalTo(month))
                .body("receivedOn", equalTo("2024-06-07"))
                .body("version", equalTo(2))
                .body("recordedBy", equalTo("bureau-admin"));
        receipt(ADMIN, pending, month, Map.of("receivedOn", "2024-06-05")).statusCode(200);

        var answer = given().auth()
                .oauth2(ANALYST)
                .queryParam("period", month)
                .get("/api/v1/completeness")
                .then()
                .statusCode(200);
        answer.body("find { it.park == '" + paper + "' }.status", equalTo("ON_TIME"))
                .body("find { it.park == '" + paper + "' }.receivedOn", equalTo("2024-06-07"))
                .body("find { it.park == '" + typed + "' }.status", equalTo("LATE"))
                .body("find { it.park == '" + typed + "' }.receivedOn", equalTo(null))
                // Received but not keyed in: the month is still missing its figures.
                .body("find { it.park == '" + pending + "' }.status", equalTo("OVERDUE"))
                .body("find { it.park == '" + pending + "' }.receivedOn", equalTo("2024-06-05"));
        String completedAt = answer.extract().path("find { it.park == '" + paper + "' }.completedAt");
        assertEquals(
                java.time.OffsetDateTime.parse("2024-06-07T00:00:00+08:00").toInstant(),
                java.time.OffsetDateTime.parse(completedAt).toInstant());

        given().auth()
                .oauth2(Tokens.token("park-staff", paper))
                .get("/api/v1/parks/{p}/receipts", paper)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].note", equalTo("纸质报表，综合科签收"));
        var events = readAll(Topics.INDICATORS, paper, 10).stream()
                .filter(r -> new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)
                        .equals(EventTypes.REPORT_RECEIVED))
                .map(r -> r.value())
                .toList();
        assertEquals(2, events.size(), events.toString());
        assertTrue(events.get(1).contains("\"receivedOn\":\"2024-06-07\""), events.get(1));
        assertTrue(events.get(1).contains("\"version\":2"), events.get(1));
    }

    @Test
    void aReceiptIsNeitherInTheFutureNorBeforeItsMonth() {
        String park = registerPark(uniqueCode());
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                .plusDays(1)
                .toString();
        receipt(ADMIN, park, "2024-05", Map.of("receivedOn", tomorrow))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("receivedOn"))
                .body("errors[0].code", equalTo("in_future"));
        receipt(ADMIN, park, "2024-05", Map.of("receivedOn", "2024-04-30"))
                .statusCode(422)
                .body("errors[0].field", equalTo("receivedOn"))
                .body("errors[0].code", equalTo("before_period"))
                .body("detail", containsString("2024年5月"));
        receipt(ADMIN, park, "2024-05", Map.of("note", "没有日期"))
                .statusCode(400)
                .body("errors[0].field", equalTo("receivedOn"));
        receipt(ADMIN, park, "2024-05", Map.of("receivedOn", "2024-06-01", "note", "长".repeat(501)))
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
        receipt(ADMIN, park, "2024-13", Map.of("receivedOn", "2024-06-01"))
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
        receipt(ADMIN, "NO-SUCH-PARK", "2024-05", Map.of("receivedOn", "2024-06-01"))
                .statusCode(404);
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/parks/{p}/receipts", park)
                .then()
                .body("size()", equalTo(0));
    }

    static ValidatableResponse receipt(String token, String park, String month, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/parks/{p}/receipts/{m}", park, month)
                .then();
    }

    static void put(String park, String period, String indicator, String value) {
        Values.put(ADMIN, park, period, indicator, value).statusCode(200);
    }
}
