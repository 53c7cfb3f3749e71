package io.parkpulse.reporting;

import static io.parkpulse.reporting.RankingTest.bootstrap;
import static io.parkpulse.reporting.SummaryTest.park;
import static io.parkpulse.reporting.SummaryTest.summary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.LeadState;
import io.parkpulse.common.events.payload.ProjectProblem;
import io.parkpulse.common.events.payload.ProjectProgress;
import io.parkpulse.common.events.payload.ProjectState;
import io.parkpulse.infra.TestEvents;
import io.parkpulse.infra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A park whose projects, leads and problems have known histories through 2013, summarised for October
 * after November's changes have arrived: every count must be the one the histories give for October's
 * end, and the sections must agree with each other. The year 2013 belongs to this test alone.
 */
@QuarkusTest
class SummaryHistoryTest {

    static final String ANALYST = Tokens.token("bureau-analyst", null);

    static LocalDate d(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    /** One version of a project as projects-service publishes it after each change. */
    static void project(
            String park,
            UUID id,
            String name,
            String keyLevel,
            String stage,
            String since,
            String started,
            String completed,
            String production,
            long version) {
        ProjectState p = new ProjectState(
                id,
                park,
                name,
                "INDUSTRIAL",
                "新材料",
                "某公司",
                stage,
                d(since),
                "SUSPENDED".equals(stage) ? "UNDER_CONSTRUCTION" : null,
                keyLevel,
                new BigDecimal("30000"),
                2013,
                new BigDecimal("12000"),
                null,
                null,
                null,
                null,
                d("2013-04-01"),
                d("2014-06-30"),
                d("2013-01-10"),
                d(started),
                d(completed),
                d(production),
                null,
                version);
        String type = version == 0 ? EventTypes.PROJECT_REGISTERED : EventTypes.PROJECT_STAGE_CHANGED;
        TestEvents.publish(bootstrap(), Topics.PROJECTS, park, type, p);
    }

    static void progress(
            String park, UUID id, String period, String completed, String pct, String milestones, int revision) {
        TestEvents.publish(
                bootstrap(),
                Topics.PROJECTS,
                park,
                EventTypes.PROGRESS_REPORTED,
                new ProjectProgress(
                        id,
                        park,
                        period,
                        new BigDecimal(completed),
                        new BigDecimal(completed),
                        new BigDecimal(pct),
                        milestones,
                        null,
                        false,
                        revision));
    }

    static void lead(String park, UUID id, String stage, String since, String signedOn, long version) {
        TestEvents.publish(
                bootstrap(),
                Topics.INVESTMENT,
                park,
                version == 0 ? EventTypes.LEAD_REGISTERED : EventTypes.LEAD_STAGE_CHANGED,
                new LeadState(
                        id,
                        park,
                        "线索" + id.toString().substring(0, 4),
                        "某集团",
                        "新能源",
                        "OUTSIDE_CITY",
                        stage,
                        new BigDecimal("5000"),
                        signedOn == null ? null : new BigDecimal("4000"),
                        d(signedOn),
                        null,
                        false,
                        d(since),
                        version));
    }

    static void problem(String park, UUID project, String raised, String due, String resolved, long version) {
        TestEvents.publish(
                bootstrap(),
                Topics.PROJECTS,
                park,
                resolved == null ? EventTypes.PROBLEM_RAISED : EventTypes.PROBLEM_RESOLVED,
                new ProjectProblem(
                        UUID.nameUUIDFromBytes((park + raised).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        project,
                        park,
                        "问题" + raised,
                        d(raised),
                        "自然资源局",
                        d(due),
                        resolved == null ? "OPEN" : "RESOLVED",
                        resolved == null ? null : "已解决",
                        d(resolved),
                        version));
    }

    @Test
    void aPastMonthsSummaryCountsWhatTheHistoriesSayForItsEnd() {
        String a = "H" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        park(a, "历史园区", "1000");
        UUID built = UUID.randomUUID(), stopped = UUID.randomUUID(), late = UUID.randomUUID();
        // 建成项目: signed in January, land in March, started 5-20, completed 11-02, in production 11-28.
        project(a, built, "建成项目", "MUNICIPAL", "SIGNED", "2013-01-10", null, null, null, 0);
        project(a, built, "建成项目", "MUNICIPAL", "LAND_SUPPLIED", "2013-03-05", null, null, null, 1);
        project(a, built, "建成项目", "MUNICIPAL", "UNDER_CONSTRUCTION", "2013-05-20", "2013-05-20", null, null, 2);
        project(a, built, "建成项目", "MUNICIPAL", "COMPLETED", "2013-11-02", "2013-05-20", "2013-11-02", null, 3);
        project(
                a,
                built,
                "建成项目",
                "MUNICIPAL",
                "IN_PRODUCTION",
                "2013-11-28",
                "2013-05-20",
                "2013-11-02",
                "2013-11-28",
                4);
        // 停工项目: started 4-01, suspended 11-15 — under construction at October's end.
        project(a, stopped, "停工项目", null, "SIGNED", "2013-02-01", null, null, null, 0);
        project(a, stopped, "停工项目", null, "UNDER_CONSTRUCTION", "2013-04-01", "2013-04-01", null, null, 1);
        project(a, stopped, "停工项目", null, "SUSPENDED", "2013-11-15", "2013-04-01", null, null, 2);
        // 新签项目: signed in December, so not in October's library at all.
        project(a, late, "新签项目", null, "SIGNED", "2013-12-01", null, null, null, 0);
        // A repeated event changes nothing.
        project(a, stopped, "停工项目", null, "UNDER_CONSTRUCTION", "2013-04-01", "2013-04-01", null, null, 1);

        progress(a, built, "2013-09", "9000", "60", "主体封顶", 1);
        progress(a, built, "2013-10", "11000", "80", "设备安装完成70%", 1);
        progress(a, built, "2013-10", "11500", "85", "设备安装完成80%，预计11月底试运营", 2);
        progress(a, built, "2013-11", "14000", "100", "已投产", 1);
        progress(a, stopped, "2013-10", "4000", "40", "完成桩基施工", 1);

        UUID talking = UUID.randomUUID(), dropped = UUID.randomUUID(), future = UUID.randomUUID();
        lead(a, talking, "LEAD", "2013-02-01", null, 0);
        lead(a, talking, "NEGOTIATING", "2013-06-01", null, 1);
        lead(a, talking, "SIGNED", "2013-11-10", "2013-11-10", 2);
        lead(a, dropped, "NEGOTIATING", "2013-03-01", null, 0);
        lead(a, dropped, "DROPPED", "2013-09-01", null, 1);
        lead(a, future, "LEAD", "2013-12-01", null, 0);

        problem(a, built, "2013-08-01", "2013-09-30", null, 0);
        problem(a, built, "2013-08-01", "2013-09-30", "2013-11-05", 1);
        problem(a, stopped, "2013-10-10", "2013-12-31", null, 0);
        problem(a, stopped, "2013-11-01", "2013-11-20", null, 0);

        String path = "/api/v1/summaries/parks/" + a;
        TestEvents.await("the park's histories in the read model", Duration.ofSeconds(30), () -> {
            String now = summary(path, ANALYST, Map.of("period", "2013-12"))
                    .extract()
                    .asString();
            return now.contains("在库项目3个") && now.contains("已投产") && now.contains("在谈、储备项目1个");
        });

        String october = summary(path, ANALYST, Map.of("period", "2013-10"))
                .statusCode(200)
                .extract()
                .asString();
        // Library at 10-31: 建成项目 and 停工项目, both under construction; 新签项目 not yet signed.
        assertTrue(october.contains("截至10月末，历史园区在库项目2个，总投资6亿元，其中在建2个；省、市重点项目1个。"), october);
        // Starts 5-20 and 4-01 this year; the completion (11-02) and production (11-28) come after October.
        assertTrue(october.contains("1–10月，新开工项目2个；项目累计完成投资1.55亿元"), october);
        assertFalse(october.contains("新竣工"), october);
        assertFalse(october.contains("投产1个"), october);
        // October's second revision, not the first, nor November's report.
        assertTrue(october.contains("重点项目进展：建成项目（总投资3亿元，在建，形象进度85%），设备安装完成80%，预计11月底试运营。"), october);
        assertFalse(october.contains("已投产"), october);
        // In talks at 10-31: the lead signed on 11-10 only; the dropped one and December's are not.
        assertTrue(october.contains("在谈、储备项目1个，意向投资5000万元。"), october);
        assertTrue(october.contains("暂无新签约项目"), october);
        // Open at 10-31: the problem resolved on 11-05 (overdue since 9-30) and the one raised 10-10; not 11-01's.
        assertTrue(october.contains("项目建设中尚未解决的问题2个，其中超过办结时限1个"), october);
        assertFalse(october.contains("问题2013-11-01"), october);
        assertSectionsAgree(october);

        String november = summary(path, ANALYST, Map.of("period", "2013-11"))
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(november.contains("截至11月末，历史园区在库项目2个，总投资6亿元，其中投产1个、停工1个；省、市重点项目1个。"), november);
        assertTrue(november.contains("1–11月，新开工项目2个、新竣工1个、新投产1个；"), november);
        assertTrue(november.contains("新签约项目1个"), november);
        assertFalse(november.contains("在谈、储备项目"), november);
        // 11-05 resolved the old one; 10-10's and 11-01's are open, 11-01's overdue since 11-20.
        assertTrue(november.contains("项目建设中尚未解决的问题2个，其中超过办结时限1个"), november);
        assertTrue(november.contains("停工项目（项目自2013-11-15起停工）"), november);
        assertSectionsAgree(november);
    }

    private static final Pattern COLOURS =
            Pattern.compile("绿灯项目(\\d+)个、黄灯(\\d+)个、红灯(\\d+)个，连续(\\d+)个月以上无进展报告的项目(\\d+)个");

    /** Section 二's colour and stall counts are the counts section 四 lists. */
    static void assertSectionsAgree(String md) {
        Matcher m = COLOURS.matcher(md);
        assertTrue(m.find(), md);
        int red = Integer.parseInt(m.group(3));
        int stalled = Integer.parseInt(m.group(5));
        Matcher listedRed = Pattern.compile("红灯项目(\\d+)个：").matcher(md);
        assertEquals(red, listedRed.find() ? Integer.parseInt(listedRed.group(1)) : 0, md);
        Matcher listedStalled =
                Pattern.compile("\\d\\. 连续\\d+个月以上无进展报告的项目(\\d+)个：").matcher(md);
        assertEquals(stalled, listedStalled.find() ? Integer.parseInt(listedStalled.group(1)) : 0, md);
    }
}
