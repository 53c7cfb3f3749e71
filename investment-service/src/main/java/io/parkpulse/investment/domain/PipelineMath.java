package io.parkpulse.investment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The percentages the pipeline figures quote. Reports print them with two decimals, rounded half up, and leave
 * them empty (null) rather than dividing by zero.
 */
public final class PipelineMath {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PipelineMath() {}

    /** {@code part} as a percentage of {@code whole}; null when the whole is zero. */
    public static BigDecimal rate(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /** Completion of a count target in percent; null without a target or with a target of zero. */
    public static BigDecimal completion(long actual, Integer target) {
        return target == null ? null : rate(actual, target);
    }

    /** {@code part} as a percentage of {@code whole}; null when the whole is missing or zero. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole == null || whole.signum() == 0
                ? null
                : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    /** Growth in percent on a base ({@code now / before × 100 − 100}); null when the base is zero. */
    public static BigDecimal growth(BigDecimal now, BigDecimal before) {
        BigDecimal p = percent(now, before);
        return p == null ? null : p.subtract(HUNDRED);
    }

    /** How far above (positive) or below (negative) a completion percentage is from 100 %; null for null. */
    public static BigDecimal ahead(BigDecimal completion) {
        return completion == null ? null : completion.subtract(HUNDRED);
    }

    /** Whether a day, possibly null, lies within {@code from}..{@code to}, both included. */
    public static boolean between(LocalDate d, LocalDate from, LocalDate to) {
        return d != null && !d.isBefore(from) && !d.isAfter(to);
    }
}
