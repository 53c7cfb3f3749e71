package io.parkpulse.indicators.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The review thresholds of docs/indicators.md (defaults 200 %, 30 %, 50 %), each compared strictly. */
class PlausibilityTest {

    private static final Plausibility.Thresholds DEFAULTS =
            new Plausibility.Thresholds(new BigDecimal("200"), new BigDecimal("30"), new BigDecimal("50"));

    private static Indicator indicator(IndicatorKind kind) {
        Indicator i = new Indicator();
        i.code = "output";
        i.nameZh = "工业总产值";
        i.kind = kind;
        return i;
    }

    private static List<String> reasons(List<Plausibility.Finding> findings) {
        return findings.stream().map(Plausibility.Finding::reason).toList();
    }

    private static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    // Cumulative: the month alone against the previous month alone; (90/30-1)*100 = 200.00 is not
    // above 200, (91/30-1)*100 = 203.33 is; a fall of 70 % stays inside.
    @ParameterizedTest
    @CsvSource({"90, 30, false", "91, 30, true", "9, 30, false", "100, 0, false", "100, , false"})
    void cumulativeMonthAloneJumpUses200Pct(String monthAlone, String previous, boolean flagged) {
        List<Plausibility.Finding> f = Plausibility.check(
                indicator(IndicatorKind.CUMULATIVE),
                new BigDecimal("500"),
                dec(monthAlone),
                dec(previous),
                null,
                DEFAULTS);
        assertEquals(flagged ? List.of("jump_vs_previous_month") : List.of(), reasons(f));
    }

    // Stock: the value itself against last month's; 130 vs 100 is +30.00 (not above 30), 131 is +31,
    // 69 is -31 (the absolute change counts).
    @ParameterizedTest
    @CsvSource({"130, false", "131, true", "70, false", "69, true"})
    void stockJumpUses30Pct(String value, boolean flagged) {
        List<Plausibility.Finding> f = Plausibility.check(
                indicator(IndicatorKind.STOCK), dec(value), null, new BigDecimal("100"), null, DEFAULTS);
        assertEquals(flagged ? List.of("jump_vs_previous_month") : List.of(), reasons(f));
    }

    // Year on year: the year-to-date value against the same month last year; 150 vs 100 is +50.00.
    @ParameterizedTest
    @CsvSource({"150, false", "151, true", "50, false", "49, true"})
    void yearOnYearJumpUses50Pct(String value, boolean flagged) {
        List<Plausibility.Finding> f = Plausibility.check(
                indicator(IndicatorKind.CUMULATIVE), dec(value), null, null, new BigDecimal("100"), DEFAULTS);
        assertEquals(flagged ? List.of("jump_vs_last_year") : List.of(), reasons(f));
    }

    @Test
    void bothRulesCanFireTogether() {
        List<Plausibility.Finding> f = Plausibility.check(
                indicator(IndicatorKind.CUMULATIVE),
                new BigDecimal("300"),
                new BigDecimal("100"),
                new BigDecimal("30"),
                new BigDecimal("100"),
                DEFAULTS);
        assertEquals(List.of("jump_vs_previous_month", "jump_vs_last_year"), reasons(f));
    }

    // (100/30-1)*100 = 233.33 (two decimals, half up).
    @Test
    void cumulativeMessageNamesTheMonthTheChangeAndTheThreshold() {
        List<Plausibility.Finding> f = Plausibility.check(
                indicator(IndicatorKind.CUMULATIVE),
                new BigDecimal("500"),
                new BigDecimal("100"),
                new BigDecimal("30"),
                null,
                DEFAULTS);
        assertEquals("本月工业总产值较上月变动233.33%,超过200%的核查阈值", f.get(0).message());
    }

    @Test
    void yearOnYearMessageNamesTheChangeAndTheThreshold() {
        List<Plausibility.Finding> f = Plausibility.check(
                indicator(IndicatorKind.STOCK), new BigDecimal("160"), null, null, new BigDecimal("100"), DEFAULTS);
        assertEquals("工业总产值同比变动60.00%,超过50%的核查阈值", f.get(0).message());
    }

    @Test
    void nothingToCompareFindsNothing() {
        assertTrue(Plausibility.check(indicator(IndicatorKind.STOCK), new BigDecimal("1"), null, null, null, DEFAULTS)
                .isEmpty());
    }
}
