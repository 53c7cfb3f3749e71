package io.parkpulse.indicators;

import static io.parkpulse.indicators.ParkAndValueApiTest.ADMIN;
import static io.parkpulse.indicators.ParkAndValueApiTest.registerPark;
import static io.parkpulse.indicators.ParkAndValueApiTest.uniqueCode;
import static io.restassured.RestAssured.given;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.QuarterClosed;
import io.parkpulse.infra.AuthorizationMatrix;
import io.parkpulse.infra.AuthorizationMatrix.Rule;
import io.parkpulse.infra.DeadLetterProbe;
import io.parkpulse.infra.MatrixFixture;
import io.parkpulse.infra.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * src/test/resources/authorization-matrix.csv walked with real signed tokens (see {@link AuthorizationMatrix}):
 * every endpoint of the OpenAPI document, six callers, refusals change nothing and show nothing.
 */
@QuarkusTest
class AuthorizationMatrixTest extends MatrixFixture {

    String parkAName;

    /** Two parks, the own one's name and a locked quarter; {@link FuzzTest} starts from the same. */
    static AuthorizationMatrixTest fixture() {
        AuthorizationMatrixTest f = new AuthorizationMatrixTest();
        f.parkA = registerPark(uniqueCode());
        f.parkB = registerPark(uniqueCode());
        f.parkAName = given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/parks/{p}", f.parkA)
                .then()
                .extract()
                .path("name");
        f.lockQuarter("2022-Q4");
        return f;
    }

    @Override
    protected AuthorizationMatrix.Fixture freshFixture() {
        return fixture();
    }

    @Override
    public String secret() {
        return parkAName;
    }

    @Override
    public Map<String, String> params(Rule rule, String caller) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("park", parkA);
        p.put("code", parkA);
        p.put("period", "2025-01");
        p.put("indicator", "tax_revenue");
        p.put("year", "2025");
        switch (rule.key()) {
            case "POST /api/v1/indicators/{code}/retire" -> p.put("code", newIndicator());
            case "POST /api/v1/flags/{id}/clear", "POST /api/v1/flags/{id}/explain", "POST /api/v1/flags/{id}/reject" ->
                p.put("id", Integer.toString(newFlag()));
            case "POST /api/v1/parks/{park}/corrections" -> closeOpenWindows();
            case "POST /api/v1/parks/{park}/corrections/{id}/close" -> p.put("id", Long.toString(openWindow()));
            case "GET /api/v1/parks/{park}/narrative-reports/{id}",
                    "POST /api/v1/parks/{park}/narrative-reports/{id}/confirm" ->
                p.put("id", Long.toString(newNarrativeReport()));
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
        String key = rule.key();
        switch (key) {
            case "GET /api/v1/parks/{park}/figures" -> req.queryParam("period", "2025-01");
            case "GET /api/v1/parks/{park}/values/template" -> req.queryParam("period", "2025-01");
            case "GET /api/v1/flags" -> req.queryParam("park", parkA);
            case "GET /api/v1/city-table" ->
                req.queryParam("period", "2025-01").queryParam("indicators", "tax_revenue");
            case "GET /api/v1/completeness" -> req.queryParam("period", "2025-01");
            case "POST /api/v1/parks/{park}/values/file" -> req.queryParam("period", "2025-01");
            default -> {}
        }
        Object body = body(key);
        if (key.equals("POST /api/v1/parks/{park}/narrative-reports")) {
            req.contentType("text/plain; charset=UTF-8").body((byte[]) body);
        } else if (body instanceof byte[] bytes) {
            req.contentType("text/csv").body(bytes);
        } else if (body != null) {
            req.contentType("application/json").body(body);
        }
        DeadLetterProbe.prepare(req, rule);
    }

