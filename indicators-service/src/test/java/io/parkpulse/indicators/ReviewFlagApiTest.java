package io.parkpulse.indicators;

import static io.parkpulse.indicators.ParkAndValueApiTest.ADMIN;
import static io.parkpulse.indicators.ParkAndValueApiTest.registerPark;
import static io.parkpulse.indicators.ParkAndValueApiTest.uniqueCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
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
}
