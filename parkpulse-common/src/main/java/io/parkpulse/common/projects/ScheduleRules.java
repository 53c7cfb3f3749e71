package io.parkpulse.common.projects;

import io.parkpulse.common.figures.Figures;
import io.parkpulse.common.figures.Phrases;
import io.parkpulse.common.periods.CityTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The battle-map colour (挂图作战) of a project as of a month, and the figures behind it. Each rule that
 * applies gives a colour and a reason; the project takes the worst. Thresholds come from
 * configuration ({@link Thresholds}); docs/projects.md states every rule.
 */
public final class ScheduleRules {

    public enum Colour {
        GREEN("绿"),
        YELLOW("黄"),
        RED("红"),
        NONE("无");

        public final String label;

        Colour(String label) {
            this.label = label;
        }
    }

    public record Thresholds(
            BigDecimal investmentYellowPoints,
            BigDecimal investmentRedPoints,
            int startRedMonths,
            int completionRedMonths,
            int stalledMonths) {}

    /** What the rules read about a project as of a month. Money in 万元; the year plan only if it is for that year. */
    public record Facts(
            ProjectStage stage,
            LocalDate stageSince,
            LocalDate plannedStart,
            LocalDate plannedCompletion,
            BigDecimal totalInvestment,
            BigDecimal yearPlannedInvestment,
            BigDecimal investmentCompleted,
            BigDecimal investmentThisYear,
            BigDecimal physicalProgress,
            YearMonth lastReport) {}

    public record Reason(String rule, Colour colour, String message) {}

    /**
     * 超/欠时序进度 as an exact fraction of points, {@code numerator / denominator} with a positive denominator:
     * the status shows it rounded to two decimals, which ties projects that are not equally behind.
     */
    public record Gap(BigDecimal numerator, BigDecimal denominator) implements Comparable<Gap> {

        /** Negative first: the most behind is the smallest. Compared by cross-multiplying, so without rounding. */
        @Override
        public int compareTo(Gap o) {
            return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
        }
    }

    public record Status(
            Colour colour,
            List<Reason> reasons,
            BigDecimal yearCompletionRate,
            BigDecimal overallCompletionRate,
            BigDecimal timeElapsed,
            BigDecimal investmentGapPoints,
            boolean stalled,
            Integer monthsWithoutProgress,
            boolean overdue,
            Integer monthsOverdue,
            BigDecimal physicalFinancialGapPoints) {}

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ScheduleRules() {}

    /**
     * The day a period ending in {@code lastMonth} is judged at: its last day, or today while it has not ended. Every
     * "overdue", "past due" and "stalled" of a period is decided on this day, so that a figure for the current month
     * does not count as late what is only due later this month, and a past month is not judged by what happened since.
     */
    public static LocalDate cutoff(YearMonth lastMonth, LocalDate today) {
        LocalDate end = lastMonth.atEndOfMonth();
        return end.isAfter(today) ? today : end;
    }

    /** {@link #cutoff(YearMonth, LocalDate)} with today in the city's time zone. */
    public static LocalDate cutoff(YearMonth lastMonth) {
        return cutoff(lastMonth, CityTime.today());
    }

    /** The status as of {@code asOf}, judged at its {@link #cutoff(YearMonth) cutoff}. */
    public static Status evaluate(Facts f, YearMonth asOf, Thresholds t) {
        return evaluate(f, asOf, cutoff(asOf), t);
    }

