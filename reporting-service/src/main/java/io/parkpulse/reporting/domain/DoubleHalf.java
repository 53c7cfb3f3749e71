package io.parkpulse.reporting.domain;

import java.math.BigDecimal;

/**
 * 双过半 at the end of June: at least half the annual target done and growth at least the planned
 * growth. The gaps are signed points (negative = short of it), unrounded beyond their inputs' 2
 * decimals; a missing growth or plan leaves the growth condition out rather than failing it.
 */
public record DoubleHalf(boolean met, BigDecimal completionGapPoints, BigDecimal growthGapPoints) {

    private static final BigDecimal HALF = BigDecimal.valueOf(50);

    public static DoubleHalf of(BigDecimal completionPct, BigDecimal growthPct, BigDecimal plannedGrowthPct) {
        BigDecimal halfGap = completionPct.subtract(HALF);
        BigDecimal growthGap =
                growthPct == null || plannedGrowthPct == null ? null : growthPct.subtract(plannedGrowthPct);
        return new DoubleHalf(
                halfGap.signum() >= 0 && (growthGap == null || growthGap.signum() >= 0), halfGap, growthGap);
    }
}
