package io.parkpulse.common.figures;

import java.math.BigDecimal;

/**
 * 重大项目: the thresholds of a major project (亿元以上) and a very large one (5亿元以上), in 万元, on the amount that
 * counts — the contracted investment once signed, the intended one before. investment-service marks its leads with
 * them and reporting-service counts a report's 新签约重大项目 with them: one definition, or the two would disagree.
 */
public final class MajorProjects {

    public static final BigDecimal MAJOR_WAN = new BigDecimal("10000");

    public static final BigDecimal MAJOR_5_WAN = new BigDecimal("50000");

    private MajorProjects() {}

    public static boolean major(BigDecimal amountWan) {
        return amountWan != null && amountWan.compareTo(MAJOR_WAN) >= 0;
    }

    public static boolean major5(BigDecimal amountWan) {
        return amountWan != null && amountWan.compareTo(MAJOR_5_WAN) >= 0;
    }
}
