package io.parkpulse.reporting.domain.summary;

import static io.parkpulse.reporting.domain.summary.Lines.d;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
