package io.parkpulse.common.events.payload;

import java.math.BigDecimal;

/**
 * A park's target for one indicator and year, in the indicator's canonical {@code unit}. Quarterly
 * targets are year to date at the end of Q1, Q2 and Q3 (Q4's is the annual one); planned growth is
 * in percent.
 */
public record TargetState(
        String park,
        String indicator,
        int year,
        BigDecimal annual,
        BigDecimal q1,
        BigDecimal q2,
        BigDecimal q3,
        BigDecimal plannedGrowthPct,
        String unit,
        long version) {}
