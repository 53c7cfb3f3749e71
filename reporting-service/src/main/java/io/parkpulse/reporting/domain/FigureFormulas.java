package io.parkpulse.reporting.domain;

import io.parkpulse.common.figures.Figures;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The formulas behind the figures parks are ranked and compared on. Each answers null when the base
 * is missing, zero or (for growth) negative, because a figure a park lacks the data for is absent,
 * never zero.
 */
public final class FigureFormulas {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private FigureFormulas() {}

    /** Growth on last year in %, 2 decimals half up; null unless last year's value is positive. */
    public static BigDecimal growth(BigDecimal now, BigDecimal lastYear) {
        if (now == null || lastYear == null || lastYear.signum() <= 0) {
            return null;
        }
        return now.multiply(HUNDRED).divide(lastYear, 2, RoundingMode.HALF_UP).subtract(HUNDRED);
    }

    /** Completion of the annual target in %, 2 decimals half up; null unless the target is positive. */
    public static BigDecimal completion(BigDecimal value, BigDecimal annualTarget) {
        if (value == null || annualTarget == null || annualTarget.signum() <= 0) {
            return null;
        }
        return value.multiply(HUNDRED).divide(annualTarget, 2, RoundingMode.HALF_UP);
    }

    /** Value per mu of developed land, 4 decimals half up; null unless the land is positive. */
    public static BigDecimal perMu(BigDecimal value, BigDecimal landMu) {
        if (value == null || landMu == null || landMu.signum() <= 0) {
            return null;
        }
        return value.divide(landMu, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP);
    }

    /** part / whole in %, 2 decimals half up (as {@code Figures.ratioPct}); null when nothing was signed. */
    public static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : Figures.ratioPct(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    /** A park's share of the city's total in %; null without a value or with a zero total. */
    public static BigDecimal share(BigDecimal value, BigDecimal total) {
        return value == null || total == null || total.signum() == 0 ? null : Figures.ratioPct(value, total);
    }

    /** Competition ranks (1, 2, 2, 4): equal values share a rank and the next rank skips. */
    public static Map<String, Integer> ranks(Map<String, BigDecimal> values, boolean ascending) {
        List<Map.Entry<String, BigDecimal>> sorted = new ArrayList<>(values.entrySet());
        Comparator<Map.Entry<String, BigDecimal>> byValue = Map.Entry.comparingByValue();
        sorted.sort(ascending ? byValue : byValue.reversed());
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            int rank = i + 1;
            if (i > 0 && sorted.get(i).getValue().compareTo(sorted.get(i - 1).getValue()) == 0) {
                rank = out.get(sorted.get(i - 1).getKey());
            }
            out.put(sorted.get(i).getKey(), rank);
        }
        return out;
    }
}
