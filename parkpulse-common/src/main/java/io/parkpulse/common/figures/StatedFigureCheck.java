package io.parkpulse.common.figures;

import java.math.BigDecimal;

/**
 * Whether what a narrative report says agrees with what the platform computes from the stored values and targets, allowing
 * for the report's rounding: "增长4.2%" agrees with anything from 4.15 to 4.25 (the platform's own figure is itself
 * rounded to two decimals, so half a hundredth more is allowed); a value allows half a unit of its last written digit.
 * Shared because indicators-service checks a draft against its stored values and reporting-service checks the
 * figures other services own against its read model: both must call the same difference a disagreement.
 */
public final class StatedFigureCheck {

    /** {@code kind}: value, growth or completion; {@code platform} null when the platform has no figure. */
    public record Check(
            String kind, BigDecimal stated, BigDecimal platform, BigDecimal difference, boolean disagrees) {}

    private static final BigDecimal PLATFORM_ROUNDING = new BigDecimal("0.005");

    private StatedFigureCheck() {}

    public static Check value(BigDecimal stated, BigDecimal rounding, BigDecimal stored) {
        if (stored == null) {
            return new Check("value", stated, null, null, false);
        }
        BigDecimal diff = stated.subtract(stored);
        return new Check("value", stated, stored, diff, diff.abs().compareTo(rounding) > 0);
    }

    /** A percentage stated in the text against the platform's, both in %, the text's rounding read from its digits. */
    public static Check percent(String kind, BigDecimal stated, BigDecimal platform) {
        return percent(kind, stated, rounding(stated), platform);
    }

    /**
     * The same with the text's rounding as the reader recorded it: "增长4.0%" allows 0.05, but once the figure has
     * been through JSON it reads 4, which would allow 0.5. Null {@code rounding}: read it from {@code stated}.
     */
    public static Check percent(String kind, BigDecimal stated, BigDecimal rounding, BigDecimal platform) {
        if (stated == null) {
            return null;
        }
        if (platform == null) {
            return new Check(kind, stated, null, null, false);
        }
        BigDecimal allowed = (rounding != null ? rounding : rounding(stated)).add(PLATFORM_ROUNDING);
        BigDecimal diff = stated.subtract(platform);
        return new Check(kind, stated, platform, diff, diff.abs().compareTo(allowed) > 0);
    }

    /** Half a unit of the last digit written: "4.2" → 0.05, "4.20" → 0.005, "4" → 0.5. Null for null. */
    public static BigDecimal rounding(BigDecimal written) {
        return written == null ? null : new BigDecimal("0.5").movePointLeft(Math.max(0, written.scale()));
    }
}
