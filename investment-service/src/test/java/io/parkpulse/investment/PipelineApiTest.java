package io.parkpulse.investment;

import static io.parkpulse.investment.Leads.ADMIN;
import static io.parkpulse.investment.Leads.knownPark;
import static io.parkpulse.investment.Leads.lead;
import static io.parkpulse.investment.Leads.move;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.common.events.CloudEventHeaders;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PipelineApiTest {

    @Test
    void aLeadIsNegotiatedSignedAndLandsAndTheLandingCarriesWhatProjectsNeed() {
        String park = knownPark();
        String staff = Tokens.token("park-staff", park);
        String id = lead(park, Map.of());
        move(staff, id, Map.of("to", "NEGOTIATING", "on", "2025-02-10"))
                .statusCode(200)
                .body("stageLabel", equalTo("洽谈"));
        move(staff, id, Map.of("to", "SIGNED", "on", "2025-03-18"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("agreementType"));
        move(staff, id, Map.of("to", "SIGNED", "on", "2025-03-18", "agreementType", "CONTRACT"))
                .statusCode(422)
                .body("errors[0].field", equalTo("contractedInvestment"));
        move(staff, id, Map.of("to", "SIGNED", "agreementType", "CONTRACT", "contractedInvestment", 120000.5))
                .statusCode(422)
                .body("errors[0].field", equalTo("on"));
        move(
                        staff,
                        id,
                        Map.of(
                                "to",
                                "SIGNED",
                                "on",
                                "2025-02-01",
                                "agreementType",
                                "CONTRACT",
                                "contractedInvestment",
                                1))
                .statusCode(422)
                .body("code", equalTo("before_current_stage"));
        move(
                        staff,
                        id,
                        Map.of(
                                "to",
                                "SIGNED",
                                "on",
                                "2025-03-18",
                                "agreementType",
                                "CONTRACT",
                                "contractedInvestment",
                                -1))
                .statusCode(400)
                .body("errors[0].field", equalTo("contractedInvestment"));
        move(
                        staff,
                        id,
                        Map.of(
                                "to",
                                "SIGNED",
                                "on",
                                "2025-03-18",
                                "agreementType",
                                "CONTRACT",
                                "contractedInvestment",
                                120000.5))
                .statusCode(200)
                .body("contractedInvestment", equalTo(120000.5f))
                .body("major5", equalTo(true))
                .body("allowedTransitions", contains("LANDED", "DROPPED"));
        move(staff, id, Map.of("to", "LANDED", "on", "2025-06-02", "landSupplied", true))
                .statusCode(200)
                .body("stage", equalTo("LANDED"))
                .body("allowedTransitions", empty());
        move(staff, id, Map.of("to", "DROPPED", "dropReason", "INVESTOR_WITHDREW"))
                .statusCode(409)
                .body("code", equalTo("illegal_transition"))
                .body("context.allowed", empty());

        given().auth()
                .oauth2(Tokens.token("bureau-analyst", null))
                .get("/api/v1/leads/{id}/transitions", id)
                .then()
                .body("to", contains("LEAD", "NEGOTIATING", "SIGNED", "LANDED"))
                .body("on[1..3]", contains("2025-02-10", "2025-03-18", "2025-06-02"));

        List<ConsumerRecord<String, String>> events = TestEvents.read(
                Leads.bootstrap(),
                Topics.INVESTMENT,
                r -> park.equals(r.key()) && r.value().contains(id),
                4,
                Duration.ofSeconds(30));
        assertEquals(
                List.of(
                        EventTypes.LEAD_REGISTERED,
                        EventTypes.LEAD_STAGE_CHANGED,
                        EventTypes.LEAD_STAGE_CHANGED,
                        EventTypes.LEAD_STAGE_CHANGED),
                events.stream()
                        .map(r -> CloudEventHeaders.get(r.headers(), "ce_type"))
                        .toList());
        JsonPath landed = new JsonPath(events.get(3).value());
        assertEquals("LANDED", landed.getString("stage"));
        assertEquals("2025-06-02", landed.getString("landedOn"));
        assertEquals("2025-03-18", landed.getString("signedOn"));
        assertEquals(true, landed.getBoolean("landSupplied"));
        assertEquals("120000.5", landed.getString("contractedInvestment"));
        assertEquals("深圳新能科技股份有限公司", landed.getString("investor"));
    }

    @Test
    void droppingNeedsAReasonFromTheListAndOtherNeedsANote() {
        String park = knownPark();
        String id = lead(park, Map.of());
        move(ADMIN, id, Map.of("to", "DROPPED")).statusCode(422).body("errors[0].field", equalTo("dropReason"));
        move(ADMIN, id, Map.of("to", "DROPPED", "dropReason", "BORED"))
                .statusCode(400)
                .body("errors[0].field", equalTo("dropReason"));
        move(ADMIN, id, Map.of("to", "DROPPED", "dropReason", "OTHER"))
                .statusCode(422)
                .body("errors[0].field", equalTo("note"));
        move(ADMIN, id, Map.of("to", "LANDED"))
                .statusCode(409)
                .body("context.allowed", contains("NEGOTIATING", "SIGNED", "DROPPED"));
        move(
                        ADMIN,
                        id,
                        Map.of(
                                "to",
                                "DROPPED",
                                "dropReason",
                                "LOST_TO_OTHER_REGION",
                                "on",
                                (io.parkpulse.common.periods.CityTime.today().getYear() + 1) + "-01-01"))
                .statusCode(422)
                .body("errors[0].field", equalTo("on"));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/leads/{id}", id)
                .then()
                .body("stage", equalTo("LEAD"))
                .body("version", equalTo(0));
        move(ADMIN, id, Map.of("to", "DROPPED", "dropReason", "LOST_TO_OTHER_REGION", "note", "落户邻市"))
                .statusCode(200)
                .body("dropReasonLabel", equalTo("落户其他地区"));
    }

    @Test
    void editsNeedTheCurrentVersionAndUsdIsOnlyForForeignCapital() {
        String park = knownPark();
        String id = lead(park, Map.of());
        Map<String, Object> edit = new LinkedHashMap<>(Leads.body(null, Map.of("owner", "招商二局 王芳")));
        edit.put("version", 0);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(edit)
                .put("/api/v1/leads/{id}", id)
                .then()
                .statusCode(200)
                .body("owner", equalTo("招商二局 王芳"))
                .body("version", equalTo(1));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(edit)
                .put("/api/v1/leads/{id}", id)
                .then()
                .statusCode(409)
                .body("code", equalTo("stale_version"))
                .body("context.currentVersion", equalTo(1));
        edit.put("version", 1);
        edit.put("intendedInvestmentUsd", 2000);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(edit)
                .put("/api/v1/leads/{id}", id)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("intendedInvestmentUsd"));
        edit.put("capitalOrigin", "FOREIGN");
        edit.put("capitalPlace", "新加坡");
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(edit)
                .put("/api/v1/leads/{id}", id)
                .then()
                .statusCode(200)
                .body("intendedInvestmentUsd", equalTo(2000))
                .body("capitalOriginLabel", equalTo("境外"));
        given().auth()
                .oauth2(ADMIN)
                .queryParams("park", park, "stage", "LEAD")
                .get("/api/v1/leads")
                .then()
                .body("total", equalTo(2));
        given().auth()
                .oauth2(ADMIN)
                .queryParams("park", park, "stage", "NOPE")
                .get("/api/v1/leads")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("stage"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Leads.body(park, Map.of("capitalOrigin", "MARS")))
                .post("/api/v1/leads")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("capitalOrigin"));
        given().auth()
                .oauth2(ADMIN)
                .queryParams("park", park, "stage", "LEAD")
                .get("/api/v1/leads")
                .then()
                .body("total", equalTo(2));
    }
}
