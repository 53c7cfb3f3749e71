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

    /** A percentage stated in the text against the platform's, both in %. */
    public static Check percent(String kind, BigDecimal stated, BigDecimal platform) {
        if (stated == null) {
            return null;
        }
        if (platform == null) {
            return new Check(kind, stated, null, null, false);
        }
        BigDecimal allowed =
                new BigDecimal("0.5").movePointLeft(Math.max(0, stated.scale())).add(PLATFORM_ROUNDING);
        BigDecimal diff = stated.subtract(platform);
        return new Check(kind, stated, platform, diff, diff.abs().compareTo(allowed) > 0);
    }
}
