package io.parkpulse.common.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed cases, including the figures quoted in shared/corpus and DOMAIN.md. */
class FiguresTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void report04SecondQuarter() {
        // "完成产值390.7亿元,完成全年任务的45.67%,累计增速4.2%,距任务双过半相差4.3个百分点,距计划增速12%,相差7.8个百分点"
        BigDecimal output = d("3907000"); // 万元
        BigDecimal annualTarget = d("8555000"); // 855.5亿元
        BigDecimal lastYear = d("3749520"); // same months last year
        BigDecimal completion = Figures.ratioPct(output, annualTarget);
        assertEquals(d("45.67"), completion);
        assertEquals(d("4.20"), Figures.growthPct(output, lastYear));
        assertEquals(d("4.33"), Figures.pointsGap(d("50"), completion));
        assertEquals("4.3个百分点", Phrases.points(Figures.pointsGap(d("50"), completion)));
        assertEquals("7.8个百分点", Phrases.points(Figures.pointsGap(d("12"), Figures.growthPct(output, lastYear))));
        assertEquals("欠时序进度4.3个百分点", Phrases.timeProgress(Figures.timeProgressGapPts(output, annualTarget, 6)));
        assertEquals("390.7亿元", Phrases.wanYuan(output));
    }

    @Test
    void report03AheadOfTheQuarterTarget() {
        // "(…到位资金301595万元…)超二季度目标任务281050万元的7.31%"
        assertEquals(d("7.31"), Figures.growthPct(d("301595"), d("281050")));
        assertEquals(d("107.31"), Figures.ratioPct(d("301595"), d("281050")));
    }

    @Test
    void domainTimeElapsedExample() {
        // "1–5月 45.2 % against 41.67 % → 超时序进度3.5个百分点"
        assertEquals(d("41.67"), Figures.timeElapsedPct(5));
        assertEquals(d("3.53"), Figures.timeProgressGapPts(d("45.2"), d("100"), 5));
        assertEquals("超时序进度3.5个百分点", Phrases.timeProgress(d("3.53")));
        assertEquals(d("50.00"), Figures.timeElapsedPct(6));
    }

    @Test
    void growthNeedsAPositiveBase() {
        assertNull(Figures.growthPct(d("100"), null));
        assertNull(Figures.growthPct(d("100"), d("0")));
        assertNull(Figures.growthPct(d("100"), d("-20")));
        assertEquals(d("-25.00"), Figures.growthPct(d("75"), d("100")));
        assertEquals("同比下降25.00%", Phrases.growth(d("-25.00")));
        assertEquals("同比增长16.33%", Phrases.growth(d("16.33")));
    }

    @Test
    void fullYearEstimateFollowsTheSeasonalShapeOrFallsBackVisibly() {
        // Two earlier years in which January–June made up 45 % and 47 % of the year: 46 % on average.
        Figures.Estimate e = Figures.estimateFullYear(
                d("460"),
                6,
                List.of(
                        new Figures.YearShape(2024, d("450"), d("1000")),
                        new Figures.YearShape(2023, d("470"), d("1000"))));
        assertEquals(d("1000.00"), e.value());
        assertEquals("seasonal", e.method());
        assertEquals(d("46.00"), e.shareOfYearPct());
        assertEquals(List.of(2024, 2023), e.basedOnYears());

        Figures.Estimate linear = Figures.estimateFullYear(d("460"), 6, List.of());
        assertEquals(d("920.00"), linear.value());
        assertEquals("linear", linear.method());

        assertEquals("actual", Figures.estimateFullYear(d("900"), 12, List.of()).method());
    }
}
