package io.parkpulse.investment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.ParkState;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LeadApiTest {

    static final String ADMIN = Tokens.token("bureau-admin", null);

    static Map<String, Object> lead(String park, Object amount) {
        return Map.of(
                "park",
                park,
                "projectName",
                "新能源电池材料项目",
                "investor",
                "某某新能源科技有限公司",
                "capitalOrigin",
                "OUTSIDE_PROVINCE",
                "industry",
                "新能源",
                "intendedInvestment",
                amount);
    }

    @Test
    void leadsNeedAKnownParkAndMajorFlagsAreComputed() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String code = "L" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(lead(code, 60000))
                .post("/api/v1/leads")
                .then()
                .statusCode(422)
                .body("code", equalTo("unknown_park"));

        TestEvents.publish(
                bootstrap,
                Topics.PARKS,
                code,
                EventTypes.PARK_REGISTERED,
                new ParkState(code, "丁园区", "NATIONAL", "HIGH_TECH_ZONE", null, null, null, null, null, "ACTIVE", 0));
        String staff = Tokens.token("park-staff", code);
        TestEvents.await(
                "park known to investment-service",
                Duration.ofSeconds(30),
                () -> given().auth()
                                .oauth2(staff)
                                .contentType(ContentType.JSON)
                                .body(lead(code, 60000))
                                .post("/api/v1/leads")
                                .statusCode()
                        == 201);
        given().auth()
                .oauth2(staff)
                .queryParam("park", code)
                .get("/api/v1/leads")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].major", equalTo(true))
                .body("items[0].major5", equalTo(true))
                .body("items[0].capitalOriginLabel", equalTo("省外"))
                .body("items[0].stageLabel", equalTo("线索"));
        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(lead(code, -1))
                .post("/api/v1/leads")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("intendedInvestment"));
        given().auth()
                .oauth2(staff)
                .contentType(ContentType.JSON)
                .body(lead("OTHER", 1))
                .post("/api/v1/leads")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.token("park-staff", "OTHER"))
                .get("/api/v1/leads")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }
}
