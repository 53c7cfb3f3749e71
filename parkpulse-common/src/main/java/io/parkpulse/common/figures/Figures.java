package io.parkpulse.common.figures;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The arithmetic every report in this field uses, in exact decimals. Percentages and percentage
 * points are rounded half-up to two decimals at the end, never in between.
 */
public final class Figures {

    static final MathContext MC = MathContext.DECIMAL64;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** 同比增长: (current ÷ base − 1) × 100. Null when there is no base or it is not positive (a loss). */
    public static BigDecimal growthPct(BigDecimal current, BigDecimal base) {
        if (current == null || base == null || base.signum() <= 0) {
            return null;
        }
        return current.divide(base, MC)
                .subtract(BigDecimal.ONE)
                .multiply(HUNDRED)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** value ÷ reference × 100 (完成率). Null without a positive reference. */
    public static BigDecimal ratioPct(BigDecimal value, BigDecimal reference) {
        if (value == null || reference == null || reference.signum() <= 0) {
            return null;
        }
        return value.divide(reference, MC).multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    /** 时序进度 after month N: N ÷ 12 × 100. */
    public static BigDecimal timeElapsedPct(int month) {
        return BigDecimal.valueOf(month).multiply(HUNDRED).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
    }

    /**
     * 超/欠时序进度 in percentage points: completion − N/12, from the unrounded ratio (1–5月 45.2 %
     * against 41.67 % → +3.53).
     */
    public static BigDecimal timeProgressGapPts(BigDecimal value, BigDecimal annualTarget, int month) {
        if (value == null || annualTarget == null || annualTarget.signum() <= 0) {
            return null;
        }
        BigDecimal completion = value.divide(annualTarget, MC).multiply(HUNDRED);
        BigDecimal elapsed = BigDecimal.valueOf(month).multiply(HUNDRED).divide(BigDecimal.valueOf(12), MC);
        return completion.subtract(elapsed).setScale(2, RoundingMode.HALF_UP);
    }

    /** a − b in percentage points, both already percentages. */
    public static BigDecimal pointsGap(BigDecimal a, BigDecimal b) {
        if (a == null || b == null) {
            return null;
        }
        return a.subtract(b).setScale(2, RoundingMode.HALF_UP);
    }

    /** a ÷ b to {@code scale} decimals; null when either is missing or b is zero. */
    public static BigDecimal divide(BigDecimal a, BigDecimal b, int scale) {
        if (a == null || b == null || b.signum() == 0) {
            return null;
        }
        return a.divide(b, scale, RoundingMode.HALF_UP);
    }

    /** One earlier year: its year-to-date figure at the month in question and its full-year figure. */
    public record YearShape(int year, BigDecimal atMonth, BigDecimal fullYear) {}

    public record Estimate(BigDecimal value, String method, BigDecimal shareOfYearPct, List<Integer> basedOnYears) {}

    /**
     * 预计全年: the year to date divided by the share of the year that the same months made up in
     * earlier years (the seasonal shape, averaged over the years given). Without history it falls
     * back, visibly, to a straight-line projection (year to date × 12 ÷ N).
     */
    public static Estimate estimateFullYear(BigDecimal ytd, int month, List<YearShape> history) {
        if (ytd == null) {
            return null;
        }
        if (month == 12) {
            return new Estimate(ytd, "actual", HUNDRED.setScale(2), List.of());
        }
        BigDecimal shareSum = BigDecimal.ZERO;
        List<Integer> years = new java.util.ArrayList<>();
        for (YearShape y : history) {
            if (y.atMonth() != null
                    && y.fullYear() != null
                    && y.fullYear().signum() > 0
                    && y.atMonth().signum() > 0) {
                shareSum = shareSum.add(y.atMonth().divide(y.fullYear(), MC));
                years.add(y.year());
            }
        }
        if (years.isEmpty()) {
            BigDecimal linear =
                    ytd.multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(month), 2, RoundingMode.HALF_UP);
            return new Estimate(linear, "linear", timeElapsedPct(month), List.of());
        }
        BigDecimal share = shareSum.divide(BigDecimal.valueOf(years.size()), MC);
        return new Estimate(
                ytd.divide(share, 2, RoundingMode.HALF_UP),
                "seasonal",
                share.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP),
                List.copyOf(years));
    }

    private Figures() {}
}