    Object body(String key) {
        int n = counter.incrementAndGet();
        return switch (key) {
            case "POST /api/v1/parks" ->
                Map.of(
                        "code",
                        uniqueCode(),
                        "name",
                        "矩阵园区",
                        "level",
                        "MUNICIPAL",
                        "kind",
                        "INDUSTRIAL_PARK",
                        "district",
                        "测试区",
                        "developedLandMu",
                        100);
            case "PUT /api/v1/parks/{code}" ->
                Map.of(
                        "name",
                        "矩阵测试园区" + n,
                        "level",
                        "PROVINCIAL",
                        "kind",
                        "INDUSTRIAL_PARK",
                        "district",
                        "测试区",
                        "status",
                        "ACTIVE",
                        "version",
                        given().auth()
                                .oauth2(ADMIN)
                                .get("/api/v1/parks/{p}", parkA)
                                .then()
                                .extract()
                                .<Object>path("version"));
            case "POST /api/v1/parks/{code}/land" ->
                Map.of("effectiveFrom", "2024-0" + (1 + n % 9) + "-01", "developedLandMu", 9000 + n);
            case "POST /api/v1/indicators" ->
                Map.of(
                        "code",
                        "matrix_" + n + "_" + UUID.randomUUID().toString().substring(0, 6),
                        "nameZh",
                        "矩阵指标",
                        "nameEn",
                        "matrix",
                        "unit",
                        "万元",
                        "kind",
                        "STOCK",
                        "direction",
                        "HIGHER_BETTER",
                        "decimals",
                        2);
            case "POST /api/v1/parks/{park}/values" ->
                Map.of(
                        "period",
                        "2025-01",
                        "rows",
                        List.of(Map.of("indicator", "industrial_output", "value", 1000 + n)));
            case "POST /api/v1/parks/{park}/values/file" ->
                ("indicator,value\nmain_business_revenue," + (500 + n)).getBytes(StandardCharsets.UTF_8);
            case "PUT /api/v1/parks/{park}/values/{period}/{indicator}" -> Map.of("value", 100 + n);
            case "PUT /api/v1/parks/{park}/targets/{year}/{indicator}" -> Map.of("annual", 10_000 + n);
            case "POST /api/v1/parks/{park}/corrections" -> Map.of("period", "2022-10", "reason", "矩阵测试", "hours", 1);
            case "POST /api/v1/flags/{id}/clear" -> Map.of("note", "矩阵测试核实");
            case "POST /api/v1/flags/{id}/reject" -> Map.of("note", "请补充新入库企业名单");
            case "POST /api/v1/flags/{id}/explain" -> Map.of("explanation", "本月新增入库企业3家");
            case "PUT /api/v1/parks/{park}/receipts/{period}" -> Map.of("receivedOn", "2025-02-08", "note", "纸质报表");
            case "POST /api/v1/parks/{park}/narrative-reports" -> narrative(n);
            case "POST /api/v1/parks/{park}/narrative-reports/{id}/confirm" ->
                Map.of(
                        "rows",
                        List.of(Map.of(
                                "indicator", "rd_expenditure", "period", "2025-03", "value", 300 + n, "unit", "万元")));
            default -> null;
        };
    }

    /** What a refused write must leave as it was. */
    @Override
    public String state() {
        return DeadLetterProbe.state(ADMIN) + "|"
                + String.join(
                        "|",
                        Objects.toString(given().auth()
                                .oauth2(ADMIN)
                                .get("/api/v1/parks/{p}", parkA)
                                .then()
                                .extract()
                                .path("version")),
                        Objects.toString(given().auth()
                                .oauth2(ADMIN)
                                .get("/api/v1/parks?size=1")
                                .then()
                                .extract()
                                .path("total")),
                        Objects.toString(given().auth()
                                .oauth2(ADMIN)
                                .get("/api/v1/parks/{p}/land", parkA)
                                .then()
                                .extract()
                                .path("size()")),
                        given().auth()
                                .oauth2(ADMIN)
                                .get("/api/v1/indicators")
                                .then()
                                .extract()
                                .asString(),
                        given().auth()
                                .oauth2(ADMIN)
                                .get("/api/v1/parks/{p}/values/audit?size=500", parkA)
                                .then()
                                .extract()
                                .asString(),
                        given().auth()
                                .oauth2(ADMIN)
                                .get("/api/v1/parks/{p}/targets", parkA)
                                .then()
                                .extract()
                                .asString(),
                        given().auth()
                                .oauth2(ADMIN)
                                .get("/api/v1/parks/{p}/corrections", parkA)
                                .then()
                                .extract()
                                .asString(),
                        given().auth()
                                .oauth2(ADMIN)
                                .get("/api/v1/parks/{p}/narrative-reports?size=500", parkA)
                                .then()
                                .extract()
                                .asString(),
                        given().auth()
                                .oauth2(ADMIN)
                                .queryParam("park", parkA)
                                .queryParam("status", "all")
                                .queryParam("size", 500)
                                .get("/api/v1/flags")
                                .then()
                                .extract()
                                .asString());
    }

