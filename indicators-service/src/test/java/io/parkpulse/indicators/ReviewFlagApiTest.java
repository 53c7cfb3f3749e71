package io.parkpulse.indicators;

import static io.parkpulse.indicators.ParkAndValueApiTest.ADMIN;
import static io.parkpulse.indicators.ParkAndValueApiTest.registerPark;
import static io.parkpulse.indicators.ParkAndValueApiTest.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewFlagApiTest {

    static ValidatableResponse put(String token, String park, String period, String value) {
        return Values.put(token, park, period, "tax_revenue", value);
    }

    @Test
    void suspiciousJumpsAreStoredButFlaggedUntilAnAnalystClearsThem() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        String analyst = Tokens.token("bureau-analyst", null);
        put(staff, park, "2024-03", "300").statusCode(200);
        put(staff, park, "2025-01", "100").statusCode(200).body("flags.size()", equalTo(0));
        put(staff, park, "2025-02", "200").statusCode(200).body("flags.size()", equalTo(0));
        // March alone 800 against February alone 100 (+700 %), and +233 % on March last year.
        put(staff, park, "2025-03", "1000")
                .statusCode(200)
                .body("value", equalTo(1000))
                .body("flags.reason", containsInAnyOrder("jump_vs_previous_month", "jump_vs_last_year"))
                .body("flags.find { it.reason == 'jump_vs_last_year' }.message", equalTo("税收同比变动233.33%,超过50%的核查阈值"));

        given().auth()
                .oauth2(staff)
                .queryParam("park", park)
                .get("/api/v1/flags")
                .then()
                .statusCode(200)
                .body("total", equalTo(2));
        given().auth()
                .oauth2(Tokens.token("park-staff", "ELSEWHERE"))
                .queryParam("park", park)
                .get("/api/v1/flags")
                .then()
                .statusCode(404);
        int id = given().auth()
                .oauth2(analyst)
                .queryParam("park", park)
                .get("/api/v1/flags")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");

        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "mine"))
                .post("/api/v1/flags/{id}/clear", id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(analyst)
                .contentType(ContentType.JSON)
                .body(Map.of("note", " "))
                .post("/api/v1/flags/{id}/clear", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
        given().auth()
                .oauth2(analyst)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "一季度新投产企业集中入库,已核实"))
                .post("/api/v1/flags/{id}/clear", id)
                .then()
                .statusCode(200)
                .body("clearedBy", equalTo("bureau-analyst"));
        given().auth()
                .oauth2(analyst)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "again"))
                .post("/api/v1/flags/{id}/clear", id)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(analyst)
                .queryParam("park", park)
                .get("/api/v1/flags")
                .then()
                .body("total", equalTo(1));
        given().auth()
                .oauth2(analyst)
                .queryParam("park", park)
                .queryParam("status", "all")
                .get("/api/v1/flags")
                .then()
                .body("total", equalTo(2));
        given().auth()
                .oauth2(analyst)
                .queryParam("status", "bogus")
                .get("/api/v1/flags")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "x"))
                .post("/api/v1/flags/{id}/clear", 999999999)
                .then()
                .statusCode(404);
    }

    static ValidatableResponse act(String token, int id, String action, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/flags/{id}/" + action, id)
                .then();
    }

    @Test
    void theParkExplainsTheBureauRejectsAndACorrectedValueClosesTheFlag() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        String analyst = Tokens.token("bureau-analyst", null);
        put(staff, park, "2025-01", "100").statusCode(200);
        // February alone 900 against January's 100: one flag, on version 1 of February.
        int id = put(staff, park, "2025-02", "1000")
                .statusCode(200)
                .body("flags.size()", equalTo(1))
                .extract()
                .path("flags[0].id");

        given().auth()
                .oauth2(staff)
                .queryParam("period", "2025-02")
                .get("/api/v1/completeness")
                .then()
                .statusCode(200)
                .body("[0].openFlags", equalTo(1));

        act(Tokens.token("park-staff", "ELSEWHERE"), id, "explain", Map.of("explanation", "不是我们的"))
                .statusCode(404);
        act(staff, id, "explain", Map.of("explanation", " "))
                .statusCode(400)
                .body("errors[0].field", equalTo("explanation"));
        act(staff, id, "reject", Map.of("note", "自己退回")).statusCode(403);
        act(staff, id, "explain", Map.of("explanation", "2月新入库规上企业2家，产值集中入统"))
                .statusCode(200)
                .body("status", equalTo("EXPLAINED"))
                .body("statusLabel", equalTo("已说明待审核"))
                .body("explainedBy", equalTo("park-staff"));
        act(staff, id, "explain", Map.of("explanation", "再说一次"))
                .statusCode(409)
                .body("code", equalTo("flag_explained"))
                .body("detail", equalTo("该核查提示当前为“已说明待审核”，不能说明"));
        act(analyst, id, "reject", Map.of("note", "请附新入库企业名单"))
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejectNote", equalTo("请附新入库企业名单"))
                .body("explanation", equalTo("2月新入库规上企业2家，产值集中入统"));

        // The corrected value is version 2: the flag of version 1 closes as superseded, kept in history.
        put(staff, park, "2025-02", "180").statusCode(200).body("version", equalTo(2));
        given().auth()
                .oauth2(analyst)
                .queryParam("park", park)
                .queryParam("status", "cleared")
                .get("/api/v1/flags")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].status", equalTo("SUPERSEDED"))
                .body("items[0].clearNote", equalTo("已由第2版数值取代"))
                .body("items[0].clearedBy", equalTo("park-staff"))
                .body("items[0].rejectNote", equalTo("请附新入库企业名单"));
        given().auth()
                .oauth2(analyst)
                .queryParam("park", park)
                .get("/api/v1/flags")
                .then()
                .body("total", equalTo(0));
        given().auth()
                .oauth2(analyst)
                .queryParam("period", "2025-02")
                .get("/api/v1/completeness")
                .then()
                .body("find { it.park == '" + park + "' }.openFlags", equalTo(0));
        act(analyst, id, "clear", Map.of("note", "迟到的核销")).statusCode(409).body("code", equalTo("flag_superseded"));
        act(staff, id, "explain", Map.of("explanation", "迟到的说明")).statusCode(409);

        // Every step was published, in order, as the flag's whole state; the refused steps published nothing.
        List<JsonNode> events = flagEvents(park, 4);
        assertEquals(
                List.of("OPEN", "EXPLAINED", "REJECTED", "SUPERSEDED"),
                events.stream()
                        .map(e -> e.get("flags").get(0).get("status").asText())
                        .toList());
        events.forEach(e -> assertEquals(id, e.get("flags").get(0).get("id").asInt()));
        JsonNode superseded = events.get(3).get("flags").get(0);
        assertEquals("已由第2版数值取代", superseded.get("clearNote").asText());
        assertEquals("请附新入库企业名单", superseded.get("rejectNote").asText());
        assertEquals("2月新入库规上企业2家，产值集中入统", superseded.get("explanation").asText());
    }

    @Test
    void oneBatchSupersedesTheFlagsOfEveryValueItCorrects() {
        String park = registerPark(uniqueCode());
        String staff = Tokens.token("park-staff", park);
        String analyst = Tokens.token("bureau-analyst", null);
        put(staff, park, "2025-01", "100").statusCode(200);
        Values.put(staff, park, "2025-01", "industrial_output", "1000").statusCode(200);
        // Two values, each tenfold its January: two flags, on two indicators.
        put(staff, park, "2025-02", "1000").statusCode(200).body("flags.size()", equalTo(1));
        Values.put(staff, park, "2025-02", "industrial_output", "10000")
                .statusCode(200)
                .body("flags.size()", equalTo(1));
        // An unrelated flag of another month stays open.
        put(staff, park, "2025-03", "9000").statusCode(200).body("flags.size()", equalTo(1));
        int open = given().auth()
                .oauth2(analyst)
                .queryParam("park", park)
                .get("/api/v1/flags")
                .then()
                .extract()
                .path("total");
        assertEquals(3, open);

        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "period",
                        "2025-02",
                        "rows",
                        List.of(
                                Map.of("indicator", "tax_revenue", "value", 190),
                                Map.of("indicator", "industrial_output", "value", 1900))))
                .post("/api/v1/parks/{p}/values", park)
                .then()
                .statusCode(200)
                .body("summary.updated", equalTo(2));

        given().auth()
                .oauth2(analyst)
                .queryParam("park", park)
                .queryParam("status", "cleared")
                .get("/api/v1/flags")
                .then()
                .body("total", equalTo(2))
                .body("items.status", everyItem(equalTo("SUPERSEDED")))
                .body("items.indicator", containsInAnyOrder("tax_revenue", "industrial_output"))
                .body("items.clearNote", everyItem(equalTo("已由第2版数值取代")));
        given().auth()
                .oauth2(analyst)
                .queryParam("park", park)
                .get("/api/v1/flags")
                .then()
                .body("total", equalTo(1))
                .body("items[0].period", equalTo("2025-03"));

        // The batch published one event closing both flags.
        List<JsonNode> events = flagEvents(park, 4);
        assertEquals(4, events.size());
        JsonNode last = events.get(events.size() - 1);
        assertEquals(2, last.get("flags").size(), last.toString());
        last.get("flags")
                .forEach(f -> assertEquals("SUPERSEDED", f.get("status").asText()));
    }

    /** The flags-changed events of one park, oldest first. */
    static List<JsonNode> flagEvents(String park, int expected) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return TestEvents.read(
                        bootstrap,
                        Topics.INDICATORS,
                        r -> park.equals(r.key()) && EventTypes.FLAGS_CHANGED.equals(type(r)),
                        expected,
                        Duration.ofSeconds(30))
                .stream()
                .map(r -> {
                    try {
                        return new ObjectMapper().readTree(r.value());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String type(ConsumerRecord<String, String> r) {
        var h = r.headers().lastHeader("ce_type");
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
