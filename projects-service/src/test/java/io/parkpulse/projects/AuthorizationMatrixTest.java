package io.parkpulse.projects;

import static io.parkpulse.projects.Projects.ADMIN;
import static io.parkpulse.projects.Projects.body;
import static io.parkpulse.projects.Projects.knownPark;
import static io.parkpulse.projects.Projects.project;
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

    static final String SECRET = "机密矩阵项目Alpha";

    String base;
    String baseProblem;

    /** Two parks, a project with progress and a problem; {@link FuzzTest} starts from the same. */
    static AuthorizationMatrixTest fixture() {
        AuthorizationMatrixTest f = new AuthorizationMatrixTest();
        f.parkA = knownPark();
        f.parkB = knownPark();
        f.base = project(f.parkA, Map.of("name", SECRET));
        Projects.progress(ADMIN, f.base, "2025-02", 100, 100, 1, null).statusCode(201);
        f.baseProblem = f.problem(f.base);
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

    @Override
    public Map<String, String> params(Rule rule, String caller) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("id", base);
        p.put("period", "2025-03");
        p.put("problemId", baseProblem);
        switch (rule.key()) {
            case "POST /api/v1/projects/{id}/transitions" -> p.put("id", project(parkA, Map.of("name", "矩阵阶段项目")));
            case "PUT /api/v1/projects/{id}/problems/{problemId}",
                    "POST /api/v1/projects/{id}/problems/{problemId}/resolve" -> p.put("problemId", problem(base));
            default -> {}
        }
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
            case "GET /api/v1/projects", "GET /api/v1/problems" -> req.queryParam("park", parkA);
            case "GET /api/v1/projects/summary", "GET /api/v1/problems/summary" ->
                req.queryParam("park", parkA).queryParam("period", "2025");
            case "GET /api/v1/projects/{id}/status" -> req.queryParam("asOf", "2025-06");
            default -> {}
        }
        Object body = switch (rule.key()) {
            case "POST /api/v1/projects" -> body(parkA, Map.of("name", "矩阵新项目"));
            case "PUT /api/v1/projects/{id}" -> {
                Map<String, Object> b = new LinkedHashMap<>(body(null, Map.of("name", SECRET, "leader", "矩阵领导")));
                b.remove("signedOn");
                b.put("version", Projects.version(params.get("id")));
                yield b;
            }
            case "POST /api/v1/projects/{id}/transitions" ->
                Map.of("to", "LAND_SUPPLIED", "on", "2025-02-01", "version", 0);
            case "PUT /api/v1/projects/{id}/progress/{period}" ->
                Map.of("investmentCompleted", 200, "investmentCompletedThisYear", 200, "physicalProgress", 2);
            case "POST /api/v1/projects/{id}/problems" -> Map.of("description", "矩阵问题", "raisedOn", "2025-02-01");
            case "PUT /api/v1/projects/{id}/problems/{problemId}" -> Map.of("description", "矩阵问题（改）", "version", 0);
            case "POST /api/v1/projects/{id}/problems/{problemId}/resolve" ->
                Map.of("resolution", "已解决", "resolvedOn", "2025-03-01", "version", 0);
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
                + String.join(
                        "|",
                        given().auth()
                                .oauth2(ADMIN)
                                .queryParams("park", parkA, "size", 500)
                                .get("/api/v1/projects")
                                .then()
                                .extract()
                                .asString(),
                        given().auth()
                                .oauth2(ADMIN)
                                .queryParams("park", parkA, "size", 500)
                                .get("/api/v1/problems")
                                .then()
                                .extract()
                                .asString(),
                        given().auth()
                                .oauth2(ADMIN)
                                .get("/api/v1/projects/{id}/progress", base)
                                .then()
                                .extract()
                                .asString(),
                        given().auth()
                                .oauth2(ADMIN)
                                .get("/api/v1/projects/{id}/transitions", base)
                                .then()
                                .extract()
                                .asString());
    }

    String problem(String project) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(Map.of("description", "矩阵测试问题", "raisedOn", "2025-02-01"))
                .post("/api/v1/projects/{id}/problems", project)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
