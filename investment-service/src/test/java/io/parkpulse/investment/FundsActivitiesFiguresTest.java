package io.parkpulse.investment;

import static io.parkpulse.investment.Leads.ADMIN;
import static io.parkpulse.investment.Leads.knownPark;
import static io.parkpulse.investment.Leads.lead;
import static io.parkpulse.investment.Leads.move;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FundsActivitiesFiguresTest {

    static ValidatableResponse funds(String token, String lead, String month, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/leads/{id}/funds/{m}", lead, month)
                .then();
    }

    static ValidatableResponse activity(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/activities")
                .then();
    }

    static void sign(String lead, String on, Object amount) {
        move(ADMIN, lead, Map.of("to", "SIGNED", "on", on, "agreementType", "CONTRACT", "contractedInvestment", amount))
                .statusCode(200);
    }

    @Test
    void fundsInPlaceAreReportedPerSignedLeadAndMonthWithTheirRate() {
        String park = knownPark();
        String staff = Tokens.token("park-staff", park);
        String open = lead(park, Map.of());
        funds(staff, open, "2025-04", Map.of("amount", 100)).statusCode(409).body("code", equalTo("not_signed"));
        String id = lead(park, Map.of());
        sign(id, "2025-03-18", 20000);
        funds(staff, id, "2025-02", Map.of("amount", 100)).statusCode(422).body("code", equalTo("before_signing"));
        funds(
                        staff,
                        id,
                        io.parkpulse.common.periods.CityTime.thisMonth()
                                .plusMonths(1)
                                .toString(),
                        Map.of("amount", 100))
                .statusCode(422)
                .body("errors[0].field", equalTo("period"));
        funds(staff, id, "2099-01", Map.of("amount", 100)).statusCode(400).body("errors[0].field", equalTo("period"));
        funds(staff, id, "2025-04", Map.of("amount", -1)).statusCode(400).body("errors[0].field", equalTo("amount"));
        funds(staff, id, "2025-04", Map.of("amount", 100, "amountUsd", 14))
                .statusCode(422)
                .body("errors[0].field", equalTo("amountUsd"));
        funds(staff, id, "2025-04", Map.of("amount", 3000))
                .statusCode(201)
                .body("revision", equalTo(1))
                .body("source", equalTo("OUTSIDE_PROVINCE"));
        funds(staff, id, "2025-04", Map.of("amount", 3500)).statusCode(200).body("revision", equalTo(2));
        funds(staff, id, "2025-05", Map.of("amount", 1500)).statusCode(201);
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/leads/{id}/funds", id)
                .then()
                .body("months.period", contains("2025-04", "2025-05"))
                .body("total", equalTo(5000))
                .body("fundsRate", equalTo(25));

        String foreign =
                lead(park, Map.of("capitalOrigin", "FOREIGN", "capitalPlace", "新加坡", "intendedInvestmentUsd", 3000));
        sign(foreign, "2025-04-01", 21000);
        funds(staff, foreign, "2025-05", Map.of("amount", 700))
                .statusCode(422)
                .body("errors[0].field", equalTo("amountUsd"));
        funds(staff, foreign, "2025-05", Map.of("amount", 700, "amountUsd", 100))
                .statusCode(201)
                .body("source", equalTo("FOREIGN"));
    }

    @Test
    void activitiesAreDatedLinkedToTheParksLeadsAndCounted() {
        String park = knownPark();
        String other = knownPark();
        String staff = Tokens.token("park-staff", park);
        String mine = lead(park, Map.of());
        String theirs = lead(other, Map.of());
        activity(staff, Map.of("kind", "LEADER_TRIP", "heldOn", "2025-04-10", "title", "党工委书记带队赴深圳招商"))
                .statusCode(422)
                .body("errors[0].field", equalTo("ledBy"));
        activity(
                        staff,
                        Map.of(
                                "kind",
                                "INVESTOR_MEETING",
                                "heldOn",
                                "2025-04-10",
                                "title",
                                "对接",
                                "leadIds",
                                List.of(mine, theirs)))
                .statusCode(422)
                .body("errors[0].field", equalTo("leadIds[1]"));
        activity(
                        staff,
                        Map.of(
                                "kind",
                                "INVESTOR_MEETING",
                                "heldOn",
                                (io.parkpulse.common.periods.CityTime.today().getYear() + 1) + "-04-10",
                                "title",
                                "对接"))
                .statusCode(422)
                .body("errors[0].field", equalTo("heldOn"));
        activity(staff, Map.of("kind", "CONCERT", "heldOn", "2025-04-10", "title", "x"))
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        String trip = activity(
                        staff,
                        Map.of(
                                "kind",
                                "LEADER_TRIP",
                                "heldOn",
                                "2025-04-10",
                                "title",
                                "党工委书记带队赴深圳招商",
                                "ledBy",
                                "党工委书记",
                                "leadIds",
                                List.of(mine)))
                .statusCode(201)
                .body("kindLabel", equalTo("主要领导带队招商"))
                .extract()
                .path("id");
        activity(staff, Map.of("kind", "INVESTOR_MEETING", "heldOn", "2025-05-08", "title", "对接客商"))
                .statusCode(201);
        activity(staff, Map.of("kind", "INVESTOR_MEETING", "heldOn", "2025-07-08", "title", "对接客商"))
                .statusCode(201);
        given().auth()
                .oauth2(ADMIN)
                .queryParams("park", park, "period", "2025-Q2")
                .get("/api/v1/activities")
                .then()
                .body("total", equalTo(2));
        given().auth()
                .oauth2(ADMIN)
                .queryParams("park", park, "lead", mine)
                .get("/api/v1/activities")
                .then()
                .body("items.id", contains(trip));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "kind", "LEADER_TRIP", "heldOn", "2025-04-11", "title", "改期", "ledBy", "党工委书记", "version", 5))
                .put("/api/v1/activities/{id}", trip)
                .then()
                .statusCode(409);
    }

    @Test
    void figuresReadLikeTheReportsAndTargetsAreTheBureausAlone() {
        String park = knownPark();
        String staff = Tokens.token("park-staff", park);
        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(Map.of("fundsInPlace", 100))
                .put("/api/v1/investment-targets/{p}/2025-Q2", park)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("fundsInPlace", 100))
                .put("/api/v1/investment-targets/{p}/2025-06", park)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "effectiveLeads",
                        4,
                        "investorMeetings",
                        4,
                        "leaderTrips",
                        1,
                        "signedProjects",
                        2,
                        "fundsInPlace",
                        2810.5))
                .put("/api/v1/investment-targets/{p}/2025-Q2", park)
                .then()
                .statusCode(200)
                .body("version", equalTo(0));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("fundsInPlace", 1))
                .put("/api/v1/investment-targets/{p}/2025-Q2", park)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("version"));

        // Last year's Q2 signing, for the year-on-year growth.
        String old = lead(park, Map.of("identifiedOn", "2024-03-01"));
        sign(old, "2024-05-01", 8000);
        String a = lead(park, Map.of("identifiedOn", "2025-04-02"));
        move(ADMIN, a, Map.of("to", "NEGOTIATING", "on", "2025-04-10")).statusCode(200);
        sign(a, "2025-05-20", 60000);
        move(ADMIN, a, Map.of("to", "LANDED", "on", "2025-06-15", "landSupplied", true))
                .statusCode(200);
        String b = lead(park, Map.of("identifiedOn", "2025-05-02"));
        sign(b, "2025-06-01", 12000);
        String c = lead(park, Map.of("identifiedOn", "2025-06-20"));
        move(ADMIN, c, Map.of("to", "DROPPED", "on", "2025-06-25", "dropReason", "LOST_TO_OTHER_REGION"))
                .statusCode(200);
        funds(ADMIN, a, "2025-06", Map.of("amount", 2000)).statusCode(201);
        funds(ADMIN, b, "2025-06", Map.of("amount", 1000)).statusCode(201);
        activity(ADMIN, Map.of("park", park, "kind", "INVESTOR_MEETING", "heldOn", "2025-04-10", "title", "对接客商"))
                .statusCode(201);
        activity(
                        ADMIN,
                        Map.of(
                                "park",
                                park,
                                "kind",
                                "LEADER_TRIP",
                                "heldOn",
                                "2025-05-10",
                                "title",
                                "带队招商",
                                "ledBy",
                                "主任"))
                .statusCode(201);

        // Q2 2025: three new leads; two signed for 72000 万元 (one ≥ 5亿); one landed; funds 3000 against 2810.5 = 超目标
        // 6.74 %.
        given().auth()
                .oauth2(staff)
                .queryParam("period", "2025-Q2")
                .get("/api/v1/investment-figures")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].effectiveLeads.actual", equalTo(3))
                .body("[0].effectiveLeads.target", equalTo(4))
                .body("[0].effectiveLeads.completion", equalTo(75))
                .body("[0].leadsByStage.LANDED", equalTo(1))
                .body("[0].leadsByStage.SIGNED", equalTo(2))
                .body("[0].leadsByStage.DROPPED", equalTo(1))
                .body("[0].signed.count", equalTo(2))
                .body("[0].signed.amount", equalTo(72000))
                .body("[0].signed.major", equalTo(2))
                .body("[0].signed.major5", equalTo(1))
                .body("[0].signed.amountYtd", equalTo(72000))
                .body("[0].signed.amountLastYearYtd", equalTo(8000))
                .body("[0].signed.growthYtd", equalTo(800))
                .body("[0].signedProjects.target", equalTo(2))
                .body("[0].landed", equalTo(1))
                .body("[0].conversion.leadsYtd", equalTo(4))
                .body("[0].conversion.signed", equalTo(2))
                .body("[0].conversion.landed", equalTo(1))
                .body("[0].conversion.landedRate", equalTo(50))
                .body("[0].activities.INVESTOR_MEETING.actual", equalTo(1))
                .body("[0].activities.LEADER_TRIP.actual", equalTo(1))
                .body("[0].funds.total", equalTo(3000))
                .body("[0].funds.bySource.OUTSIDE_PROVINCE", equalTo(3000))
                .body("[0].funds.completion", equalTo(106.74f))
                .body("[0].funds.aheadOfTarget", equalTo(6.74f))
                .body("[0].funds.fundsRate", equalTo(3.75f));
        given().auth()
                .oauth2(ADMIN)
                .queryParams("period", "2025-Q2", "park", "NOT-A-PARK")
                .get("/api/v1/investment-figures")
                .then()
                .statusCode(404);

        // Stale: a lead identified long ago and never touched since.
        lead(park, Map.of("identifiedOn", "2024-01-01", "projectName", "沉睡线索"));
        lead(
                park,
                Map.of(
                        "identifiedOn",
                        io.parkpulse.common.periods.CityTime.today().toString(),
                        "projectName",
                        "新鲜线索"));
        given().auth()
                .oauth2(staff)
                .get("/api/v1/leads/stale")
                .then()
                .statusCode(200)
                .body("projectName", hasItem("沉睡线索"))
                .body("projectName", not(hasItem("新鲜线索")))
                .body("find { it.projectName == '沉睡线索' }.allowedDays", equalTo(30));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/leads/{id}/transitions", a)
                .then()
                .body("daysInStage", contains(8, 40, 26, null));
    }
}
