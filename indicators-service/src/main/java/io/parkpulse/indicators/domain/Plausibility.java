package io.parkpulse.indicators.domain;

import io.parkpulse.common.figures.Figures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * When a value is suspicious enough to be stored but reviewed. Thresholds are percentages of change
 * (configurable, see docs/indicators.md):
 * <ul>
 * <li>against last month — for a cumulative indicator the month alone against the previous month
 * alone, for a stock the value itself;</li>
 * <li>against the same month last year — the year-to-date (or stock) value.</li>
 * </ul>
 */
public final class Plausibility {

    public record Thresholds(BigDecimal monthJumpPct, BigDecimal stockJumpPct, BigDecimal yearJumpPct) {}

    public record Finding(String reason, String message) {}

    public static List<Finding> check(
            Indicator i,
            BigDecimal value,
            BigDecimal monthAlone,
            BigDecimal previousComparable,
            BigDecimal sameMonthLastYear,
            Thresholds t) {
        List<Finding> out = new ArrayList<>();
        BigDecimal current = i.isCumulative() ? monthAlone : value;
        BigDecimal limit = i.isCumulative() ? t.monthJumpPct() : t.stockJumpPct();
        BigDecimal change = Figures.growthPct(current, previousComparable);
        if (change != null && change.abs().compareTo(limit) > 0) {
            out.add(new Finding(
                    "jump_vs_previous_month",
                    (i.isCumulative() ? "本月" : "") + i.nameZh + "较上月变动" + change.toPlainString() + "%,超过"
                            + limit.toPlainString() + "%的核查阈值"));
        }
        BigDecimal yoy = Figures.growthPct(value, sameMonthLastYear);
        if (yoy != null && yoy.abs().compareTo(t.yearJumpPct()) > 0) {
            out.add(new Finding(
                    "jump_vs_last_year",
                    i.nameZh + "同比变动" + yoy.toPlainString() + "%,超过"
                            + t.yearJumpPct().toPlainString() + "%的核查阈值"));
        }
        return out;
    }

    private Plausibility() {}
}
