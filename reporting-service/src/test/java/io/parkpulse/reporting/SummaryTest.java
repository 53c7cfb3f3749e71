package io.parkpulse.reporting;

import static io.parkpulse.reporting.RankingTest.bootstrap;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/**
 * The written summary, from events to text: a park with the corpus's own figures (390.7亿元, 45.67 %,
 * 4.2 % against a planned 12 %), a falling tax, a stopped and a lagging project, signed and landed
 * leads with funds, an overdue problem and a published assessment. Every number asserted below is
 * computed by hand in the comments; the year 2012 belongs to this test alone.
 */
@QuarkusTest
class SummaryTest {

    static final String ANALYST = Tokens.token("bureau-analyst", null);
    static final String ADMIN = Tokens.token("bureau-admin", null);

    static void park(String code, String name, String land) {
        TestEvents.publish(
                bootstrap(),
                Topics.PARKS,
                code,
                EventTypes.PARK_REGISTERED,
                "{\"code\":\"" + code + "\",\"name\":\"" + name
                        + "\",\"level\":\"PROVINCIAL\",\"kind\":\"INDUSTRIAL_PARK\",\"developedLandMu\":" + land
                        + ",\"status\":\"ACTIVE\",\"version\":0}",
                null);
    }

    static void value(String park, String indicator, String name, String unit, String period, String value) {
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                park,
                EventTypes.VALUE_RECORDED,
                "{\"park\":\"" + park + "\",\"indicator\":\""
                        + indicator + "\",\"indicatorName\":\"" + name + "\",\"period\":\"" + period + "\",\"value\":"
                        + value + ",\"unit\":\""
                        + unit
                        + "\",\"version\":1,\"source\":\"API\",\"recordedBy\":\"t\",\"recordedAt\":\"2012-07-10T10:00:00+08:00\"}",
                null);
    }

    static void target(String park, String indicator, String annual, String plannedGrowth) {
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                park,
                EventTypes.TARGET_SET,
                "{\"park\":\"" + park + "\",\"indicator\":\""
                        + indicator + "\",\"year\":2012,\"annual\":" + annual + ",\"plannedGrowthPct\":" + plannedGrowth
                        + ",\"unit\":\"万元\",\"version\":1}",
                null);
    }

    static void project(String park, UUID id, String name, String stage, String stageSince, String extra) {
        TestEvents.publish(
                bootstrap(),
                Topics.PROJECTS,
                park,
                EventTypes.PROJECT_STAGE_CHANGED,
                "{\"id\":\"" + id + "\",\"park\":\"" + park
                        + "\",\"name\":\"" + name + "\",\"kind\":\"INDUSTRIAL\",\"stage\":\"" + stage
                        + "\",\"stageSince\":\"" + stageSince
                        + "\",\"keyLevel\":\"MUNICIPAL\",\"totalInvestment\":20000,\"signedOn\":\"2011-01-10\"" + extra
                        + ",\"version\":3}",
                null);
    }

    static void lead(
            String park, UUID id, String stage, String intended, String contracted, String signedOn, String landedOn) {
        TestEvents.publish(
                bootstrap(),
                Topics.INVESTMENT,
                park,
                EventTypes.LEAD_STAGE_CHANGED,
                "{\"id\":\"" + id + "\",\"park\":\""
                        + park + "\",\"projectName\":\"项目\",\"investor\":\"某集团\",\"stage\":\"" + stage
                        + "\",\"intendedInvestment\":"
                        + intended + ",\"contractedInvestment\":" + contracted + ",\"signedOn\":"
                        + CrossFiguresTest.date(signedOn)
                        + ",\"landedOn\":" + CrossFiguresTest.date(landedOn) + ",\"landSupplied\":false,\"version\":2}",
                null);
    }

    static ValidatableResponse summary(String path, String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get(path).then();
    }

    @Test
    void aParkSummaryPhrasesTheReadModelAsReportsDo() throws Exception {
        String g = "S" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String a = g + "A", b = g + "B";
        park(a, "甲<i>园区</i>", "2000");
        park(b, "乙园区", "null");
        value(a, "industrial_output", "工业总产值", "万元", "2011-06", "374952");
        value(a, "industrial_output", "工业总产值", "万元", "2012-06", "390700");
        target(a, "industrial_output", "855485", "12");
        value(a, "tax_revenue", "税收", "万元", "2011-06", "16000");
        value(a, "tax_revenue", "税收", "万元", "2012-06", "15200");
        target(a, "tax_revenue", "40000", "null");
        value(a, "above_scale_enterprises", "规上企业数", "家", "2012-06", "34");
        value(b, "industrial_output", "工业总产值", "万元", "2012-06", "100000");

        UUID stopped = UUID.randomUUID(), lagging = UUID.randomUUID(), producing = UUID.randomUUID();
        UUID l1 = UUID.randomUUID(), l2 = UUID.randomUUID(), l3 = UUID.randomUUID();
        project(a, stopped, "停工项目", "SUSPENDED", "2012-03-01", ",\"suspendedFrom\":\"UNDER_CONSTRUCTION\"");
        project(
                a,
                lagging,
                "滞后项目",
                "UNDER_CONSTRUCTION",
                "2011-09-01",
                ",\"startedOn\":\"2011-09-01\",\"planYear\":2012,"
                        + "\"yearPlannedInvestment\":10000,\"investmentCompleted\":6000,\"investmentCompletedThisYear\":1990,"
                        + "\"physicalProgress\":30,\"progressPeriod\":\"2012-06\",\"plannedCompletion\":\"2013-12-31\"");
        project(
                a,
                producing,
                "投产项目",
                "IN_PRODUCTION",
                "2012-04-10",
                ",\"startedOn\":\"2011-06-01\",\"completedOn\":\"2012-02-01\","
                        + "\"productionOn\":\"2012-04-10\",\"investmentCompleted\":20000,\"leadId\":\"" + l3 + "\"");
        lead(a, l1, "SIGNED", "60000", "50000", "2012-03-01", null);
        lead(a, l2, "NEGOTIATING", "8000", "null", null, null);
        lead(a, l3, "LANDED", "25000", "20000", "2011-05-01", "2011-08-01");
        TestEvents.publish(
                bootstrap(),
                Topics.INVESTMENT,
                a,
                EventTypes.FUNDS_REPORTED,
                "{\"leadId\":\"" + l3 + "\",\"park\":\"" + a
                        + "\",\"period\":\"2012-05\",\"source\":\"OUTSIDE_CITY\",\"amount\":3000,\"revision\":1}",
                null);
        TestEvents.publish(
                bootstrap(),
                Topics.INVESTMENT,
                a,
                EventTypes.FUNDS_REPORTED,
                "{\"leadId\":\"" + l3 + "\",\"park\":\"" + a
                        + "\",\"period\":\"2011-06\",\"source\":\"OUTSIDE_CITY\",\"amount\":1000,\"revision\":1}",
                null);
        TestEvents.publish(
                bootstrap(),
                Topics.PROJECTS,
                a,
                EventTypes.PROBLEM_RAISED,
                "{\"id\":\"" + UUID.randomUUID()
                        + "\",\"projectId\":\"" + lagging + "\",\"park\":\"" + a
                        + "\",\"description\":\"施工许可证未办理\",\"raisedOn\":\"2012-04-01\","
                        + "\"department\":\"住建局\",\"dueOn\":\"2012-05-31\",\"status\":\"OPEN\",\"version\":1}",
                null);
        TestEvents.await(
                "the park's facts in the read model",
                Duration.ofSeconds(30),
                () -> summary("/api/v1/summaries/parks/" + a, ANALYST, Map.of("period", "2012-Q2"))
                                .extract()
                                .asString()
                                .contains("住建局")
                        && summary("/api/v1/summaries/parks/" + a, ANALYST, Map.of("period", "2012-Q2"))
                                .extract()
                                .asString()
                                .contains("实际到位资金30")
                        && summary("/api/v1/summaries/parks/" + a, ANALYST, Map.of("period", "2012-Q2"))
                                .extract()
                                .asString()
                                .contains("红灯2个"));

        given().auth()
                .oauth2(ADMIN)
                .contentType("application/json")
                .body(Map.of("quarter", "2012-Q2"))
                .post("/api/v1/assessments")
                .then()
                .statusCode(201);
        ValidatableResponse run = given().auth()
                .oauth2(ANALYST)
                .get("/api/v1/assessments/2012-Q2")
                .then()
                .statusCode(200);
        Map<String, Object> result = run.extract().path("results.find { it.park == '" + a + "' }");
        int schemeVersion = run.extract().path("schemeVersion");

        String md = summary("/api/v1/summaries/parks/" + a, ANALYST, Map.of("period", "2012-Q2"))
                .statusCode(200)
                .contentType(startsWith("text/markdown"))
                .extract()
                .asString();
        // The title escapes what Markdown would read as markup in the park's name.
        assertTrue(md.startsWith("# 甲\\<i\\>园区\\</i\\>2012年1–6月经济运行情况\n"), md);
        for (String section : new String[] {"一、主要经济指标完成情况", "二、项目建设", "三、招商引资", "四、存在的问题", "五、考核排名"}) {
            assertTrue(md.contains("\n## " + section + "\n"), section + " missing:\n" + md);
        }
        // 390700 ÷ 374952 = +4.20 %; 390700 ÷ 855485 = 45.67 %; 50 − 45.67 = 4.3 points; 12 − 4.2 = 7.8 points.
        assertTrue(
                md.contains("1–6月，甲\\<i\\>园区\\</i\\>工业总产值39.07亿元，同比增长4.20%，完成全年任务的45.67%，"
                        + "距任务双过半相差4.3个百分点，距计划增速12%相差7.8个百分点；"),
                md);
        // 15200 ÷ 16000 = −5 %; 15200 ÷ 40000 = 38 %, 12 points short of half; a stock is not judged against time.
        assertTrue(md.contains("税收1.52亿元，同比下降5.00%，完成全年任务的38.00%，距任务双过半相差12.0个百分点；规上企业数34家。"), md);
        // Two parks reported output (390700 against 100000), only this one tax: one rank is stated.
        assertTrue(md.contains("\n在全市园区中，工业总产值居全市第1位（2个园区）。\n"), md);
        // Per mu of 2000 亩: 390700 ÷ 2000 = 195.35, 15200 ÷ 2000 = 7.6.
        assertTrue(md.contains("按已开发工业用地2000亩计，1–6月亩均工业总产值195.35万元、亩均税收7.6万元。"), md);
        // Three projects of 20000 each; one new production this year (started and completed dates fall before or in
        // it).
        assertTrue(md.contains("截至6月末，甲\\<i\\>园区\\</i\\>在库项目3个，总投资6亿元，其中在建1个、投产1个、停工1个；省、市重点项目3个。"), md);
        assertTrue(md.contains("1–6月，新竣工1个、新投产1个；项目累计完成投资2.6亿元，本年完成投资1990万元，" + "完成年度计划1亿元的19.90%，欠时序进度30.1个百分点。"), md);
        assertTrue(md.contains("绿灯项目1个、黄灯0个、红灯2个"), md);
        // Signed this year: l1 (50000); same period last year: l3 (20000) → +150 %. Funds 3000 against 1000 → +200 %.
        assertTrue(md.contains("1–6月，甲\\<i\\>园区\\</i\\>新签约项目1个，合同投资额5亿元，同比增长150.00%；在谈、储备项目1个，" + "意向投资8000万元。"), md);
        assertTrue(md.contains("1–6月实际到位资金3000万元，同比增长200.00%。"), md);
        // Signed by June: l1 and l3; l3 landed and its project is in production.
        assertTrue(
                md.contains("截至6月末累计签约项目2个，已落地1个（履约率50.00%），开工1个（开工率50.00%），竣工1个（建成率50.00%），" + "投产1个（投产率50.00%）。"),
                md);
        assertTrue(
                md.contains("1. 税收同比下降5.00%。\n2. 工业总产值完成全年任务的45.67%，欠时序进度4.3个百分点。\n"
                        + "3. 税收完成全年任务的38.00%，欠时序进度12.0个百分点。\n"),
                md);
        assertTrue(md.contains("红灯项目2个：停工项目（项目自2012-03-01起停工）；滞后项目（年度投资完成率19.90%，欠时序进度30.1个百分点）。"), md);
        assertTrue(md.contains("项目建设中尚未解决的问题1个，其中超过办结时限1个：滞后项目，施工许可证未办理（责任单位：住建局）（已逾期，要求2012-05-31前解决）。"), md);
        String total = new java.math.BigDecimal(result.get("total").toString())
                .stripTrailingZeros()
                .toPlainString();
        assertTrue(
                md.contains("2012年第二季度考核按《园区综合考核（默认方案，参照省级开发区考核办法）》第" + schemeVersion + "版评分，甲\\<i\\>园区\\</i\\>得分"
                        + total + "分，在"),
                md);
        assertTrue(md.contains("个参评园区中排名第" + result.get("rank") + "位"), md);

        String html = summary("/api/v1/summaries/parks/" + a, ANALYST, Map.of("period", "2012-Q2", "format", "html"))
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .extract()
                .asString();
        assertTrue(html.contains("<h1>甲&lt;i&gt;园区&lt;/i&gt;2012年1–6月经济运行情况</h1>"), html);
        assertTrue(
                html.contains(
                        "<h2>四、存在的问题</h2>\n<ol>\n<li>税收同比下降5.00%。</li>\n<li>工业总产值完成全年任务的45.67%，欠时序进度4.3个百分点。</li>"),
                html);
        assertTrue(!html.contains("<i>"), "the park's name must not become markup");
        // The Accept header decides when no format is named.
        given().auth()
                .oauth2(ANALYST)
                .accept("text/html")
                .queryParam("period", "2012-Q2")
                .get("/api/v1/summaries/parks/" + a)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"));

        // The Word document for handing out: the same report, named in Chinese, laid out as an official document.
        var docx = summary("/api/v1/summaries/parks/" + a, ANALYST, Map.of("period", "2012-Q2", "format", "docx"))
                .statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header("Content-Disposition", containsString("filename*=UTF-8''%E7%94%B2"))
                .extract()
                .asByteArray();
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            var texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertEquals("甲<i>园区</i>2012年1–6月经济运行情况", texts.get(0));
            assertTrue(texts.contains("四、存在的问题"), texts.toString());
            assertTrue(texts.contains("2．工业总产值完成全年任务的45.67%，欠时序进度4.3个百分点。"), texts.toString());
        }

        // Park staff read their own park's summary; another park's is not found; the city's is refused.
        summary("/api/v1/summaries/parks/" + a, Tokens.token("park-staff", a), Map.of("period", "2012-Q2"))
                .statusCode(200);
        summary("/api/v1/summaries/parks/" + a, Tokens.token("park-staff", b), Map.of("period", "2012-Q2"))
                .statusCode(404)
                .contentType("application/problem+json")
                .body(not(containsString("甲")));
        summary("/api/v1/summaries/city", Tokens.token("park-staff", a), Map.of("period", "2012-Q2"))
                .statusCode(403);

        // The city: totals over every active park that reported, the leaders, the parks behind, the assessment table.
        String city = summary("/api/v1/summaries/city", ANALYST, Map.of("period", "2012-06"))
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(city.startsWith("# 全市工业园区2012年1–6月经济运行情况\n"), city);
        // 390700 + 100000 = 490700; growth only over parks that reported both years (甲): +4.20 %; completion only
        // over parks with a target (甲): 45.67 %.
        assertTrue(city.contains("工业总产值49.07亿元，按1个可比园区计，同比增长4.20%，有全年目标的1个园区完成全年任务的45.67%"), city);
        // Tax was reported by one of the two parks that reported: the sentence says over how many it is.
        assertTrue(city.contains("税收（1个园区）1.52亿元"), city);
        assertTrue(city.contains("工业总产值居前2位的园区依次是甲\\<i\\>园区\\</i\\>（39.07亿元）、乙园区（10亿元）。"), city);
        assertTrue(city.contains("税收欠时序进度的园区1个：甲\\<i\\>园区\\</i\\>（12.0个百分点）。"), city);
        assertTrue(city.contains("甲\\<i\\>园区\\</i\\>·停工项目（项目自2012-03-01起停工）"), city);
        assertTrue(city.contains("| 排名 | 园区 | 得分（分） | 档次 | 较上季度 |\n| --- | --- | --- | --- | --- |\n"), city);
        assertTrue(city.contains("| " + result.get("rank") + " | 甲\\<i\\>园区\\</i\\> | " + total + " | "), city);
    }

    /**
     * Whose figures count (docs/reporting.md): a CLOSED (已撤销) park's own summary states its signed lead and funds,
     * as its narrative reports are checked against them; the city's counts only its ACTIVE parks. The year 2007
     * belongs to this test alone.
     */
    @Test
    void aClosedParksLedgersCountInItsOwnSummaryNotInTheCitys() {
        String closed = "SC" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        TestEvents.publish(
                bootstrap(),
                Topics.PARKS,
                closed,
                EventTypes.PARK_REGISTERED,
                "{\"code\":\"" + closed + "\",\"name\":\"已撤销园区\",\"level\":\"PROVINCIAL\","
                        + "\"kind\":\"INDUSTRIAL_PARK\",\"status\":\"CLOSED\",\"version\":0}",
                null);
        UUID l = UUID.randomUUID();
        lead(closed, l, "SIGNED", "20000", "20000", "2007-03-01", null);
        NarrativeChecksTest.funds(closed, l, "2007-05", "OUTSIDE_CITY", 3000, null);
        TestEvents.await("the closed park's lead and funds", Duration.ofSeconds(30), () -> {
            var r = summary("/api/v1/summaries/parks/" + closed, ANALYST, Map.of("period", "2007-06"))
                    .extract();
            return r.statusCode() == 200
                    && r.asString().contains("新签约项目1个，合同投资额2亿元")
                    && r.asString().contains("实际到位资金3000万元");
        });
        String city = summary("/api/v1/summaries/city", ANALYST, Map.of("period", "2007-06"))
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(city.contains("暂无新签约项目") && city.contains("暂无实际到位资金"), city);
    }

    @Test
    void badPeriodsParksAndFormatsAreProblems() {
        summary("/api/v1/summaries/city", ANALYST, Map.of("period", "2012-13"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("period"));
        summary("/api/v1/summaries/city", ANALYST, Map.of()).statusCode(400).contentType("application/problem+json");
        summary("/api/v1/summaries/city", ANALYST, Map.of("period", "2012-06", "format", "pdf"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("format"));
        summary("/api/v1/summaries/parks/NO_SUCH_PARK", ANALYST, Map.of("period", "2012-06"))
                .statusCode(404)
                .contentType("application/problem+json");
        int status = given().auth()
                .oauth2(ANALYST)
                .accept("application/json")
                .queryParam("period", "2012-06")
                .get("/api/v1/summaries/city")
                .then()
                .contentType("application/problem+json")
                .extract()
                .statusCode();
        assertEquals(406, status);
    }
}
