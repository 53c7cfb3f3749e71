package io.parkpulse.reporting;

import static io.parkpulse.reporting.RankingTest.park;
import static io.parkpulse.reporting.RankingTest.value;
import static io.restassured.RestAssured.given;

import io.parkpulse.infra.AuthorizationMatrix;
import io.parkpulse.infra.AuthorizationMatrix.Rule;
import io.parkpulse.infra.DeadLetterProbe;
import io.parkpulse.infra.MatrixFixture;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** src/test/resources/authorization-matrix.csv walked with real signed tokens (see {@link AuthorizationMatrix}). */
@QuarkusTest
class AuthorizationMatrixTest extends MatrixFixture {

    static final String ADMIN = Tokens.token("bureau-admin", null);

    /** Two parks of a fresh peer group in the read model; {@link FuzzTest} starts from the same. */
    static AuthorizationMatrixTest fixture() {
        AuthorizationMatrixTest f = new AuthorizationMatrixTest();
        String g = "M" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        f.parkA = g + "A";
        f.parkB = g + "B";
        park(f.parkA, "机密矩阵园区", g);
        park(f.parkB, "乙矩阵园区", g);
        value(f.parkA, "matrix_probe", "2019-03", "1", 1, null);
        value(f.parkB, "matrix_probe", "2019-03", "2", 1, null);
        TestEvents.await(
                "two parks in the read model",
                Duration.ofSeconds(30),
                () -> given().auth()
                                        .oauth2(ADMIN)
                                        .queryParams("indicator", "matrix_probe", "period", "2019-03", "peerGroup", g)
                                        .get("/api/v1/rankings")
                                        .then()
                                        .extract()
                                        .<Object>path("entries")
                                instanceof List<?> e
                        && e.size() == 2);
        return f;
    }

    @Override
    protected AuthorizationMatrix.Fixture freshFixture() {
        return fixture();
    }

    @Override
    public String secret() {
        return "机密矩阵园区";
    }

    @Override
    public Map<String, String> params(Rule rule, String caller) {
        // A saved scheme is a new version that later runs without a scheme would use; a scheme of its own changes no
        // one's.
        String scheme = rule.key().equals("POST /api/v1/assessment-schemes/{code}")
                ? "matrix" + UUID.randomUUID().toString().substring(0, 6)
                : "default";
        Map<String, String> p = new java.util.LinkedHashMap<>(
                Map.of("code", scheme, "quarter", "2019-Q1", "park", parkA, "section", "HIGHLIGHTS"));
        DeadLetterProbe.params(
                p,
                rule,
                io.quarkus.arc.Arc.container()
                        .instance(javax.sql.DataSource.class)
                        .get());
        if (rule.path().contains("/rebuilds/{id}")) {
            p.put("id", ReadModelRebuildTest.anyRebuild());
        }
        return p;
    }

