package io.parkpulse.reporting.domain.summary;

import io.parkpulse.common.figures.Figures;
import java.math.BigDecimal;

/**
 * One indicator of one park, or summed over the city's active parks, for a month. Growth compares like
 * with like ({@code comparableNow} sums only the parks that also reported last year), completion only
 * the parks with a target ({@code targetedValue} against {@code annual}). {@code plannedGrowth} (in %) is
 * known for a single park only.
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
        BigDecimal plannedGrowth) {

    /** Growth on the same month last year in %, or null without a positive base. */
    public BigDecimal growth() {
        return Figures.growthPct(comparableNow, lastYear);
    }

    /** Completion of the annual target in %, or null without a target. */
    public BigDecimal completion() {
        return Figures.ratioPct(targetedValue, annual);
    }
}
