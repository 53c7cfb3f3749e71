package io.parkpulse.reporting.domain.summary;

import io.parkpulse.common.figures.Figures;
import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator of one park, or summed over the city's active parks, for a month. Growth compares like
 * with like ({@code comparableNow} sums only the parks that also reported last year), completion only
 * the parks with a target ({@code targetedValue} against {@code annual}). {@code plannedGrowth} (in %) is
 * known for a single park only. {@code lastYearFull} is last December's year to date of the parks that
 * reported both it and last year's month, or null when one of the parks of {@code value} lacks either.
 * {@code quarterTarget} is the year-to-date target of the quarter that ends with the month (Q1–Q3), summed
 * over the parks that have one, against their {@code quarterTargetedValue}. {@code parks} counts the parks
 * in {@code value}, {@code parksCompared} those in {@code comparableNow}, {@code parksTargeted} those in
 * {@code targetedValue}.
 */
public record IndicatorLine(
        String code,
        String name,
        String unit,
        BigDecimal value,
        BigDecimal comparableNow,
        BigDecimal lastYear,
        BigDecimal targetedValue,
        BigDecimal annual,
        BigDecimal plannedGrowth,
        BigDecimal lastYearFull,
        BigDecimal quarterTargetedValue,
        BigDecimal quarterTarget,
        int parks,
        int parksCompared,
        int parksTargeted) {

    /** Growth on the same month last year in %, or null without a positive base. */
    public BigDecimal growth() {
        return Figures.growthPct(comparableNow, lastYear);
    }

    /**
     * 预计全年: this year to date scaled by the share of last year's total that the same months made up
     * (the seasonal shape), when every park of {@code value} also reported last year's month and December;
     * null otherwise, and in December, when the year is known.
     */
    public BigDecimal fullYearEstimate(int month) {
        if (month == 12 || lastYearFull == null || comparableNow == null || comparableNow.compareTo(value) != 0) {
            return null;
        }
        Figures.Estimate e =
                Figures.estimateFullYear(value, month, List.of(new Figures.YearShape(0, lastYear, lastYearFull)));
        return e == null || !"seasonal".equals(e.method()) ? null : e.value();
    }

    /** Completion of the quarter's (year-to-date) target in %, at a quarter's last month, or null. */
    public BigDecimal quarterCompletion() {
        return Figures.ratioPct(quarterTargetedValue, quarterTarget);
    }

    /** Completion of the annual target in %, or null without a target. */
    public BigDecimal completion() {
        return Figures.ratioPct(targetedValue, annual);
    }
}
