package io.parkpulse.indicators;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.parkpulse.common.events.CloudEventHeaders;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ParkAndValueApiTest {

    static final String ADMIN = Tokens.token("bureau-admin", null);
    static final String ANALYST = Tokens.token("bureau-analyst", null);

    static String registerPark(String code) {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        code,
                        "name",
                        "测试经开区" + code,
                        "level",
                        "PROVINCIAL",
                        "kind",
                        "ECONOMIC_DEVELOPMENT_ZONE",
                        "district",
                        "江北区",
                        "plannedAreaKm2",
                        12.5,
                        "developedLandMu",
                        8650.5))
                .post("/api/v1/parks")
                .then()
                .statusCode(201)
                .body("code", equalTo(code))
                .body("levelLabel", equalTo("省级"));
        return code;
    }

    static String uniqueCode() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Inject
    AgroalDataSource db;

    /**
     * Values name their park and indicator without foreign keys (their writer checks both); the
     * database itself keeps every referenced park and indicator from disappearing.
     */
    @Test
    void theDatabaseNeverLosesAParkOrIndicatorThatValuesName() throws SQLException {
        String park = registerPark(uniqueCode());
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "delete from park where code = '" + park + "'",
                    "update park set code = 'RENAMED' where code = '" + park + "'",
                    "delete from indicator where code = 'tax_revenue'",
                    "update indicator set code = 'tax' where code = 'tax_revenue'")) {
                SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
                assertEquals("23001", e.getSQLState(), sql);
            }
            // Other columns change as before (a park is closed, an indicator retired, by an update).
            assertEquals(1, s.executeUpdate("update park set district = district where code = '" + park + "'"));
        }
        given().auth().oauth2(ADMIN).get("/api/v1/parks/" + park).then().statusCode(200);
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/indicators")
                .then()
                .statusCode(200)
                .body("code", hasItem("tax_revenue"));
    }

    @Test
    void onlyABureauAdminRegistersParks() {
        String body =
                "{\"code\":\"X1\",\"name\":\"x\",\"level\":\"MUNICIPAL\",\"kind\":\"INDUSTRIAL_PARK\",\"district\":\"d\",\"developedLandMu\":1}";
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/parks")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthorized"));
        given().auth()
                .oauth2(ANALYST)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/parks")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.token("park-staff", "X1"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/parks")
                .then()
                .statusCode(403);
        given().auth().oauth2(ADMIN).get("/api/v1/parks/X1").then().statusCode(404);
    }

    @Test
    void registeringTwiceIsAConflictAndBadFieldsAreNamed() {
        String code = registerPark(uniqueCode());
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        code,
                        "name",
                        "again",
                        "level",
                        "PROVINCIAL",
                        "kind",
                        "HIGH_TECH_ZONE",
                        "district",
                        "d",
                        "developedLandMu",
                        10))
                .post("/api/v1/parks")
                .then()
                .statusCode(409)
                .body("code", equalTo("park_exists"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(
                        "{\"code\":\"bad code\",\"name\":\"\",\"level\":\"GALACTIC\",\"kind\":\"HIGH_TECH_ZONE\",\"district\":\"d\",\"developedLandMu\":10}")
                .post("/api/v1/parks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("level"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(
                        "{\"code\":\"bad code\",\"name\":\"\",\"level\":\"NATIONAL\",\"kind\":\"HIGH_TECH_ZONE\",\"district\":\"d\",\"developedLandMu\":-3}")
                .post("/api/v1/parks")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("developedLandMu"));
    }

    @Test
    void parkStaffReportTheirOwnParkOnlyAndUnitsAreConverted() {
        String park = registerPark(uniqueCode());
        String other = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        String month = YearMonth.now().minusMonths(1).toString();

        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body("{\"value\": 12.3456, \"unit\": \"亿元\"}")
                .put("/api/v1/parks/{p}/values/{m}/industrial_output", park, month)
                .then()
                .statusCode(200)
                .body("value", equalTo(123456))
                .body("unit", equalTo("万元"))
                .body("outcome", equalTo("imported"))
                .body("version", equalTo(1));
        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body("{\"value\": 123456}")
                .put("/api/v1/parks/{p}/values/{m}/industrial_output", park, month)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("unchanged"))
                .body("version", equalTo(1));

        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body("{\"value\": 1}")
                .put("/api/v1/parks/{p}/values/{m}/industrial_output", other, month)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(staff)
                .get("/api/v1/parks/{p}/values", other)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/parks/{p}/values", other)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().auth()
                .oauth2(Tokens.token("park-staff", null))
                .get("/api/v1/parks/{p}/values", park)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(staff)
                .queryParam("from", month)
                .queryParam("to", month)
                .get("/api/v1/parks/{p}/values", park)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].value", equalTo(123456));
    }

    @Test
    void badValuesAreRefusedWithTheirOwnCodesAndNothingIsStored() {
        String park = registerPark(uniqueCode());
        String month = YearMonth.now().minusMonths(1).toString();
        String path = "/api/v1/parks/{p}/values/{m}/{i}";
        record Case(String month, String indicator, String body, int status, String code) {}
        List<Case> cases = List.of(
                new Case(month, "industrial_output", "{\"value\": -5}", 422, "negative_not_allowed"),
                new Case(month, "no_such_thing", "{\"value\": 5}", 422, "unknown_indicator"),
                new Case(month, "industrial_output", "{\"value\": 5, \"unit\": \"斤\"}", 422, "unknown_unit"),
                new Case(month, "industrial_output", "{\"value\": \"abc\"}", 400, "wrong_type"),
                new Case(month, "industrial_output", "{\"value\": 1e400}", 422, "out_of_range"),
                new Case(
                        month,
                        "industrial_output",
                        "{\"value\": 1234567890123456789012345678901234567890}",
                        422,
                        "out_of_range"),
                new Case(month, "industrial_output", "{\"value\": 0.0000001}", 422, "too_precise"),
                new Case(month, "industrial_output", "{\"value\": 5, \"extra\": 1}", 400, "unknown_field"),
                new Case(month, "industrial_output", "{\"value\": ", 400, "malformed_json"),
                new Case(month, "industrial_output", "{}", 400, "required"),
                new Case("2026-13", "industrial_output", "{\"value\": 5}", 400, "invalid_period"),
                new Case("26-01", "industrial_output", "{\"value\": 5}", 400, "invalid_period"),
                new Case(
                        YearMonth.now().plusMonths(2).toString(),
                        "industrial_output",
                        "{\"value\": 5}",
                        422,
                        "future_period"));
        for (Case c : cases) {
            given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .body(c.body())
                    .put(path, park, c.month(), c.indicator())
                    .then()
                    .statusCode(c.status())
                    .contentType("application/problem+json")
                    .body("code", equalTo(c.code()))
                    .body("errors[0].field", notNullValue());
        }
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/parks/{p}/values", park)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aCumulativeValueCannotFallWithinTheYear() {
        String park = registerPark(uniqueCode());
        int year = YearMonth.now().getYear() - 1;
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"value\": 500}")
                .put("/api/v1/parks/{p}/values/{m}/tax_revenue", park, year + "-03")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"value\": 400}")
                .put("/api/v1/parks/{p}/values/{m}/tax_revenue", park, year + "-04")
                .then()
                .statusCode(422)
                .body("code", equalTo("cumulative_decrease"));
        // Profit may fall (and be negative).
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"value\": 50}")
                .put("/api/v1/parks/{p}/values/{m}/total_profit", park, year + "-03")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"value\": -20}")
                .put("/api/v1/parks/{p}/values/{m}/total_profit", park, year + "-04")
                .then()
                .statusCode(200);
    }

    @Test
    void listsArePagedAndSortedOnTheFieldsTheyOffer() {
        String park = registerPark(uniqueCode());
        for (String m : List.of("2025-01", "2025-02", "2025-03")) {
            given().auth()
                    .oauth2(ADMIN)
                    .contentType(ContentType.JSON)
                    .body("{\"value\": 5}")
                    .put("/api/v1/parks/{p}/values/{m}/employees", park, m)
                    .then()
                    .statusCode(200);
        }
        given().auth()
                .oauth2(ADMIN)
                .queryParam("sort", "-period")
                .queryParam("size", 2)
                .get("/api/v1/parks/{p}/values", park)
                .then()
                .statusCode(200)
                .body("items.period", org.hamcrest.Matchers.contains("2025-03", "2025-02"))
                .body("total", equalTo(3));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("sort", "-period")
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get("/api/v1/parks/{p}/values", park)
                .then()
                .body("items.period", org.hamcrest.Matchers.contains("2025-01"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("sort", "secret")
                .get("/api/v1/parks/{p}/values", park)
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid_sort"))
                .body("errors[0].field", equalTo("sort"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("size", 501)
                .get("/api/v1/parks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("sort", "-name")
                .get("/api/v1/parks")
                .then()
                .statusCode(200);
    }

    @Test
    void everyChangeIsPublishedOnceWithCloudEventsHeadersKeyedByPark() {
        String park = registerPark(uniqueCode());
        String month = YearMonth.now().minusMonths(1).toString();
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"value\": 1000}")
                .put("/api/v1/parks/{p}/values/{m}/tax_revenue", park, month)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"value\": 1200}")
                .put("/api/v1/parks/{p}/values/{m}/tax_revenue", park, month)
                .then()
                .statusCode(200)
                .body("version", equalTo(2));

        List<ConsumerRecord<String, String>> seen = readAll(Topics.INDICATORS, park, 2);
        assertEquals(2, seen.size());
        ConsumerRecord<String, String> second = seen.get(1);
        assertEquals("parkpulse.indicators.value-recorded.v1", CloudEventHeaders.get(second.headers(), "ce_type"));
        assertEquals("1.0", CloudEventHeaders.get(second.headers(), "ce_specversion"));
        assertEquals(park, CloudEventHeaders.get(second.headers(), "ce_subject"));
        assertNotNull(UUID.fromString(CloudEventHeaders.get(second.headers(), "ce_id")));
        assertTrue(second.value().contains("\"previousValue\":1000"), second.value());
        assertTrue(second.value().contains("\"value\":1200"), second.value());

        List<ConsumerRecord<String, String>> parks = readAll(Topics.PARKS, park, 1);
        assertEquals(1, parks.size());
        assertTrue(
                parks.get(0).value().contains("\"developedLandMu\":8650.5"),
                parks.get(0).value());
    }

    @Test
    void aBatchRequestIsPublishedAsOneEventOfItsChanges() throws Exception {
        String park = registerPark(uniqueCode());
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"value\": 1000}")
                .put("/api/v1/parks/{p}/values/2024-05/tax_revenue", park)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "period",
                        "2024-05",
                        "rows",
                        List.of(
                                Map.of("indicator", "tax_revenue", "value", 1000), // unchanged: not in the event
                                Map.of("indicator", "employees", "value", 300), // imported
                                Map.of("indicator", "no_such", "value", 1), // rejected: not in the event
                                Map.of(
                                        "indicator",
                                        "tax_revenue",
                                        "value",
                                        900,
                                        "period",
                                        "2024-04")))) // imported, its own month
                .post("/api/v1/parks/{p}/values", park)
                .then()
                .statusCode(200)
                .body("summary.imported", equalTo(2));

        List<ConsumerRecord<String, String>> seen = readAll(Topics.INDICATORS, park, 2);
        assertEquals(2, seen.size());
        assertEquals(
                "parkpulse.indicators.value-recorded.v1",
                CloudEventHeaders.get(seen.get(0).headers(), "ce_type"));
        ConsumerRecord<String, String> batch = seen.get(1);
        assertEquals("parkpulse.indicators.values-recorded.v1", CloudEventHeaders.get(batch.headers(), "ce_type"));
        assertEquals(park, batch.key());
        var payload = new com.fasterxml.jackson.databind.ObjectMapper().readTree(batch.value());
        assertEquals(park, payload.get("park").asText());
        assertEquals(2, payload.get("values").size(), batch.value());
        // Oldest month first, as the batch applied them; each value carries its own version.
        assertEquals("2024-04", payload.get("values").get(0).get("period").asText());
        assertEquals("employees", payload.get("values").get(1).get("indicator").asText());
        assertEquals(1, payload.get("values").get(1).get("version").asInt());
    }

    static List<ConsumerRecord<String, String>> readAll(String topic, String key, int expected) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return TestEvents.read(bootstrap, topic, r -> key.equals(r.key()), expected, Duration.ofSeconds(30));
    }
}