    @Override
    public void prepare(RequestSpecification req, Rule rule, Map<String, String> params) {
        if (!rule.key().equals("POST /api/v1/read-model/rebuild")) {
            // An allowed rebuild request holds reads (503) and runs (409) until it is done; the others wait for it.
            ReadModelRebuildTest.awaitNoRebuildRunning();
        }
        switch (rule.key()) {
            case "GET /api/v1/rankings", "GET /api/v1/rankings/export" ->
                req.queryParam("indicator", "matrix_probe").queryParam("period", "2019-03");
            case "GET /api/v1/comparisons" ->
                req.queryParam("parks", parkA)
                        .queryParam("figures", "value:matrix_probe")
                        .queryParam("period", "2019-03");
            case "GET /api/v1/cross-figures",
                    "GET /api/v1/city/figures",
                    "GET /api/v1/summaries/city",
                    "GET /api/v1/summaries/parks/{park}",
                    "GET /api/v1/summaries/city/notes",
                    "GET /api/v1/summaries/city/notes/{section}/history",
                    "GET /api/v1/summaries/parks/{park}/notes",
                    "GET /api/v1/summaries/parks/{park}/notes/{section}/history" -> req.queryParam("period", "2019-03");
            case "PUT /api/v1/summaries/city/notes/{section}" -> note(req, "/api/v1/summaries/city/notes");
            case "PUT /api/v1/summaries/parks/{park}/notes/{section}" ->
                note(req, "/api/v1/summaries/parks/" + parkA + "/notes");
            case "GET /api/v1/narrative-checks" ->
                req.queryParam("year", "2019").queryParam("park", parkA);
            case "GET /api/v1/progress-gaps" ->
                req.queryParam("indicator", "matrix_probe").queryParam("period", "2019-03");
            case "GET /api/v1/assessments/{quarter}", "GET /api/v1/assessments/{quarter}/export" -> ensureRun();
            case "POST /api/v1/assessments" ->
                req.contentType("application/json").body(Map.of("quarter", nextQuarter()));
            case "POST /api/v1/assessments/preview" ->
                req.contentType("application/json").body(Map.of("quarter", "2019-Q1"));
            case "POST /api/v1/assessment-schemes/{code}" ->
                req.contentType("application/json")
                        .body(given().auth()
                                .oauth2(ADMIN)
                                .get("/api/v1/assessment-schemes/default?version=1")
                                .then()
                                .extract()
                                .<Map<String, Object>>path("scheme"));
            case "PUT /api/v1/assessments/{quarter}/adjustments" ->
                req.contentType("application/json")
                        .body(List.of(Map.of("park", parkB, "code", "provincial_award", "count", 1)));
            default -> {}
        }
        DeadLetterProbe.prepare(req, rule);
    }

    /** A save of the highlights that names the version now current, so an allowed caller's save succeeds. */
    void note(RequestSpecification req, String notes) {
        int version = given().auth()
                .oauth2(ADMIN)
                .queryParam("period", "2019-03")
                .get(notes)
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.section == 'HIGHLIGHTS' }.version");
        req.queryParam("period", "2019-03")
                .contentType("application/json")
                .body(Map.of("text", "矩阵测试：一季度新签约项目3个", "version", version));
    }

    /** Shared by every fixture of the test JVM: the matrix and FuzzTest must not run the same quarter. */
    static final AtomicInteger QUARTERS = new AtomicInteger();

    /**
     * Allowed runs take 2018-Q1 … Q4 and then 2011 back to 2000, each once: quarters no other test of this
     * module assesses (2012 to 2017 and 2019 on are theirs).
     */
    String nextQuarter() {
        int i = QUARTERS.getAndIncrement() % 52;
        int year = i < 4 ? 2018 : 2011 - (i - 4) / 4;
        return year + "-Q" + (1 + i % 4);
    }

    void ensureRun() {
        if (given().auth().oauth2(ADMIN).get("/api/v1/assessments/2019-Q1").statusCode() == 404) {
            given().auth()
                    .oauth2(ADMIN)
                    .contentType("application/json")
                    .body(Map.of("quarter", "2019-Q1"))
                    .post("/api/v1/assessments")
                    .then()
                    .statusCode(201);
        }
    }

    @Override
    public String state() {
        return DeadLetterProbe.state(ADMIN) + "|"
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/assessments")
                        .then()
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/assessment-schemes")
                        .then()
                        .extract()
                        .asString()
                + given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/assessments/2019-Q1/adjustments")
                        .then()
                        .extract()
                        .asString()
                + noteVersions("/api/v1/summaries/city/notes")
                + noteVersions("/api/v1/summaries/parks/" + parkA + "/notes");
    }

    /**
     * The version of each written section (every save makes a new one). A park's notes answer 404 until the
     * park is in the read model, which an allowed rebuild empties and refills: that is no section written.
     */
    String noteVersions(String notes) {
        var r = given().auth().oauth2(ADMIN).queryParam("period", "2019-03").get(notes);
        return r.statusCode() == 404
                ? "[0, 0, 0]"
                : r.then().extract().path("version").toString();
    }
}
