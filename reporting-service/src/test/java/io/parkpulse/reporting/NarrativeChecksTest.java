package io.parkpulse.reporting;

import static io.parkpulse.reporting.RankingTest.bootstrap;
import static io.parkpulse.reporting.RankingTest.park;
import static io.parkpulse.reporting.RankingTest.value;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.NarrativeReportState;
import io.parkpulse.common.events.payload.NarrativeReportState.StatedFigure;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.parkpulse.reporting.console.ConsoleSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A park's narrative report states funds, signed leads, started projects and an indicator for 1–6月 of 2023 (a year
 * no other test of this module uses); the read model holds the leads, projects, funds and values behind them, and
 * the checks put each stated figure beside the platform's.
 */
@QuarkusTest
class NarrativeChecksTest {

    static final String ANALYST = Tokens.token("bureau-analyst", null);

    @Inject
    ConsoleSession sessions;

    /** The park with the known figures, its neighbour, and the report stating them; made once for the class. */
    record Fixture(String park, String other, long report) {}

    private static Fixture fixture;

    static synchronized Fixture fixture() {
        if (fixture != null) {
            return fixture;
        }
        String g = "N" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String p = g + "A";
        String q = g + "B";
        park(p, "核对甲园区", g);
        park(q, "核对乙园区", g);
        UUID l1 = UUID.randomUUID(), l2 = UUID.randomUUID(), l3 = UUID.randomUUID(), l4 = UUID.randomUUID();
        // Signed this year by June: L1 (1.2亿元, a major one) and L2; L3 after June; L4 last year.
        lead(p, l1, "OUTSIDE_PROVINCE", "2023-02-10", 12000);
        lead(p, l2, "FOREIGN", "2023-05-20", 3000);
        lead(p, l3, "OUTSIDE_PROVINCE", "2023-08-01", 50000);
        lead(p, l4, "OUTSIDE_CITY", "2022-03-01", 5000);
        funds(p, l1, "2023-03", "OUTSIDE_PROVINCE", 2000, null);
        funds(p, l1, "2023-06", "OUTSIDE_PROVINCE", 1000, null);
        funds(p, l2, "2023-06", "FOREIGN", 700, 100);
        funds(p, l2, "2023-07", "FOREIGN", 500, 70);
        funds(p, l4, "2022-06", "OUTSIDE_CITY", 2500, null);
        // Started this year by June: one; completed: one (started last year); one starts in July.
        project(p, "2023-03-01", null);
        project(p, "2022-11-01", "2023-04-15");
        project(p, "2023-07-10", null);
        value(p, "nc_tax", "2023-06", "3200", 1, null);
        value(p, "nc_tax", "2022-06", "2560", 1, null);
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                p,
                EventTypes.TARGET_SET,
                "{\"park\":\"" + p + "\",\"indicator\":\"nc_tax\",\"year\":2023,\"annual\":8000,\"unit\":\"万元\","
                        + "\"version\":1}",
                null);
        long report = reportId();
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                p,
                EventTypes.NARRATIVE_REPORT_UPLOADED,
                report(
                        report,
                        p,
                        1,
                        List.of(
                                figure("funds_in_place", "investment", "3700", "万元", "0.5", "3700万元", "48", null),
                                figure(
                                        "funds_in_place_outside_province",
                                        "investment",
                                        "3500",
                                        "万元",
                                        "50",
                                        "0.35亿元",
                                        null,
                                        null),
                                figure(
                                        "funds_in_place_foreign",
                                        "investment",
                                        "100",
                                        "万美元",
                                        "0.5",
                                        "100万美元",
                                        null,
                                        null),
                                figure("leads_signed", "investment", "2", "个", "0.5", "2个", null, null),
                                figure("major_leads_signed", "investment", "2", "个", "0.5", "2个", null, null),
                                figure("signed_investment", "investment", "15000", "万元", "500", "1.5亿元", null, null),
                                figure("projects_started", "projects", "1", "个", "0.5", "1个", null, null),
                                figure("projects_completed", "projects", "3", "个", "0.5", "3个", null, null),
                                figure("nc_tax", "indicators", "3200", "万元", "0.5", "3200万元", "4.2", "40"),
                                figure("investor_meetings", "investment", "12", "批次", "0.5", "12批次", null, null))),
                null);
        TestEvents.await("the report and every fact behind it in the read model", Duration.ofSeconds(60), () -> {
            var r = checks(ANALYST, Map.of("year", "2023", "park", p)).extract();
            if (r.statusCode() != 200 || !Integer.valueOf(10).equals(r.path("total"))) {
                return false;
            }
            Map<String, Object> tax = item(r, "nc_tax");
            Map<String, Object> funds = item(r, "funds_in_place");
            Map<String, Object> major = item(r, "major_leads_signed");
            Map<String, Object> completed = item(r, "projects_completed");
            return tax.get("completion") instanceof Map<?, ?> c
                    && c.get("platform") != null
                    && num(funds.get("platformValue")).compareTo(new BigDecimal("3700")) == 0
                    && ((Map<?, ?>) funds.get("growth")).get("platform") != null
                    && num(major.get("platformValue")).signum() > 0
                    && num(completed.get("platformValue")).signum() > 0;
        });
        fixture = new Fixture(p, q, report);
        return fixture;
    }

    @Test
    void eachStatedFigureIsShownBesideThePlatformsOwn() {
        Fixture f = fixture();
        var r = checks(ANALYST, Map.of("year", "2023", "park", f.park()))
                .statusCode(200)
                .body("total", equalTo(10))
                .body("items[0].report.id", equalTo((int) f.report()))
                .body("items[0].report.fileName", equalTo("2023年上半年工作总结.docx"))
                .body("items[0].report.status", equalTo("DRAFT"))
                .body("items[0].parkName", equalTo("核对甲园区"))
                .body("items[0].period", equalTo("2023-06"))
                .extract();
        // Funds 1–6月: 2000 + 1000 (省外) + 700 (境外, 100万美元); July's 500 and last year's 2500 are outside.
        expect(item(r, "funds_in_place"), "到位资金", "3700", "0", false, null);
        Map<?, ?> growth = (Map<?, ?>) item(r, "funds_in_place").get("growth");
        assertEquals(0, num(growth.get("platform")).compareTo(new BigDecimal("48")), "3700 ÷ 2500 − 1");
        assertEquals(false, growth.get("disagrees"));
        expect(item(r, "funds_in_place_outside_province"), "省外到位资金", "3000", "500", true, null);
        expect(item(r, "funds_in_place_foreign"), "外资到位资金", "100", "0", false, null);
        // Signed by June: L1 and L2 (L3 in August, L4 last year); only L1 reaches 1亿元.
        expect(item(r, "leads_signed"), "新签约项目数", "2", "0", false, null);
        expect(item(r, "major_leads_signed"), "新签约重大项目数", "1", "1", true, null);
        expect(item(r, "signed_investment"), "签约项目总投资", "15000", "0", false, null);
        expect(item(r, "projects_started"), "开工项目数", "1", "0", false, null);
        expect(item(r, "projects_completed"), "竣工项目数", "1", "2", true, null);
        // The indicator: value as reported, growth on June last year (25.00 %), completion of 8000 (40.00 %).
        Map<String, Object> tax = item(r, "nc_tax");
        expect(tax, "税收", "3200", "0", true, null);
        assertEquals(false, tax.get("valueDisagrees"));
        Map<?, ?> taxGrowth = (Map<?, ?>) tax.get("growth");
        assertEquals(0, num(taxGrowth.get("platform")).compareTo(new BigDecimal("25")));
        assertEquals(0, num(taxGrowth.get("difference")).compareTo(new BigDecimal("-20.8")));
        assertEquals(true, taxGrowth.get("disagrees"));
        Map<?, ?> completion = (Map<?, ?>) tax.get("completion");
        assertEquals(0, num(completion.get("platform")).compareTo(new BigDecimal("40")));
        assertEquals(false, completion.get("disagrees"));
        // A figure the platform does not compute is listed with the reason, and never disagrees.
        Map<String, Object> meetings = item(r, "investor_meetings");
        assertNull(meetings.get("platformValue"));
        assertEquals("系统不计算该数据", meetings.get("platformNote"));
        assertEquals(false, meetings.get("disagrees"));

        var disagreeing = checks(ANALYST, Map.of("year", "2023", "park", f.park(), "disagreeing", "true"))
                .statusCode(200)
                .body("total", equalTo(4))
                .extract();
        assertEquals(
                List.of("funds_in_place_outside_province", "major_leads_signed", "projects_completed", "nc_tax"),
                disagreeing.path("items.code"));
        // The half year holds them, the first quarter does not; a page holds what it asks for.
        checks(ANALYST, Map.of("period", "2023-H1", "park", f.park())).body("total", equalTo(10));
        checks(ANALYST, Map.of("period", "2023-Q1", "park", f.park())).body("total", equalTo(0));
        checks(ANALYST, Map.of("year", "2023", "park", f.park(), "size", "3", "page", "1"))
                .body("total", equalTo(10))
                .body("items.size()", equalTo(3))
                .body("items[0].code", equalTo("leads_signed"));
        // A page of the disagreeing ones holds what it asks for, counted among the disagreeing ones.
        checks(ANALYST, Map.of("year", "2023", "park", f.park(), "disagreeing", "true", "size", "2", "page", "1"))
                .body("total", equalTo(4))
                .body("items.code", equalTo(List.of("projects_completed", "nc_tax")));
        checks(ANALYST, Map.of("year", "2023", "park", f.park(), "disagreeing", "true", "page", "7"))
                .body("total", equalTo(4))
                .body("items.size()", equalTo(0));
        // One report: all of its figures without a year, or those of a period.
        checks(ANALYST, Map.of("report", Long.toString(f.report())))
                .statusCode(200)
                .body("total", equalTo(10))
                .body("items[9].code", equalTo("investor_meetings"));
        checks(ANALYST, Map.of("report", Long.toString(f.report()), "park", f.park(), "period", "2023-Q1"))
                .body("total", equalTo(0));
        checks(ANALYST, Map.of("report", Long.toString(f.report()), "park", f.other()))
                .body("total", equalTo(0));
        // The bureau without a park sees this park's among every park's.
        var all = checks(ANALYST, Map.of("year", "2023", "size", "500")).extract();
        assertTrue(all.<List<String>>path("items.park").contains(f.park()));
    }

    @Test
    void parkStaffSeeTheirOwnParkOnlyAndAnotherParkIsNotFound() {
        Fixture f = fixture();
        String own = Tokens.token("park-staff", f.park());
        String other = Tokens.token("park-staff", f.other());
        checks(own, Map.of("year", "2023")).statusCode(200).body("total", equalTo(10));
        checks(own, Map.of("year", "2023", "park", f.park())).statusCode(200).body("total", equalTo(10));
        // The same 404 as a park that does not exist, which reveals nothing of the report.
        var refused = checks(other, Map.of("year", "2023", "park", f.park()))
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .extract();
        var missing = checks(other, Map.of("year", "2023", "park", "NO-SUCH-PARK"))
                .statusCode(404)
                .extract();
        assertEquals(
                refused.asString().replace(f.park(), "X"), missing.asString().replace("NO-SUCH-PARK", "X"));
        assertFalse(refused.asString().contains("核对甲园区"));
        // Naming the report does not reach it either: it is not of their park.
        checks(other, Map.of("report", Long.toString(f.report())))
                .statusCode(200)
                .body("total", equalTo(0));
        checks(own, Map.of("report", Long.toString(f.report()))).statusCode(200).body("total", equalTo(10));
        // Without a park they get their own, which has no report.
        checks(other, Map.of("year", "2023")).statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        for (Map<String, String> params : List.of(
                Map.of("year", "20x3"),
                Map.of("year", "1999"),
                Map.<String, String>of(),
                Map.of("period", "2023-13"),
                Map.of("year", "2023", "period", "2023-06"),
                Map.of("year", "2023", "disagreeing", "maybe"),
                Map.of("year", "2023", "sort", "park"),
                Map.of("report", "abc"),
                Map.of("report", "0"),
                Map.of("year", "2023", "report", "-5"),
                Map.of("report", "9".repeat(30)))) {
            String field = params.containsKey("report")
                    ? "report"
                    : params.containsKey("disagreeing")
                            ? "disagreeing"
                            : params.containsKey("sort") ? "sort" : params.containsKey("period") ? "period" : "year";
            checks(ANALYST, params)
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo(field))
                    .body("detail", not(containsString("Exception")));
        }
        given().auth()
                .oauth2(ANALYST)
                .header("Accept-Language", "en")
                .queryParam("year", "20x3")
                .get("/api/v1/narrative-checks")
                .then()
                .statusCode(400)
                .body("detail", containsString("is not a year"));
    }

    @Test
    void aRepeatedOrOlderVersionOfAReportChangesNothing() {
        String g = "R" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String park = g + "A";
        park(park, "版本园区", g);
        long id = reportId();
        // Version 1 says five projects started (the park has none); version 2, confirmed, corrects it to none.
        NarrativeReportState v1 =
                report(id, park, 1, List.of(figure("projects_started", "projects", "5", "个", "0.5", "5个", null, null)));
        NarrativeReportState v2 = report(
                id,
                park,
                2,
                List.of(
                        figure("projects_started", "projects", "0", "个", "0.5", "0个", null, null),
                        figure("leads_signed", "investment", "0", "个", "0.5", "0个", null, null)));
        UUID first = TestEvents.publish(
                bootstrap(), Topics.INDICATORS, park, EventTypes.NARRATIVE_REPORT_UPLOADED, v1, null);
        TestEvents.await(
                "version 1",
                Duration.ofSeconds(30),
                () -> Integer.valueOf(1)
                        .equals(checks(ANALYST, Map.of("year", "2023", "park", park))
                                .extract()
                                .path("total")));
        TestEvents.publish(bootstrap(), Topics.INDICATORS, park, EventTypes.NARRATIVE_REPORT_CONFIRMED, v2, null);
        TestEvents.await(
                "version 2",
                Duration.ofSeconds(30),
                () -> Integer.valueOf(2)
                        .equals(checks(ANALYST, Map.of("year", "2023", "park", park))
                                .extract()
                                .path("total")));
        // The first event again (the outbox re-sent it), version 1 again under a new id (arriving late), and
        // version 2 again: none changes what is held. A second report of the park, after them in its partition,
        // says when they have all been applied.
        TestEvents.publish(bootstrap(), Topics.INDICATORS, park, EventTypes.NARRATIVE_REPORT_UPLOADED, v1, first);
        TestEvents.publish(bootstrap(), Topics.INDICATORS, park, EventTypes.NARRATIVE_REPORT_UPLOADED, v1, null);
        TestEvents.publish(bootstrap(), Topics.INDICATORS, park, EventTypes.NARRATIVE_REPORT_CONFIRMED, v2, null);
        long marker = reportId();
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                park,
                EventTypes.NARRATIVE_REPORT_UPLOADED,
                report(
                        marker,
                        park,
                        1,
                        List.of(figure("leads_signed", "investment", "0", "个", "0.5", "0个", null, null))),
                null);
        TestEvents.await(
                "the marker report",
                Duration.ofSeconds(30),
                () -> Integer.valueOf(3)
                        .equals(checks(ANALYST, Map.of("year", "2023", "park", park))
                                .extract()
                                .path("total")));
        var r = checks(ANALYST, Map.of("year", "2023", "park", park)).extract();
        List<Map<String, Object>> items = r.path("items");
        List<Map<String, Object>> ofReport = items.stream()
                .filter(i -> ((Number) ((Map<?, ?>) i.get("report")).get("id")).longValue() == id)
                .toList();
        assertEquals(2, ofReport.size(), "version 2's two figures");
        for (Map<String, Object> i : ofReport) {
            assertEquals("CONFIRMED", ((Map<?, ?>) i.get("report")).get("status"));
            assertEquals(false, i.get("disagrees"), i.get("code") + " as version 2 states it");
        }
    }

    /**
     * A park uploads its half-year summary, then the same file again; the first draft is confirmed afterwards. The
     * bureau sees the document's figures once: the newest upload while both are drafts, then the confirmed one.
     * Another document of the park is listed beside it.
     */
    @Test
    void eachDocumentOfAParkIsListedOnceItsLatestReport() {
        String g = "D" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String park = g + "A";
        park(park, "重传园区", g);
        String summary = sha256("半年工作总结 " + g).toUpperCase();
        OffsetDateTime morning = OffsetDateTime.parse("2023-07-10T09:30:00+08:00");
        long first = reportId();
        long again = reportId();
        List<StatedFigure> figures = List.of(figure("leads_signed", "investment", "5", "个", "0.5", "5个", null, null));
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                park,
                EventTypes.NARRATIVE_REPORT_UPLOADED,
                report(first, park, 1, summary, morning, figures),
                null);
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                park,
                EventTypes.NARRATIVE_REPORT_UPLOADED,
                report(again, park, 1, summary.toLowerCase(), morning.plusHours(2), figures),
                null);
        TestEvents.await(
                "the re-upload in place of the first draft",
                Duration.ofSeconds(30),
                () -> List.of((int) again).equals(reportIds(park)));
        checks(ANALYST, Map.of("year", "2023", "park", park)).body("total", equalTo(1));
        // Named, the superseded draft is still there to be read.
        checks(ANALYST, Map.of("report", Long.toString(first)))
                .body("total", equalTo(1))
                .body("items[0].report.id", equalTo((int) first));

        long other = reportId();
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                park,
                EventTypes.NARRATIVE_REPORT_CONFIRMED,
                report(first, park, 2, summary, morning, figures),
                null);
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                park,
                EventTypes.NARRATIVE_REPORT_UPLOADED,
                report(other, park, 1, sha256("三季度情况汇报 " + g), morning.plusDays(1), figures),
                null);
        TestEvents.await(
                "the confirmed upload in place of the newer draft, and the other document",
                Duration.ofSeconds(30),
                () -> List.of((int) other, (int) first).equals(reportIds(park)));
        checks(ANALYST, Map.of("year", "2023", "park", park))
                .body("total", equalTo(2))
                .body("items[1].report.status", equalTo("CONFIRMED"));
    }

    static List<Integer> reportIds(String park) {
        return checks(ANALYST, Map.of("year", "2023", "park", park, "size", "500"))
                .extract()
                .path("items.report.id");
    }

    @Test
    void aReportTheTablesCannotHoldIsDeadLetteredAtOnce() {
        String g = "M" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        String park = g + "A";
        park(park, "死信报告园区", g);
        // A park code longer than its column, on the park's own partition: it would fail every insert.
        NarrativeReportState tooLong = report(
                reportId(),
                "P".repeat(40),
                1,
                List.of(figure("leads_signed", "investment", "1", "个", "0.5", "1个", null, null)));
        UUID poison = TestEvents.publish(
                bootstrap(), Topics.INDICATORS, park, EventTypes.NARRATIVE_REPORT_UPLOADED, tooLong, null);
        long next = reportId();
        TestEvents.publish(
                bootstrap(),
                Topics.INDICATORS,
                park,
                EventTypes.NARRATIVE_REPORT_UPLOADED,
                report(next, park, 1, List.of(figure("leads_signed", "investment", "0", "个", "0.5", "0个", null, null))),
                null);
        TestEvents.await(
                "the report after the malformed one",
                Duration.ofSeconds(30),
                () -> Integer.valueOf(1)
                        .equals(checks(ANALYST, Map.of("year", "2023", "park", park))
                                .extract()
                                .path("total")));
        TestEvents.await(
                "the malformed report dead-lettered", Duration.ofSeconds(30), () -> deadLetter(poison) != null);
        Map<String, Object> dead = deadLetter(poison);
        assertEquals(1, dead.get("attempts"), "refused once, not retried");
        assertTrue(dead.get("error").toString().contains("longer than 32"), dead.toString());
    }

    @Test
    void theDataQualityPageListsTheDisagreeingFiguresInChinese() {
        Fixture f = fixture();
        ConsoleStubServices.INDICATORS = true;
        try {
            String analyst = sessions.open(ANALYST, false).getValue();
            String page = given().cookie("pp_console", analyst)
                    .queryParams("year", "2023", "park", f.park())
                    .get("/console/quality")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            for (String text : List.of(
                    "工作报告与系统数据核对（2023年）",
                    "核对甲园区",
                    "《2023年上半年工作总结.docx》",
                    "省外到位资金（2023年1–6月）</td><td>0.35亿元</td><td>3000万元</td><td>+500万元</td>",
                    "新签约重大项目数（2023年1–6月）</td><td>2个</td><td>1个</td><td>+1个</td>",
                    "竣工项目数（2023年1–6月）</td><td>3个</td><td>1个</td><td>+2个</td>",
                    "税收同比增速（2023年1–6月）</td><td>同比增长4.2%</td><td>同比增长25%</td><td>−20.8个百分点</td>",
                    "1-6月园区各项工作稳步推进",
                    // Counted as listed: four figures, one row each (only the tax's growth disagrees, not its value).
                    "共4个数字不一致；一个数字的数值、增速、完成率不一致的各占一行，本表共4行",
                    // The review flag indicators-service raised for the same report, with its reason in words.
                    "报告增速与按已报数值计算的增速不一致：报告#5《上半年工作总结》称税收增长4.2%")) {
                assertTrue(page.contains(text), "the page shows " + text);
            }
            // Figures that agree are not listed.
            for (String text : List.of("签约项目总投资", "外资到位资金", "开工项目数", "新签约项目数（")) {
                assertFalse(page.contains(text), "the page does not list " + text);
            }
            // Another park's staff see their own park's reports only: none.
            String other =
                    sessions.open(Tokens.token("park-staff", f.other()), false).getValue();
            String theirs = given().cookie("pp_console", other)
                    .queryParam("year", "2023")
                    .get("/console/quality")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertTrue(theirs.contains("2023年的工作报告中没有与系统数据不一致的数字"));
            assertFalse(theirs.contains("核对甲园区"));
        } finally {
            ConsoleStubServices.INDICATORS = false;
        }
    }

    // ---- events and reads -----------------------------------------------------------------------------------

    static long reportId() {
        // Within an int, as JSON readers give small numbers back.
        return 1 + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 2_000_000_000L);
    }

    static NarrativeReportState report(long id, String park, long version, List<StatedFigure> figures) {
        // Every report its own document, as different uploads' bytes are.
        return report(
                id, park, version, sha256("report " + id), OffsetDateTime.parse("2023-07-10T09:30:00+08:00"), figures);
    }

    static NarrativeReportState report(
            long id, String park, long version, String sha256, OffsetDateTime at, List<StatedFigure> figures) {
        boolean confirmed = version > 1;
        return new NarrativeReportState(
                id,
                park,
                "2023年上半年工作总结.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                52_000,
                sha256,
                "2023-06",
                "2023-06",
                confirmed ? "CONFIRMED" : "DRAFT",
                1,
                confirmed ? 1 : null,
                "staff",
                at,
                confirmed ? "staff" : null,
                confirmed ? at.plusHours(1) : null,
                version,
                figures);
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static StatedFigure figure(
            String code,
            String owner,
            String value,
            String unit,
            String rounding,
            String stated,
            String growth,
            String completion) {
        String sentence = "1-6月园区各项工作稳步推进，" + stated + "。";
        return new StatedFigure(
                code,
                owner,
                null,
                new BigDecimal(value),
                unit,
                new BigDecimal(rounding),
                stated,
                growth == null ? null : new BigDecimal(growth),
                completion == null ? null : new BigDecimal(completion),
                sentence,
                14,
                14 + stated.length(),
                null,
                null);
    }

    static void lead(String park, UUID id, String source, String signedOn, int contracted) {
        TestEvents.publish(
                bootstrap(),
                Topics.INVESTMENT,
                park,
                EventTypes.LEAD_STAGE_CHANGED,
                "{\"id\":\"" + id + "\",\"park\":\"" + park + "\",\"projectName\":\"项目\",\"investor\":\"某集团\","
                        + "\"capitalSource\":\"" + source + "\",\"stage\":\"SIGNED\",\"intendedInvestment\":"
                        + contracted
                        + ",\"contractedInvestment\":" + contracted + ",\"signedOn\":\"" + signedOn + "\","
                        + "\"stageSince\":\"" + signedOn + "\",\"landSupplied\":false,\"version\":2}",
                null);
    }

    static void funds(String park, UUID lead, String period, String source, int amount, Integer usd) {
        TestEvents.publish(
                bootstrap(),
                Topics.INVESTMENT,
                park,
                EventTypes.FUNDS_REPORTED,
                "{\"leadId\":\"" + lead + "\",\"park\":\"" + park + "\",\"period\":\"" + period + "\",\"source\":\""
                        + source + "\",\"amount\":" + amount + ",\"amountUsd\":" + usd + ",\"revision\":1}",
                null);
    }

    static void project(String park, String started, String completed) {
        TestEvents.publish(
                bootstrap(),
                Topics.PROJECTS,
                park,
                EventTypes.PROJECT_STAGE_CHANGED,
                "{\"id\":\"" + UUID.randomUUID() + "\",\"park\":\"" + park
                        + "\",\"name\":\"项目\",\"kind\":\"INDUSTRIAL\","
                        + "\"stage\":\"" + (completed == null ? "UNDER_CONSTRUCTION" : "COMPLETED") + "\","
                        + "\"stageSince\":\"" + (completed == null ? started : completed) + "\",\"keyLevel\":\"NONE\","
                        + "\"totalInvestment\":20000,\"startedOn\":\"" + started + "\",\"completedOn\":"
                        + (completed == null ? "null" : "\"" + completed + "\"") + ",\"version\":2}",
                null);
    }

    static Map<String, Object> deadLetter(UUID eventId) {
        return given().auth()
                .oauth2(Tokens.token("service", null))
                .queryParams("topic", Topics.INDICATORS, "size", 500)
                .get("/api/v1/operations/dead-letters")
                .then()
                .statusCode(200)
                .extract()
                .path("items.find { it.eventId == '" + eventId + "' }");
    }

    static io.restassured.response.ValidatableResponse checks(String token, Map<String, String> params) {
        return given().auth()
                .oauth2(token)
                .queryParams(params)
                .get("/api/v1/narrative-checks")
                .then();
    }

    static Map<String, Object> item(ExtractableResponse<Response> r, String code) {
        List<Map<String, Object>> items = r.path("items");
        return items.stream()
                .filter(i -> code.equals(i.get("code")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item " + code + " in " + r.asString()));
    }

    static BigDecimal num(Object o) {
        return o == null ? null : new BigDecimal(o.toString());
    }

    /** Name, platform figure and difference (stated − platform) of an item, and whether anything disagrees. */
    static void expect(
            Map<String, Object> item, String name, String platform, String difference, boolean disagrees, String note) {
        assertEquals(name, item.get("name"), item.toString());
        assertEquals(0, num(item.get("platformValue")).compareTo(new BigDecimal(platform)), item.toString());
        assertEquals(0, num(item.get("difference")).compareTo(new BigDecimal(difference)), item.toString());
        assertEquals(disagrees, item.get("disagrees"), item.toString());
        assertEquals(note, item.get("platformNote"), item.toString());
    }
}