    /**
     * The status as of month {@code asOf}, judged on day {@code cutoff} (see {@link #cutoff(YearMonth, LocalDate)}):
     * the investment rule reads the year's time elapsed at {@code asOf}; the start, completion and stalled rules
     * read how late the project is on the cutoff.
     */
    public static Status evaluate(Facts f, YearMonth asOf, LocalDate cutoff, Thresholds t) {
        YearMonth judged = YearMonth.from(cutoff);
        List<Reason> reasons = new ArrayList<>();
        BigDecimal elapsed = percent(BigDecimal.valueOf(asOf.getMonthValue()), BigDecimal.valueOf(12));
        BigDecimal yearRate =
                f.yearPlannedInvestment() == null || f.yearPlannedInvestment().signum() == 0
                        ? null
                        : percent(orZero(f.investmentThisYear()), f.yearPlannedInvestment());
        BigDecimal overallRate =
                f.totalInvestment() == null || f.totalInvestment().signum() == 0
                        ? null
                        : percent(orZero(f.investmentCompleted()), f.totalInvestment());
        BigDecimal physicalGap = f.physicalProgress() == null || overallRate == null
                ? null
                : f.physicalProgress().subtract(overallRate);
        BigDecimal gap = null;
        boolean stalled = false;
        Integer monthsWithout = null;
        Integer monthsOverdue = null;

        switch (f.stage()) {
            case TERMINATED -> reasons.add(new Reason("terminated", Colour.NONE, "项目已终止"));
            case IN_PRODUCTION -> reasons.add(new Reason("production", Colour.GREEN, "项目已投产"));
            case SUSPENDED -> reasons.add(new Reason("suspended", Colour.RED, "项目自" + f.stageSince() + "起停工"));
            default -> {}
        }
        if (f.stage().isBeforeStart() && f.plannedStart() != null) {
            long late = months(YearMonth.from(f.plannedStart()), judged);
            if (late < 0) {
                reasons.add(new Reason("start", Colour.GREEN, "计划" + f.plannedStart() + "开工，未到时间"));
            } else if (late == 0) {
                reasons.add(new Reason("start", Colour.YELLOW, "计划本月开工，尚未开工"));
            } else {
                reasons.add(new Reason(
                        "start",
                        late >= t.startRedMonths() ? Colour.RED : Colour.YELLOW,
                        "逾期" + late + "个月未开工（计划" + f.plannedStart() + "）"));
            }
        }
        if (f.stage().isActive()
                && !f.stage().isBuilt()
                && f.plannedCompletion() != null
                && f.plannedCompletion().isBefore(cutoff)) {
            // Late from the day after the planned date, like a problem past its due date; the months count calendar
            // months, so a project due on the 15th and not done by the 30th is overdue, 0 months.
            long late = months(YearMonth.from(f.plannedCompletion()), judged);
            monthsOverdue = (int) late;
            reasons.add(new Reason(
                    "completion",
                    late >= t.completionRedMonths() ? Colour.RED : Colour.YELLOW,
                    late == 0
                            ? "已过计划竣工日期" + f.plannedCompletion() + "，尚未竣工"
                            : "超过计划竣工时间" + late + "个月未竣工（计划" + f.plannedCompletion() + "）"));
        }
        if (investmentRuleApplies(f)) {
            // From the exact ratio, not from the two rounded percentages: 1990 of 10000 by June is 30.10 behind either
            // way, but 7.5 of 18 by May is 41.67, where the rounded figures would say 41.66.
            gap = Figures.timeProgressGapPts(
                    orZero(f.investmentThisYear()), f.yearPlannedInvestment(), asOf.getMonthValue());
            BigDecimal behind = gap.negate();
            Colour c = behind.compareTo(t.investmentRedPoints()) > 0
                    ? Colour.RED
                    : behind.compareTo(t.investmentYellowPoints()) >= 0 ? Colour.YELLOW : Colour.GREEN;
            reasons.add(new Reason(
                    "investment", c, "年度投资完成率" + yearRate.toPlainString() + "%，" + Phrases.timeProgress(gap)));
        }
        if (f.stage() == ProjectStage.LAND_SUPPLIED || f.stage() == ProjectStage.UNDER_CONSTRUCTION) {
            YearMonth since = f.lastReport() != null ? f.lastReport() : YearMonth.from(f.stageSince());
            monthsWithout = (int) Math.max(0, months(since, judged));
            if (monthsWithout >= t.stalledMonths()) {
                stalled = true;
                reasons.add(new Reason("stalled", Colour.YELLOW, "连续" + monthsWithout + "个月无进展报告"));
            }
        }
        Colour colour = reasons.stream()
                .map(Reason::colour)
                .max(Comparator.comparingInt(ScheduleRules::severity))
                .orElse(Colour.GREEN);
        if (reasons.isEmpty()) {
            reasons.add(new Reason("none", Colour.GREEN, "无逾期：没有计划日期或年度计划可比对"));
        }
        return new Status(
                colour,
                reasons,
                yearRate,
                overallRate,
                elapsed,
                gap,
                stalled,
                monthsWithout,
                monthsOverdue != null,
                monthsOverdue,
                physicalGap);
    }

    /**
     * The investment gap of {@link #evaluate} before rounding, for ordering projects by how far behind they are:
     * 4800.6 and 4799.9 of 12000 by June are 9.995 and 10.0008 points behind, both shown as −10.00. Null where the
     * status has no gap.
     */
    public static Gap exactGap(Facts f, YearMonth asOf) {
        if (!investmentRuleApplies(f)) {
            return null;
        }
        // (this year ÷ plan − month ÷ 12) × 100 = 100 × (12 × this year − month × plan) ÷ (12 × plan)
        BigDecimal twelve = BigDecimal.valueOf(12);
        BigDecimal numerator = HUNDRED.multiply(twelve.multiply(orZero(f.investmentThisYear()))
                .subtract(BigDecimal.valueOf(asOf.getMonthValue()).multiply(f.yearPlannedInvestment())));
        return new Gap(numerator, twelve.multiply(f.yearPlannedInvestment()));
    }

    /** The investment rule judges a project building or built this year, against a positive plan for the year. */
    private static boolean investmentRuleApplies(Facts f) {
        return f.stage().isActive()
                && !f.stage().isBeforeStart()
                && f.yearPlannedInvestment() != null
                && f.yearPlannedInvestment().signum() > 0;
    }

    /** NONE (terminated) outranks the others so that a terminated project is never shown green. */
    private static int severity(Colour c) {
        return switch (c) {
            case GREEN -> 0;
            case YELLOW -> 1;
            case RED -> 2;
            case NONE -> 3;
        };
    }

    private static long months(YearMonth from, YearMonth to) {
        return ChronoUnit.MONTHS.between(from, to);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal orZero(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}
