package io.parkpulse.reporting.domain.summary;

import static io.parkpulse.reporting.domain.summary.Lines.d;
import static io.parkpulse.reporting.domain.summary.Lines.line;
import static io.parkpulse.reporting.domain.summary.Lines.tax;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProblemSectionTest {

    static final YearMonth APRIL = YearMonth.of(2025, 4);

    // 3000 ÷ 6250 = 0.48: 52 % down; 3000 of 12000 is 25 %, 8.33 points behind four months' 33.33 %.
    @Test
    void fallAndLagAreTwoPoints() {
        assertEquals(
                List.of("税收收入同比下降52.00%。", "税收收入完成全年任务的25.00%，欠时序进度8.3个百分点。"),
                ProblemSection.points(List.of(tax("3000", "6250", "12000")), List.of(), List.of(), APRIL, false, 3));
    }

    @Test
    void growthAndAheadOfScheduleAreNoProblem() {
        assertEquals(List.of(), ProblemSection.falls(List.of(tax("5000", "4000", "12000"))));
        assertEquals(List.of(), ProblemSection.behind(tax("5000", "4000", "12000"), APRIL));
    }

    @Test
    void aFallOfABetterLowerIndicatorIsNoProblem() {
        IndicatorLine energy = line("energy_consumption", "综合能耗", "吨标准煤", "900", "1000", "12000", null);
        assertEquals(List.of(), ProblemSection.falls(List.of(energy)));
        assertEquals(List.of(), ProblemSection.behind(energy, APRIL));
    }

    @Test
    void aStockBehindItsTargetIsNoLag() {
        assertEquals(
                List.of(), ProblemSection.behind(line("employees", "从业人员", "人", "100", null, "2000", null), APRIL));
    }

    // 90 of 100 and 80 of 100: down 10 % and 20 %.
    @Test
    void twoOrThreeFallsShareOneSentence() {
        assertEquals(
                List.of("工业总产值、税收收入同比分别下降10.00%、20.00%。"),
                ProblemSection.falls(List.of(
                        line("industrial_output", "工业总产值", "万元", "90", "100", null, null),
                        line("tax_revenue", "税收收入", "万元", "80", "100", null, null))));
    }

    // Eleven falls of 1 % … 11 %: the first three named, the count, the largest.
    @Test
    void manyFallsAreCountedWithTheLargestNamed() {
        List<IndicatorLine> lines = IntStream.rangeClosed(1, 11)
                .mapToObj(i -> line("i" + i, "指标" + i, "万元", Integer.toString(100 - i), "100", null, null))
                .toList();
        assertEquals(List.of("指标1、指标2、指标3等11项指标同比下降，降幅最大的是指标11（同比下降11.00%）。"), ProblemSection.falls(lines));
    }

    @Test
    void aParkThatReportedNothingIsNotToldItsIndicatorsAreOnSchedule() {
        assertEquals(
                List.of(ProblemSection.PARK_NO_DATA),
                ProblemSection.points(List.of(), List.of(), List.of(), APRIL, false, 3));
    }

    @Test
    void parkWithoutProblemsSaysSo() {
        assertEquals(
                List.of(ProblemSection.PARK_NONE),
                ProblemSection.points(List.of(tax("5000", "4000", "12000")), List.of(), List.of(), APRIL, false, 3));
    }

    @Test
    void cityWithoutProblemsHasNoPoints() {
        assertEquals(List.of(), ProblemSection.points(List.of(), List.of(), List.of(), APRIL, true, 3));
    }

    // Due 2025-04-15 is before the month's end (04-30): overdue; due 05-10 is not.
    @Test
    void openProblemsCountTheOverdue() {
        List<OpenProblem> open = List.of(
                new OpenProblem("P1", "甲园区", "一号厂房", "缺电", "供电公司", LocalDate.of(2025, 4, 15)),
                new OpenProblem("P1", "甲园区", "二号厂房", null, null, LocalDate.of(2025, 5, 10)));
        assertEquals(
                List.of("项目建设中尚未解决的问题2个，其中超过办结时限1个：一号厂房，缺电（责任单位：供电公司）（已逾期，要求2025-04-15前解决）；二号厂房，问题。"),
                ProblemSection.points(List.of(), List.of(), open, APRIL, false, 3));
    }

    @Test
    void cityPointsNameThePark() {
        List<OpenProblem> open = List.of(new OpenProblem("P1", "甲园区", "一号厂房", "缺电", null, null));
        assertEquals(
                List.of("项目建设中尚未解决的问题1个：甲园区·一号厂房，缺电。"),
                ProblemSection.points(List.of(), List.of(), open, APRIL, true, 3));
    }

    @Test
    void notReportedNamesTheSilentParks() {
        List<ParkInfo> parks = List.of(new ParkInfo("A", "甲园区", null), new ParkInfo("B", "乙园区", null));
        assertEquals(List.of("4月未报送经济指标的园区1个：乙园区。"), ProblemSection.notReported(parks, Set.of("A"), APRIL));
    }

    @Test
    void everyParkReportedIsNoPoint() {
        assertEquals(
                List.of(), ProblemSection.notReported(List.of(new ParkInfo("A", "甲园区", null)), Set.of("A"), APRIL));
    }

    // Ten names, then "等N个" with the full count.
    @Test
    void longListsStopAfterTenNames() {
        List<ParkInfo> parks = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> new ParkInfo("P" + i, "园区" + i, null))
                .toList();
        assertEquals(
                List.of("4月未报送经济指标的园区12个：园区1；园区2；园区3；园区4；园区5；园区6；园区7；园区8；园区9；园区10等12个。"),
                ProblemSection.notReported(parks, Set.of(), APRIL));
    }

    // Of 12000: 3000 is 25 % (8.3 points behind), 2400 is 20 % (13.3 behind), 6000 is 50 % (ahead, not listed).
    @Test
    void behindParksMostBehindFirstInCatalogOrder() {
        List<BehindPark> targeted = List.of(
                new BehindPark("tax_revenue", "税收收入", "甲园区", d("3000"), d("12000")),
                new BehindPark("tax_revenue", "税收收入", "乙园区", d("2400"), d("12000")),
                new BehindPark("tax_revenue", "税收收入", "丙园区", d("6000"), d("12000")),
                new BehindPark("industrial_output", "工业总产值", "甲园区", d("1000"), d("12000")),
                new BehindPark("employees", "从业人员", "甲园区", d("1"), d("12000")));
        assertEquals(
                List.of("工业总产值欠时序进度的园区1个：甲园区（25.0个百分点）。", "税收收入欠时序进度的园区2个：乙园区（13.3个百分点）；甲园区（8.3个百分点）。"),
                ProblemSection.behindParks(targeted, APRIL));
    }
}
