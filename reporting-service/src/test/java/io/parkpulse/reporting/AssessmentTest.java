package io.parkpulse.reporting;

import static io.parkpulse.reporting.RankingTest.bootstrap;
import static io.parkpulse.reporting.RankingTest.park;
import static io.parkpulse.reporting.RankingTest.value;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.parkpulse.reporting.service.QuarterlySchedule;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Schemes as data, the scoring rules on hand-computed figures, immutable runs and revisions, and the scheduler's guard. */
@QuarkusTest
class AssessmentTest {

    static final String ADMIN = Tokens.token("bureau-admin", null);

    @Inject
    QuarterlySchedule schedule;

    static Map<String, Object> item(String code, String figure, int weight, String rule, Object... params) {
        Map<String, Object> m = new LinkedHashMap<>(
                Map.of("code", code, "name", code, "figure", figure, "weight", weight, "rule", rule));
        for (int i = 0; i < params.length; i += 2) {
            m.put((String) params[i], params[i + 1]);
        }
        return m;
    }

    static Map<String, Object> scheme(List<Map<String, Object>> items, Map<String, Object> tiers) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", "测试方案");
        s.put("byPeerGroup", false);
        s.put("dimensions", List.of(Map.of("code", "d1", "name", "经济", "items", items)));
        s.put(
                "adjustments",
                List.of(
                        Map.of("code", "safety_accident", "name", "较大安全生产事故", "pointsEach", -1),
                        Map.of("code", "major_accident", "name", "重大安全生产事故", "disqualifies", true)));
        s.put("tiers", tiers);
        return s;
    }

    static final Map<String, Object> SCORE_TIERS = Map.of(
            "mode",
            "SCORE",
            "bands",
            List.of(
                    Map.of("tier", "优秀", "bound", 90),
                    Map.of("tier", "良好", "bound", 75),
                    Map.of("tier", "合格", "bound", 60),
                    Map.of("tier", "较差", "bound", 0)));

    static ValidatableResponse saveScheme(String code, Object body) {
        return given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/assessment-schemes/{c}", code)
                .then();
    }

    static ValidatableResponse run(String quarter, String scheme, String reason) {
        Map<String, Object> b = new LinkedHashMap<>(Map.of("quarter", quarter));
        if (scheme != null) {
            b.put("scheme", scheme);
        }
        if (reason != null) {
            b.put("reason", reason);
        }
        return given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(b)
                .post("/api/v1/assessments")
                .then();
    }

    static void target(String park, String indicator, int year, int annual) {
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                park,
                EventTypes.TARGET_SET,
                "{\"park\":\"" + park + "\",\"indicator\":\"" + indicator + "\",\"year\":" + year + ",\"annual\":"
                        + annual + ",\"unit\":\"万元\",\"version\":1}",
                null);
    }

    @Test
    void aSchemeThatDoesNotAddUpIsRefusedNamingEveryFieldAndVersionsAreKept() {
        saveScheme(
                        "broken",
                        scheme(
                                List.of(
                                        item("a", "completion:tax_revenue", 50, "TARGET_COMPLETION"),
                                        item("b", "value:no_such_indicator", 30, "RANK"),
                                        item("c", "value:tax_revenue", 10, "TARGET_COMPLETION"),
                                        item("a", "median:tax_revenue", 10, "EFFICACY", "floor", 1.5)),
                                Map.of(
                                        "mode",
                                        "PERCENTILE",
                                        "bands",
                                        List.of(Map.of("tier", "A", "bound", 50), Map.of("tier", "B", "bound", 40)))))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid_scheme"))
                .body(
                        "errors.field",
                        hasItems(
                                "dimensions[0].items[1].figure",
                                "dimensions[0].items[2].figure",
                                "dimensions[0].items[3].code",
                                "dimensions[0].items[3].figure",
                                "dimensions[0].items[3].floor",
                                "tiers.bands[1].bound",
                                "tiers.bands"))
                .body(
                        "errors.code",
                        hasItems(
                                "unknown_indicator",
                                "rule_mismatch",
                                "unknown_figure",
                                "overlapping_tiers",
                                "incomplete_tiers"));
        saveScheme("broken", scheme(List.of(item("a", "completion:tax_revenue", 90, "TARGET_COMPLETION")), SCORE_TIERS))
                .statusCode(422)
                .body("errors[0].code", equalTo("weights_do_not_add_up"));
        saveScheme("broken", Map.of("name", "x", "dimensions", "many"))
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/assessment-schemes/broken")
                .then()
                .statusCode(404);

        String code = "v" + UUID.randomUUID().toString().substring(0, 6);
        saveScheme(code, scheme(List.of(item("a", "completion:tax_revenue", 100, "TARGET_COMPLETION")), SCORE_TIERS))
                .statusCode(201)
                .body("version", equalTo(1));
        saveScheme(
                        code,
                        scheme(
                                List.of(
                                        item("a", "completion:tax_revenue", 60, "TARGET_COMPLETION"),
                                        item("b", "growth:tax_revenue", 40, "EFFICACY")),
                                SCORE_TIERS))
                .statusCode(201)
                .body("version", equalTo(2));
        given().auth()
                .oauth2(Tokens.token("bureau-analyst", null))
                .queryParam("version", 1)
                .get("/api/v1/assessment-schemes/{c}", code)
                .then()
                .statusCode(200)
                .body("scheme.dimensions[0].items.size()", equalTo(1));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/assessment-schemes/default")
                .then()
                .statusCode(200)
                .body("scheme.dimensions.code", contains("economy", "investment", "attraction", "land", "innovation"));
        saveScheme(code, scheme(List.of(), SCORE_TIERS)).statusCode(422);
    }

    @Test
    void aQuarterIsScoredStoredOnceRankedAgainstTheLastQuarterAndCorrectedOnlyAsANewRevision() {
        String g = "S" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String a = g + "A", b = g + "B", c = g + "C";
        park(a, "甲园区", g);
        park(b, "乙园区", g);
        park(c, "丙园区", g);
        // Per park, in order on its partition: the target, last year's figures, this year's.
        String[][] data = {
            // park, tax 2021-03, tax 2021-06, out 2020-03, out 2021-03, out 2020-06, out 2021-06
            {a, "600", "500", "100", "130", "100", "110"},
            {b, "100", "1200", "100", "100", "100", "105"},
            {c, "300", "900", "100", "115", "100", "120"}
        };
        for (String[] d : data) {
            target(d[0], "assess_tax", 2021, 1000);
            value(d[0], "assess_tax", "2021-03", d[1], 1, null);
            value(d[0], "assess_tax", "2021-06", d[2], 1, null);
            value(d[0], "assess_out", "2020-03", d[3], 1, null);
            value(d[0], "assess_out", "2021-03", d[4], 1, null);
            value(d[0], "assess_out", "2020-06", d[5], 1, null);
            value(d[0], "assess_out", "2021-06", d[6], 1, null);
        }
        TestEvents.await(
                "the three parks' figures in the read model",
                Duration.ofSeconds(30),
                () -> given().auth()
                                        .oauth2(ADMIN)
                                        .queryParams("indicator", "assess_out", "period", "2021-06", "peerGroup", g)
                                        .get("/api/v1/rankings")
                                        .then()
                                        .extract()
                                        .<Object>path("entries")
                                instanceof List<?> e
                        && e.size() == 3);
        String code = "t" + UUID.randomUUID().toString().substring(0, 6);
        saveScheme(
                        code,
                        scheme(
                                List.of(
                                        item("c", "completion:assess_tax", 60, "TARGET_COMPLETION"),
                                        item("g", "growth:assess_out", 40, "EFFICACY", "floor", 0.6)),
                                SCORE_TIERS))
                .statusCode(201);

        run(HostileInputTest.nextYearsQuarter(1), code, null)
                .statusCode(422)
                .body("code", equalTo("quarter_not_closed"))
                .body("errors[0].field", equalTo("quarter"));
        run("2099-Q1", code, null).statusCode(400).body("code", equalTo("period_out_of_range"));
        run("2021-Q5", code, null).statusCode(400).body("errors[0].field", equalTo("quarter"));
        run("2021-Q1", "no-such-scheme", null).statusCode(404);

        // Q1: A 60 % → 36 + growth 30 % (the best) → 40 = 76; B 10 % → 6 + 0 % (the worst) → 24 = 30; C 30 % → 18 + 15
        // % → 32 = 50.
        run("2021-Q1", code, null).statusCode(201).body("revision", equalTo(1)).body("asOf", equalTo("2021-03"));
        results("2021-Q1", null)
                .body("results.find { it.park == '" + a + "' }.total", equalTo(76))
                .body("results.find { it.park == '" + b + "' }.total", equalTo(30))
                .body("results.find { it.park == '" + c + "' }.total", equalTo(50));

        // Q2: A 50 % → 30 + 10 % → 40 × (0.6 + 0.4 × 5/15) = 29.33 → 59.33 − 2 × 1 (two accidents) = 57.33;
        //     B 120 % capped → 60 + 5 % (the worst) → 24 = 84; C 90 % → 54 + 20 % (the best) → 40 = 94.
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(List.of(Map.of("park", a, "code", "safety_accident", "count", 2, "note", "两起较大事故")))
                .put("/api/v1/assessments/2021-Q2/adjustments")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
        run("2021-Q2", code, null).statusCode(201).body("revision", equalTo(1));
        ValidatableResponse q2 = results("2021-Q2", null);
        q2.body("results.find { it.park == '" + c + "' }.total", equalTo(94))
                .body("results.find { it.park == '" + c + "' }.rank", equalTo(1))
                .body("results.find { it.park == '" + c + "' }.tier", equalTo("优秀"))
                .body("results.find { it.park == '" + c + "' }.rankChange", equalTo(1))
                .body("results.find { it.park == '" + b + "' }.total", equalTo(84))
                .body("results.find { it.park == '" + b + "' }.rank", equalTo(2))
                .body("results.find { it.park == '" + b + "' }.tier", equalTo("良好"))
                .body("results.find { it.park == '" + b + "' }.rankChange", equalTo(1))
                .body("results.find { it.park == '" + a + "' }.total", equalTo(57.33f))
                .body("results.find { it.park == '" + a + "' }.rank", equalTo(3))
                .body("results.find { it.park == '" + a + "' }.rankChange", equalTo(-2))
                .body("results.find { it.park == '" + a + "' }.tier", equalTo("较差"))
                .body(
                        "results.find { it.park == '" + a + "' }.breakdown.items.find { it.item == 'g' }.input",
                        equalTo(10))
                .body(
                        "results.find { it.park == '" + a + "' }.breakdown.items.find { it.item == 'g' }.score",
                        equalTo(29.33f))
                .body("results.find { it.park == '" + a + "' }.breakdown.adjustments[0].points", equalTo(-2));

        // Published: a second run is refused; a correction is a new revision, the first stays readable.
        run("2021-Q2", code, null)
                .statusCode(409)
                .body("code", equalTo("already_published"))
                .body("context.revision", equalTo(1));
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(List.of(
                        Map.of("park", a, "code", "safety_accident", "count", 2),
                        Map.of("park", c, "code", "major_accident", "count", 1)))
                .put("/api/v1/assessments/2021-Q2/adjustments")
                .then()
                .statusCode(200);
        run("2021-Q2", code, "丙园区重大安全事故核实，一票否决").statusCode(201).body("revision", equalTo(2));
        results("2021-Q2", null)
                .body("revision", equalTo(2))
                .body("results.find { it.park == '" + c + "' }.rank", nullValue())
                .body("results.find { it.park == '" + c + "' }.tier", equalTo("取消资格"))
                .body("results.find { it.park == '" + b + "' }.rank", equalTo(1));
        results("2021-Q2", 1).body("results.find { it.park == '" + c + "' }.rank", equalTo(1));

        // The meeting handout: the ranking and the breakdown as XLSX, Chinese titles and headers, numbers as numbers,
        // named after the quarter and the revision.
        byte[] xlsx = given().auth()
                .oauth2(ADMIN)
                .queryParam("revision", 1)
                .get("/api/v1/assessments/2021-Q2/export")
                .then()
                .statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header(
                        "Content-Disposition",
                        equalTo("attachment; filename=\"assessment-2021-Q2-r1.xlsx\"; filename*=UTF-8''"
                                + java.net.URLEncoder.encode(
                                        "园区综合考核结果_2021年第二季度_第1次发布.xlsx", java.nio.charset.StandardCharsets.UTF_8)))
                .extract()
                .asByteArray();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheet("考核排名");
            assertEquals("2021年第二季度园区综合考核结果", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("总分（分）", sheet.getRow(2).getCell(3).getStringCellValue());
            boolean found = false;
            for (int i = 3; i <= sheet.getLastRowNum(); i++) {
                var row = sheet.getRow(i);
                if (a.equals(row.getCell(1).getStringCellValue())) {
                    assertEquals(3.0, row.getCell(0).getNumericCellValue());
                    assertEquals(57.33, row.getCell(3).getNumericCellValue(), 1e-9);
                    assertEquals("较差", row.getCell(4).getStringCellValue());
                    // Shown "↓2" by the cell's format; stored as the number.
                    assertEquals(-2.0, row.getCell(5).getNumericCellValue());
                    found = true;
                }
            }
            assertTrue(found, "park A is in the exported ranking");
            var detail = wb.getSheet("得分明细");
            assertEquals("税收目标完成率", detail.getRow(3).getCell(3).getStringCellValue());
            assertEquals("%", detail.getRow(3).getCell(6).getStringCellValue());
            assertEquals("税收同比增速", detail.getRow(4).getCell(3).getStringCellValue());
            assertEquals("功效系数法", detail.getRow(4).getCell(4).getStringCellValue());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        List<ConsumerRecord<String, String>> events = TestEvents.read(
                bootstrap(), Topics.ASSESSMENTS, r -> r.value().contains("\"2021-Q2\""), 4, Duration.ofSeconds(30));
        assertEquals(4, events.size());
        assertTrue(events.stream().allMatch(r -> "CITY".equals(r.key())));
        assertTrue(events.get(0).value().contains(c) && events.get(0).value().contains("\"revision\":1"));
    }

    @Test
    void theScheduledRunHappensOnceHoweverManyInstancesFireAtOnce() throws Exception {
        String g = "Q" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        park(g + "A", "戊园区", g);
        value(g + "A", "assess_probe", "2020-09", "1", 1, null);
        TestEvents.await(
                "a park in the read model",
                Duration.ofSeconds(30),
                () -> given().auth()
                                        .oauth2(ADMIN)
                                        .queryParams("indicator", "assess_probe", "period", "2020-09", "peerGroup", g)
                                        .get("/api/v1/rankings")
                                        .then()
                                        .extract()
                                        .<Object>path("entries")
                                instanceof List<?> e
                        && e.size() == 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Boolean>> fires = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String instance = "instance-" + i;
            fires.add(() -> schedule.runOnce("2020-Q3", instance));
        }
        List<Boolean> ran = new ArrayList<>();
        for (Future<Boolean> f : pool.invokeAll(fires)) {
            ran.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, ran.stream().filter(x -> x).count(), ran.toString());
        assertEquals(false, schedule.runOnce("2020-Q3", "a-misfire"));
        given().auth()
                .oauth2(ADMIN)
                .get("/api/v1/assessments")
                .then()
                .body("findAll { it.quarter == '2020-Q3' }", org.hamcrest.Matchers.hasSize(1))
                .body("find { it.quarter == '2020-Q3' }.trigger", equalTo("SCHEDULED"));
    }

    static ValidatableResponse results(String quarter, Integer revision) {
        var req = given().auth().oauth2(Tokens.token("bureau-analyst", null));
        if (revision != null) {
            req.queryParam("revision", revision);
        }
        return req.get("/api/v1/assessments/{q}", quarter).then().statusCode(200);
    }
}