    String newIndicator() {
        String code = "matrix_retire_" + counter.incrementAndGet() + "_"
                + UUID.randomUUID().toString().substring(0, 6);
        given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(Map.of(
                        "code",
                        code,
                        "nameZh",
                        "待停用",
                        "nameEn",
                        "to retire",
                        "unit",
                        "万元",
                        "kind",
                        "STOCK",
                        "direction",
                        "HIGHER_BETTER",
                        "decimals",
                        2))
                .post("/api/v1/indicators")
                .then()
                .statusCode(201);
        return code;
    }

    /** A stock indicator that jumps tenfold from one month to the next raises a flag. */
    /** A short report naming its period and one figure of the park. */
    static byte[] narrative(int n) {
        return ("2025年1-3月工作情况汇报\n1-3月,园区完成R&D经费支出" + (300 + n) + "万元。").getBytes(StandardCharsets.UTF_8);
    }

    long newNarrativeReport() {
        return ((Number) given().auth()
                        .oauth2(ADMIN)
                        .contentType("text/plain; charset=UTF-8")
                        .body(narrative(counter.incrementAndGet()))
                        .post("/api/v1/parks/{p}/narrative-reports", parkA)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("report.id"))
                .longValue();
    }

    int newFlag() {
        int n = counter.incrementAndGet();
        String month = String.format("2024-%02d", 1 + (n % 6) * 2);
        String next = String.format("2024-%02d", 2 + (n % 6) * 2);
        Values.put(ADMIN, parkA, month, "specialized_smes", Integer.toString(10 + n))
                .statusCode(200);
        return Values.put(ADMIN, parkA, next, "specialized_smes", Integer.toString((10 + n) * 10))
                .statusCode(200)
                .extract()
                .path("flags[0].id");
    }

    void lockQuarter(String quarter) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        TestEvents.publish(
                bootstrap,
                Topics.ASSESSMENTS,
                QuarterClosed.KEY,
                EventTypes.QUARTER_CLOSED,
                new QuarterClosed(quarter, UUID.randomUUID(), 1, OffsetDateTime.parse("2023-01-15T02:00:00+08:00")));
        TestEvents.await(
                quarter + " locked",
                Duration.ofSeconds(30),
                () -> given().auth()
                        .oauth2(ADMIN)
                        .get("/api/v1/locks")
                        .then()
                        .extract()
                        .<List<String>>path("quarter")
                        .contains(quarter));
    }

    void closeOpenWindows() {
        List<Map<String, Object>> windows = given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/parks/{p}/corrections", parkA)
                .then()
                .extract()
                .path("$");
        for (Map<String, Object> w : windows) {
            if (w.get("closedAt") == null) {
                given().auth()
                        .oauth2(ADMIN)
                        .post("/api/v1/parks/{p}/corrections/{id}/close", parkA, w.get("id"))
                        .then()
                        .statusCode(200);
            }
        }
    }

    long openWindow() {
        List<Map<String, Object>> windows = given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/parks/{p}/corrections", parkA)
                .then()
                .extract()
                .path("$");
        for (Map<String, Object> w : windows) {
            if (w.get("closedAt") == null) {
                return ((Number) w.get("id")).longValue();
            }
        }
        return ((Number) given().auth()
                        .oauth2(ADMIN)
                        .contentType("application/json")
                        .body(Map.of("period", "2022-11", "reason", "矩阵测试", "hours", 1))
                        .post("/api/v1/parks/{p}/corrections", parkA)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }
}
