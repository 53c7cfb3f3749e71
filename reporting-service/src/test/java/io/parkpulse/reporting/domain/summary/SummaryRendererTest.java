package io.parkpulse.reporting.domain.summary;

import static io.parkpulse.reporting.domain.summary.Lines.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.reporting.domain.Report;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SummaryRendererTest {

    static final SummaryRenderer RENDERER = new SummaryRenderer("全市", 3);
    static final ReportingPeriod Q2 = ReportingPeriod.parse("2025-Q2", "period");

    static Investment nothing() {
        return new Investment(
                new Investment.Leads(0, d("0"), 0, 0, d("0"), 0, d("0")),
                new Investment.Funds(d("0"), d("0")),
                new Investment.Conversion(0, 0, 0, 0, 0));
    }

    @Test
    void parkTitleAndBasisNameTheMonths() {
        Report r = RENDERER.park(new ParkSummaryFacts(
                Q2,
                new ParkInfo("P1", "甲园区", null),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                nothing(),
                null,
                null,
                0));
        assertEquals("甲园区2025年1–6月经济运行情况", r.title());
        assertEquals("数据截至2025年6月，来源于各园区报送的月度数据和项目、招商台账；累计数为年初至该月，未报送的数据不作推算。", r.basis());
        assertEquals(
                List.of("一、主要经济指标完成情况", "二、项目建设", "三、招商引资", "四、存在的问题", "五、考核排名"),
                r.sections().stream().map(Report.Section::heading).toList());
    }

    @Test
    void cityWithoutDataSaysSoInEverySection() {
        Report r = RENDERER.city(new CitySummaryFacts(
                Q2,
                List.of(new ParkInfo("P1", "甲园区", null)),
                Set.of("P1"),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                nothing(),
                null,
                List.of()));
        assertEquals("全市工业园区2025年1–6月经济运行情况", r.title());
        assertEquals(List.of("2025年6月尚无上报的经济指标数据。"), r.sections().get(0).paragraphs());
        assertEquals(List.of("截至6月末，全市园区尚无在库项目。"), r.sections().get(1).paragraphs());
        assertEquals(List.of(ProblemSection.CITY_NONE), r.sections().get(3).paragraphs());
        assertEquals(List.of(AssessmentSection.NONE), r.sections().get(4).paragraphs());
    }

    @Test
    void cityNameComesFromConfiguration() {
        Report r = new SummaryRenderer("南京市", 3)
                .city(new CitySummaryFacts(
                        Q2, List.of(), Set.of(), List.of(), List.of(), List.of(), List.of(), List.of(), nothing(), null,
                        List.of()));
        assertEquals("南京市工业园区2025年1–6月经济运行情况", r.title());
    }

    // The corpus's "全市16个园区工业总产值…" is only right when all sixteen reported: totals say over how many parks they are.
    @Test
    void cityTotalsSayHowManyParksReported() {
        IndicatorLine output = new IndicatorLine(
                "industrial_output",
                "工业总产值",
                "万元",
                Lines.d("300000"),
                Lines.d("200000"),
                Lines.d("180000"),
                Lines.d("300000"),
                Lines.d("600000"),
                null,
                null,
                null,
                null,
                2,
                1,
                2);
        IndicatorLine tax = new IndicatorLine(
                "tax_revenue",
                "税收",
                "万元",
                Lines.d("9000"),
                Lines.d("9000"),
                Lines.d("8000"),
                null,
                null,
                null,
                null,
                null,
                null,
                1,
                1,
                0);
        Report r = RENDERER.city(new CitySummaryFacts(
                Q2,
                List.of(
                        new ParkInfo("P1", "甲园区", null),
                        new ParkInfo("P2", "乙园区", null),
                        new ParkInfo("P3", "丙园区", null)),
                Set.of("P1", "P2"),
                List.of(output, tax),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                nothing(),
                null,
                List.of()));
        // 200000 against 180000 is +11.11 % over the one park with both years; 300000 of 600000 is half the target.
        assertEquals(
                "1–6月，全市3个园区中2个报送了本期数据，工业总产值30亿元，按1个可比园区计，同比增长11.11%，完成全年任务的50.00%，实现时间过半、任务过半；"
                        + "税收（1个园区）9000万元，同比增长12.50%。",
                r.sections().get(0).paragraphs().get(0));
        assertTrue(r.sections().get(3).points().get(0).startsWith("6月未报送经济指标的园区1个：丙园区"));
    }
}
