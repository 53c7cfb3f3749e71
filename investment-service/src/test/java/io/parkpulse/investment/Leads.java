package io.parkpulse.investment;

import static io.restassured.RestAssured.given;

import io.parkpulse.infra.TestBodies;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the investment tests share: a park the service knows, and a lead in it. */
final class Leads {

    static final String ADMIN = Tokens.token("bureau-admin", null);

    private Leads() {}

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    static String knownPark() {
        String code = TestEvents.publishNewPark(bootstrap(), "I", "招商园区");
        TestEvents.await(
                "park " + code + " known to investment-service",
                Duration.ofSeconds(30),
                () -> given().auth()
                                .oauth2(ADMIN)
                                .contentType(ContentType.JSON)
                                .body(body(code, Map.of("projectName", "探测线索")))
                                .post("/api/v1/leads")
                                .statusCode()
                        == 201);
        return code;
    }

    static Map<String, Object> body(String park, Map<String, Object> changes) {
        Map<String, Object> b = new LinkedHashMap<>();
        if (park != null) {
            b.put("park", park);
        }
        b.put("projectName", "年产5GWh储能电池项目");
        b.put("investor", "深圳新能科技股份有限公司");
        b.put("capitalOrigin", "OUTSIDE_PROVINCE");
        b.put("capitalPlace", "广东深圳");
        b.put("industry", "新能源");
        b.put("intendedInvestment", 150000);
        b.put("owner", "招商一局 张强");
        if (park != null) {
            b.put("identifiedOn", "2025-01-05");
        }
        return TestBodies.with(b, changes);
    }

    static String lead(String park, Map<String, Object> changes) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(body(park, changes))
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static long version(String id) {
        return given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/leads/{id}", id)
                .then()
                .extract()
                .<Number>path("version")
                .longValue();
    }

    static ValidatableResponse move(String token, String id, Map<String, Object> request) {
        Map<String, Object> b = new LinkedHashMap<>(request);
        b.putIfAbsent("version", version(id));
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(b)
                .post("/api/v1/leads/{id}/transitions", id)
                .then();
    }
}
