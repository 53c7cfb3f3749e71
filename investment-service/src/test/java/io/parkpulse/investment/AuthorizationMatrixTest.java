package io.parkpulse.investment;

import static io.parkpulse.investment.Leads.ADMIN;
import static io.parkpulse.investment.Leads.knownPark;
import static io.parkpulse.investment.Leads.lead;
import static io.restassured.RestAssured.given;

import io.parkpulse.infra.AuthorizationMatrix;
import io.parkpulse.infra.AuthorizationMatrix.Rule;
import io.parkpulse.infra.DeadLetterProbe;
import io.parkpulse.infra.MatrixFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;

/** src/test/resources/authorization-matrix.csv walked with real signed tokens (see {@link AuthorizationMatrix}). */
@QuarkusTest
class AuthorizationMatrixTest extends MatrixFixture {

    static final String SECRET = "机密线索项目Beta";

    String base;
    String signed;
    String activity;

    /** Two parks, a lead, a signed lead and an activity; {@link FuzzTest} starts from the same. */
    static AuthorizationMatrixTest fixture() {
        AuthorizationMatrixTest f = new AuthorizationMatrixTest();
        f.parkA = knownPark();
        f.parkB = knownPark();
        f.base = lead(f.parkA, Map.of("projectName", SECRET));
        f.signed = lead(f.parkA, Map.of("projectName", "矩阵签约线索"));
        Leads.move(
                        ADMIN,
                        f.signed,
                        Map.of(
                                "to",
                                "SIGNED",
                                "on",
                                "2025-03-01",
                                "agreementType",
                                "CONTRACT",
                                "contractedInvestment",
                                5000))
                .statusCode(200);
        f.activity = given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(activityBody(f.parkA))
                .post("/api/v1/activities")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return f;
    }

    @Override
    protected AuthorizationMatrix.Fixture freshFixture() {
        return fixture();
    }

    @Override
    public String secret() {
        return SECRET;
    }

    static Map<String, Object> activityBody(String park) {
        Map<String, Object> b = new LinkedHashMap<>();
        if (park != null) {
            b.put("park", park);
        }
        b.put("kind", "INVESTOR_MEETING");
        b.put("heldOn", "2025-04-10");
        b.put("title", "赴深圳对接储能企业");
        return b;
    }

    @Override
    public Map<String, String> params(Rule rule, String caller) {
        Map<String, String> p = new LinkedHashMap<>(
                switch (rule.key()) {
                    case "POST /api/v1/leads/{id}/transitions" ->
                        Map.of("id", lead(parkA, Map.of("projectName", "矩阵线索")));
                    case "PUT /api/v1/leads/{id}/funds/{period}", "GET /api/v1/leads/{id}/funds" ->
                        Map.of("id", signed, "period", "2025-04");
                    case "GET /api/v1/activities/{id}", "PUT /api/v1/activities/{id}" -> Map.of("id", activity);
                    case "PUT /api/v1/investment-targets/{park}/{period}" ->
                        Map.of("park", parkA, "period", "2025-Q" + (1 + (counter.getAndIncrement() % 4)));
                    default -> Map.of("id", base);
                });
        DeadLetterProbe.params(
                p,
                rule,
                io.quarkus.arc.Arc.container()
                        .instance(javax.sql.DataSource.class)
                        .get());
        return p;
    }

    @Override
    public void prepare(RequestSpecification req, Rule rule, Map<String, String> params) {
        switch (rule.key()) {
            case "GET /api/v1/leads",
                    "GET /api/v1/leads/stale",
                    "GET /api/v1/activities",
                    "GET /api/v1/investment-targets" -> req.queryParam("park", parkA);
            case "GET /api/v1/investment-figures" ->
                req.queryParam("park", parkA).queryParam("period", "2025-Q2");
            default -> {}
        }
        Object body = switch (rule.key()) {
            case "POST /api/v1/leads" -> Leads.body(parkA, Map.of("projectName", "矩阵新线索"));
            case "PUT /api/v1/leads/{id}" -> {
                Map<String, Object> b =
                        new LinkedHashMap<>(Leads.body(null, Map.of("projectName", SECRET, "notes", "矩阵")));
                b.put("version", Leads.version(params.get("id")));
                yield b;
            }
            case "POST /api/v1/leads/{id}/transitions" -> Map.of("to", "NEGOTIATING", "version", 0);
            case "PUT /api/v1/leads/{id}/funds/{period}" -> Map.of("amount", 100);
            case "POST /api/v1/activities" -> activityBody(parkA);
            case "PUT /api/v1/activities/{id}" -> {
                Map<String, Object> b = activityBody(null);
                b.put(
                        "version",
                        given().auth()
                                .oauth2(ADMIN)
                                .get("/api/v1/activities/{id}", activity)
                                .then()
                                .extract()
                                .<Object>path("version"));
                yield b;
            }
            case "PUT /api/v1/investment-targets/{park}/{period}" -> {
                Object version = given().auth()
                        .oauth2(ADMIN)
                        .queryParam("park", parkA)
                        .get("/api/v1/investment-targets")
                        .then()
                        .extract()
                        .path("find { it.period == '" + params.get("period") + "' }.version");
                Map<String, Object> b = new LinkedHashMap<>(Map.of("effectiveLeads", 1, "fundsInPlace", 1000));
                if (version != null) {
                    b.put("version", version);
                }
                yield b;
            }
            default -> null;
        };
        if (body != null) {
            req.contentType("application/json").body(body);
        }
        DeadLetterProbe.prepare(req, rule);
    }

    @Override
    public String state() {
        return DeadLetterProbe.state(ADMIN) + "|"
                + given().auth()
                        .oauth2(ADMIN)
                        .queryParams("park", parkA, "size", 500)
                        .get("/api/v1/leads")
                        .then()
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/leads/{id}/transitions", base)
                        .then()
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/leads/{id}/funds", signed)
                        .then()
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(ADMIN)
                        .queryParams("park", parkA, "size", 500)
                        .get("/api/v1/activities")
                        .then()
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(ADMIN)
                        .queryParam("park", parkA)
                        .get("/api/v1/investment-targets")
                        .then()
                        .extract()
                        .asString();
    }
}
