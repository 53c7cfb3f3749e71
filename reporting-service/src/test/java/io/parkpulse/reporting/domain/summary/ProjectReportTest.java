package io.parkpulse.reporting.domain.summary;

import static io.parkpulse.reporting.domain.summary.Lines.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.parkpulse.common.projects.ProjectStage;
import io.parkpulse.common.projects.ScheduleRules;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ProjectReportTest {

    static final YearMonth APRIL = YearMonth.of(2025, 4);
    static final ScheduleRules.Thresholds THRESHOLDS =
            new ScheduleRules.Thresholds(BigDecimal.TEN, BigDecimal.valueOf(30), 3, 3, 3);

    static ProjectReport report(String stage, Integer planYear, YearMonth progressPeriod) {
        return new ProjectReport(
                "P1",
                "甲园区",
                "一号厂房",
                stage,
                null,
                d("1000"),
                d("300"),
                planYear,
                d("500"),
                d("120"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                progressPeriod,
                null);
    }

    @Test
    void unknownStageLeavesTheProjectOut() {
        assertNull(report("DEMOLISHED", 2025, APRIL).asOf(APRIL, THRESHOLDS));
    }

    @Test
    void thisYearsPlanAndReportCount() {
        SummaryProject p =
                report("UNDER_CONSTRUCTION", 2025, YearMonth.of(2025, 3)).asOf(APRIL, THRESHOLDS);
        assertEquals(ProjectStage.UNDER_CONSTRUCTION, p.stage());
        assertEquals(d("500"), p.yearPlan());
        assertEquals(d("120"), p.thisYear());
    }

    @Test
    void lastYearsPlanIsNoPlan() {
        assertNull(report("UNDER_CONSTRUCTION", 2024, APRIL)
                .asOf(APRIL, THRESHOLDS)
                .yearPlan());
    }

    // A report for May is after April's summary; one of last December is last year's investment.
    @Test
    void aReportAfterTheMonthOrOfLastYearIsNotThisYearsInvestment() {
        assertNull(report("UNDER_CONSTRUCTION", 2025, YearMonth.of(2025, 5))
                .asOf(APRIL, THRESHOLDS)
                .thisYear());
        assertNull(report("UNDER_CONSTRUCTION", 2025, YearMonth.of(2024, 12))
                .asOf(APRIL, THRESHOLDS)
                .thisYear());
    }

    @Test
    void noStageDateNoStatus() {
        assertNull(report("UNDER_CONSTRUCTION", 2025, APRIL)
                .asOf(APRIL, THRESHOLDS)
                .status());
    }
}
