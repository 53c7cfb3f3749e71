package io.parkpulse.common.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parkpulse.common.projects.ScheduleRules.Colour;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The battle-map rules of DOMAIN.md, hand-computed at their edges. */
class ScheduleRulesTest {

    static final ScheduleRules.Thresholds DEFAULTS =
            new ScheduleRules.Thresholds(BigDecimal.TEN, BigDecimal.valueOf(30), 3, 3, 3);

    static ScheduleRules.Facts underConstruction(String planned, String thisYear, String lastReport) {
        return new ScheduleRules.Facts(
                ProjectStage.UNDER_CONSTRUCTION,
                LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 1),
                LocalDate.of(2026, 12, 31),
                new BigDecimal("50000"),
                planned == null ? null : new BigDecimal(planned),
                new BigDecimal(thisYear),
                new BigDecimal(thisYear),
                new BigDecimal("40"),
                YearMonth.parse(lastReport));
    }

    @Test
    void investmentIsGreenUnderTenPointsBehindYellowFromTenToThirtyRedBeyond() {
        YearMonth june = YearMonth.of(2025, 6); // 50.00 % of the year gone
        // 4080 of 10000 = 40.80 %: 9.20 points behind, green.
        assertEquals(
                Colour.GREEN,
                ScheduleRules.evaluate(underConstruction("10000", "4080", "2025-06"), june, DEFAULTS)
                        .colour());
        // 4000 = 40.00 %: exactly 10 behind, yellow.
        assertEquals(
                Colour.YELLOW,
                ScheduleRules.evaluate(underConstruction("10000", "4000", "2025-06"), june, DEFAULTS)
                        .colour());
        // 2000 = 20.00 %: exactly 30 behind, still yellow.
        assertEquals(
                Colour.YELLOW,
                ScheduleRules.evaluate(underConstruction("10000", "2000", "2025-06"), june, DEFAULTS)
                        .colour());
        // 1990 = 19.90 %: 30.10 behind, red.
        var red = ScheduleRules.evaluate(underConstruction("10000", "1990", "2025-06"), june, DEFAULTS);
        assertEquals(Colour.RED, red.colour());
        assertEquals(new BigDecimal("-30.10"), red.investmentGapPoints());
        assertEquals("年度投资完成率19.90%，欠时序进度30.1个百分点", red.reasons().get(0).message());
        // Ahead of time: 1–5月 45.2 % against 41.67 % is 3.53 points ahead.
        var ahead =
                ScheduleRules.evaluate(underConstruction("10000", "4520", "2025-05"), YearMonth.of(2025, 5), DEFAULTS);
        assertEquals(new BigDecimal("3.53"), ahead.investmentGapPoints());
        assertTrue(ahead.reasons().get(0).message().endsWith("超时序进度3.5个百分点"));
    }

    // 40 of 1,000,000 is 0.004 %; by May 41.6667 % of the year has passed: 41.6627 behind. Subtracting the rounded
    // percentages (0.00 − 41.67) would say 41.67.
    @Test
    void theGapComesFromTheExactRatioNotFromRoundedPercentages() {
        var s = ScheduleRules.evaluate(underConstruction("1000000", "40", "2025-05"), YearMonth.of(2025, 5), DEFAULTS);
        assertEquals(new BigDecimal("-41.66"), s.investmentGapPoints());
        assertEquals("年度投资完成率0.00%，欠时序进度41.7个百分点", s.reasons().get(0).message());
    }

    @Test
    void aProjectNotStartedIsYellowInItsPlannedMonthAndRedThreeMonthsLate() {
        var facts = new ScheduleRules.Facts(
                ProjectStage.LAND_SUPPLIED,
                LocalDate.of(2025, 1, 5),
                LocalDate.of(2025, 4, 10),
                null,
                new BigDecimal("1000"),
                null,
                null,
                null,
                null,
                null);
        assertEquals(
                Colour.GREEN,
                ScheduleRules.evaluate(facts, YearMonth.of(2025, 3), DEFAULTS).colour());
        assertEquals(
                Colour.YELLOW,
                ScheduleRules.evaluate(facts, YearMonth.of(2025, 4), DEFAULTS).colour());
        assertEquals(
                Colour.YELLOW,
                ScheduleRules.evaluate(facts, YearMonth.of(2025, 6), DEFAULTS).colour());
        assertEquals(
                Colour.RED,
                ScheduleRules.evaluate(facts, YearMonth.of(2025, 7), DEFAULTS).colour());
    }

    @Test
    void stalledAfterTheConfiguredMonthsWithoutAReportAndThresholdsAreConfigurable() {
        var facts = underConstruction(null, "100", "2025-03");
        var may = ScheduleRules.evaluate(facts, YearMonth.of(2025, 5), DEFAULTS);
        assertFalse(may.stalled());
        assertEquals(2, may.monthsWithoutProgress());
        var june = ScheduleRules.evaluate(facts, YearMonth.of(2025, 6), DEFAULTS);
        assertTrue(june.stalled());
        assertEquals(Colour.YELLOW, june.colour());
        var strict = new ScheduleRules.Thresholds(BigDecimal.ONE, BigDecimal.valueOf(5), 1, 1, 2);
        assertTrue(ScheduleRules.evaluate(facts, YearMonth.of(2025, 5), strict).stalled());
        assertNull(june.yearCompletionRate());
    }

    @Test
    void overdueCompletionSuspendedAndTerminatedProjects() {
        var late = new ScheduleRules.Facts(
                ProjectStage.UNDER_CONSTRUCTION,
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 3, 31),
                new BigDecimal("1000"),
                null,
                new BigDecimal("800"),
                null,
                new BigDecimal("90"),
                YearMonth.of(2025, 5));
        var may = ScheduleRules.evaluate(late, YearMonth.of(2025, 5), DEFAULTS);
        assertTrue(may.overdue());
        assertEquals(2, may.monthsOverdue());
        assertEquals(Colour.YELLOW, may.colour());
        assertEquals(new BigDecimal("10.00"), may.physicalFinancialGapPoints());
        assertEquals(
                Colour.RED,
                ScheduleRules.evaluate(late, YearMonth.of(2025, 6), DEFAULTS).colour());
        var suspended = new ScheduleRules.Facts(
                ProjectStage.SUSPENDED,
                LocalDate.of(2025, 2, 1),
                null,
                null,
                new BigDecimal("1000"),
                null,
                null,
                null,
                null,
                null);
        assertEquals(
                Colour.RED,
                ScheduleRules.evaluate(suspended, YearMonth.of(2025, 2), DEFAULTS)
                        .colour());
        var terminated = new ScheduleRules.Facts(
                ProjectStage.TERMINATED,
                LocalDate.of(2025, 2, 1),
                LocalDate.of(2020, 1, 1),
                null,
                new BigDecimal("1000"),
                null,
                null,
                null,
                null,
                null);
        assertEquals(
                Colour.NONE,
                ScheduleRules.evaluate(terminated, YearMonth.of(2025, 2), DEFAULTS)
                        .colour());
    }

    @Test
    void lifecycleAllowsOnlyTheDocumentedSteps() {
        assertEquals(
                java.util.List.of(
                        ProjectStage.LAND_SUPPLIED,
                        ProjectStage.UNDER_CONSTRUCTION,
                        ProjectStage.SUSPENDED,
                        ProjectStage.TERMINATED),
                ProjectStage.SIGNED.next(null));
        assertEquals(
                java.util.List.of(ProjectStage.COMPLETED, ProjectStage.TERMINATED),
                ProjectStage.SUSPENDED.next(ProjectStage.COMPLETED));
        assertTrue(ProjectStage.TERMINATED.next(null).isEmpty());
        assertTrue(ProjectStage.IN_PRODUCTION.next(null).isEmpty());
    }
}
