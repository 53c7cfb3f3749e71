package io.parkpulse.reporting.domain.summary;

import static io.parkpulse.reporting.domain.summary.Lines.d;
import static io.parkpulse.reporting.domain.summary.Lines.line;
import static io.parkpulse.reporting.domain.summary.Lines.tax;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parkpulse.reporting.domain.Report.Section;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorSectionTest {

    static final YearMonth APRIL = YearMonth.of(2025, 4);

    // 5000 of 12000 is 41.67 %; four months elapsed are 33.33 %: 8.33 points ahead, printed to one decimal.
    @Test
    void sentenceHasAmountGrowthCompletionAndTimeProgress() {
        assertEquals(
                "税收收入5000万元，同比增长25.00%，完成全年任务的41.67%，超时序进度8.3个百分点",
                IndicatorSection.sentence(tax("5000", "4000", "12000"), APRIL));
    }

    @Test
    void sentenceWithoutLastYearNorTargetIsTheAmountAlone() {
        assertEquals("税收收入5000万元", IndicatorSection.sentence(tax("5000", null, null), APRIL));
    }

    // 3000 ÷ 6250 = 0.48: 52 % down; 3000 of 12000 is 25 %, 8.33 points behind 33.33 %.
    @Test
    void sentenceSaysFallAndBehind() {
        assertEquals(
                "税收收入3000万元，同比下降52.00%，完成全年任务的25.00%，欠时序进度8.3个百分点",
                IndicatorSection.sentence(tax("3000", "6250", "12000"), APRIL));
    }

    // 亿元 from 10 000 万元 on, two decimals half up; other units to two decimals without trailing zeros.
    @ParameterizedTest
    @CsvSource({
        "industrial_output, 工业总产值, 万元, 390700, 工业总产值39.07亿元",
        "industrial_output, 工业总产值, 万元, 390749.99, 工业总产值39.07亿元",
        "industrial_output, 工业总产值, 万元, 390750, 工业总产值39.08亿元",
        "tax_revenue, 税收收入, 万元, 1234.567, 税收收入1234.57万元",
        "employees, 从业人员, 人, 1500, 从业人员1500人"
    })
    void amountsAreRoundedAsReportsPrintThem(String code, String name, String unit, String value, String expected) {
        assertEquals(expected, IndicatorSection.sentence(line(code, name, unit, value, null, null, null), APRIL));
    }

    // Last year 4000 by April of 15000 for the year (26.67 %): 5000 now ÷ 0.2667 = 18750 万元, 1.88亿元.
    @Test
    void aFlowWithLastYearsShapeGetsAFullYearEstimate() {
        assertEquals(
                "税收收入5000万元，同比增长25.00%，完成全年任务的41.67%，超时序进度8.3个百分点，按上年同期进度预计全年完成1.88亿元",
                IndicatorSection.sentence(Lines.withLastYear(tax("5000", "4000", "12000"), "15000"), APRIL));
    }

    // At the end of September the year-to-date value against the Q3 target: 9800 ÷ 9000 = 108.89 %.
    @Test
    void aQuarterEndStatesTheQuarterTarget() {
        assertEquals(
                "税收收入9800万元，完成前三季度目标任务的108.89%",
                IndicatorSection.sentence(
                        Lines.withQuarterTarget(tax("9800", null, null), "9000"), YearMonth.of(2025, 9)));
    }

    @Test
    void noEstimateInDecemberNorForStocks() {
        assertEquals(
                "税收收入5000万元，同比增长25.00%",
                IndicatorSection.sentence(
                        Lines.withLastYear(tax("5000", "4000", null), "15000"), YearMonth.of(2025, 12)));
        assertEquals(
                "从业人员1500人，同比增长25.00%",
                IndicatorSection.sentence(
                        Lines.withLastYear(line("employees", "从业人员", "人", "1500", "1200", null, null), "1300"), APRIL));
    }

    // 39 enterprises against 34 last year: counted, not grown.
    @ParameterizedTest
    @CsvSource({"39, 34, 规上企业数39家，较上年同期净增5家", "32, 34, 规上企业数32家，较上年同期净减2家", "34, 34, 规上企业数34家，与上年同期持平"})
    void enterpriseCountsAreNetChanges(String now, String lastYear, String expected) {
        assertEquals(
                expected,
                IndicatorSection.sentence(
                        line("above_scale_enterprises", "规上企业数", "家", now, lastYear, null, null), APRIL));
    }

    @Test
    void unchangedOnLastYearIsFlat() {
        assertEquals("税收收入5000万元，同比持平", IndicatorSection.sentence(tax("5000", "5000", null), APRIL));
    }

    // A stock has no time-elapsed progress: 1500 of 2000 is 75 %.
    @Test
    void stockHasCompletionWithoutTimeProgress() {
        assertEquals(
                "从业人员1500人，完成全年任务的75.00%",
                IndicatorSection.sentence(line("employees", "从业人员", "人", "1500", null, "2000", null), APRIL));
    }

    @Test
    void betterLowerHasNoCompletion() {
        assertEquals(
                "综合能耗900吨标准煤，同比下降10.00%",
                IndicatorSection.sentence(
                        line("energy_consumption", "综合能耗", "吨标准煤", "900", "1000", "2000", null), APRIL));
    }

    // June: 5400 of 12000 is 45 % (5 points short of half); growth 8 % against a planned 12 % (4 points short).
    @Test
    void juneSaysDoubleHalf() {
        assertEquals(
                "税收收入5400万元，同比增长8.00%，完成全年任务的45.00%，距任务双过半相差5.0个百分点，距计划增速12%相差4.0个百分点",
                IndicatorSection.sentence(
                        line("tax_revenue", "税收收入", "万元", "5400", "5000", "12000", "12"), YearMonth.of(2025, 6)));
    }

    @Test
    void juneWithBothHalvesMetSaysSo() {
        assertEquals(
                "税收收入6600万元，同比增长10.00%，完成全年任务的55.00%，实现时间过半、任务过半",
                IndicatorSection.sentence(
                        line("tax_revenue", "税收收入", "万元", "6600", "6000", "12000", "10"), YearMonth.of(2025, 6)));
    }

    @Test
    void sectionWithoutValuesSaysSo() {
        Section s = IndicatorSection.of("甲园区", List.of(), APRIL, null);
        assertEquals(List.of("2025年4月尚无上报的经济指标数据。"), s.paragraphs());
    }

    @Test
    void sectionJoinsSentencesUnderTheMonths() {
        Section s = IndicatorSection.of(
                "甲园区",
                List.of(line("industrial_output", "工业总产值", "万元", "390700", null, null, null), tax("5000", null, null)),
                APRIL,
                null);
        assertEquals(List.of("1–4月，甲园区工业总产值39.07亿元；税收收入5000万元。"), s.paragraphs());
    }

    // 5000 万元 over 200 亩 is 25 万元 per mu; the 亿元 output per mu stays in 万元 (390700 ÷ 200 = 1953.5).
    @Test
    void perMuParagraphWhenTheLandIsKnown() {
        Section s = IndicatorSection.of(
                "甲园区",
                List.of(line("industrial_output", "工业总产值", "万元", "390700", null, null, null), tax("5000", null, null)),
                APRIL,
                d("200"));
        assertEquals(
                "按已开发工业用地200亩计，1–4月亩均工业总产值1953.5万元、亩均税收25万元。", s.paragraphs().get(1));
    }

    @Test
    void noPerMuParagraphWithoutLand() {
        Section s = IndicatorSection.of("甲园区", List.of(tax("5000", null, null)), APRIL, d("0"));
        assertEquals(1, s.paragraphs().size());
    }

    @Test
    void leadersNameTheIndicatorAndEachPark() {
        assertEquals(
                "工业总产值居前2位的园区依次是甲园区（39.07亿元）、乙园区（9800万元）。",
                IndicatorSection.leaders(List.of(
                        new Leader("甲园区", "工业总产值", d("390700"), "万元"), new Leader("乙园区", "工业总产值", d("9800"), "万元"))));
    }

    // Ties share a rank; January has no last month of the same year to compare with.
    @Test
    void standingsSayRankAmongReportingParksAndTheMove() {
        Section base = IndicatorSection.of("甲园区", List.of(tax("5000", null, null)), APRIL, null);
        Section with = IndicatorSection.withStandings(
                base,
                List.of(
                        new CityStanding("industrial_output", "工业总产值", 3, 12, 4),
                        new CityStanding("tax_revenue", "税收收入", 2, 12, 1),
                        new CityStanding("fixed_asset_investment", "固定资产投资", 5, 11, 5),
                        new CityStanding("x", "出口额", 1, 9, null),
                        new CityStanding("y", "研发经费", 1, 1, null)));
        assertEquals(
                "在全市园区中，工业总产值居全市第3位（12个园区），较上月上升1位；税收收入居全市第2位（12个园区），较上月下降1位；"
                        + "固定资产投资居全市第5位（11个园区），与上月持平；出口额居全市第1位（9个园区）。",
                with.paragraphs().get(with.paragraphs().size() - 1));
        assertEquals(base, IndicatorSection.withStandings(base, List.of()));
        assertEquals(base, IndicatorSection.withStandings(base, List.of(new CityStanding("y", "研发经费", 1, 1, null))));
    }
}
