package io.parkpulse.investment;

import static io.parkpulse.investment.Leads.ADMIN;
import static io.parkpulse.investment.Leads.knownPark;
import static io.parkpulse.investment.Leads.lead;
import static io.restassured.RestAssured.given;

import io.parkpulse.infra.AuthorizationMatrix;
import io.parkpulse.infra.AuthorizationMatrix.Rule;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** src/test/resources/authorization-matrix.csv walked with real signed tokens (see {@link AuthorizationMatrix}). */
@QuarkusTest
class AuthorizationMatrixTest implements AuthorizationMatrix.Fixture {

    static final String SECRET = "机密线索项目Beta";

    String parkA;
    String parkB;
    String base;

    @Test
    void everyEndpointAnswersEveryCallerAsTheMatrixSays() throws Exception {
        parkA = knownPark();
        parkB = knownPark();
        base = lead(parkA, Map.of("projectName", SECRET));
        AuthorizationMatrix.verify("authorization-matrix.csv", this);
    }

    @Override
    public String ownPark() {
        return parkA;
    }

    @Override
    public String otherPark() {
        return parkB;
    }

    @Override
    public String secret() {
        return SECRET;
    }

    @Override
    public Map<String, String> params(Rule rule, String caller) {
        String id = rule.key().equals("POST /api/v1/leads/{id}/transitions") ? lead(parkA, Map.of("projectName", "矩阵线索")) : base;
        return Map.of("id", id);
    }

    @Override
    public void prepare(RequestSpecification req, Rule rule, Map<String, String> params) {
        if (rule.key().equals("GET /api/v1/leads")) {
            req.queryParam("park", parkA);
        }
        Object body = switch (rule.key()) {
            case "POST /api/v1/leads" -> Leads.body(parkA, Map.of("projectName", "矩阵新线索"));
            case "PUT /api/v1/leads/{id}" -> {
                Map<String, Object> b = new LinkedHashMap<>(Leads.body(null, Map.of("projectName", SECRET, "notes", "矩阵")));
                b.put("version", Leads.version(params.get("id")));
                yield b;
            }
            case "POST /api/v1/leads/{id}/transitions" -> Map.of("to", "NEGOTIATING", "version", 0);
            default -> null;
        };
        if (body != null) {
            req.contentType("application/json").body(body);
        }
    }

    @Override
    public String state() {
        return given().auth().oauth2(ADMIN).queryParams("park", parkA, "size", 500).get("/api/v1/leads").then().extract().asString()
                + given().auth().oauth2(ADMIN).get("/api/v1/leads/{id}/transitions", base).then().extract().asString();
    }
}
