package io.parkpulse.common.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Figures phrased the way park and bureau reports phrase them ("同比增长16.33%", "完成全年任务的45.67%",
 * "超时序进度3.5个百分点", "距任务双过半相差4.3个百分点"). Only numbers computed elsewhere go in.
 */
public final class Phrases {

    /** Amounts in 万元: 亿元 from 10 000 万元 on, with two decimals, as reports print totals. */
    public static String wanYuan(BigDecimal wan) {
        if (wan.abs().compareTo(BigDecimal.valueOf(10_000)) >= 0) {
            return wan.movePointLeft(4).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "亿元";
        }
        return wan.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "万元";
    }

    public static String amount(BigDecimal value, String unit) {
        return "万元".equals(unit) ? wanYuan(value) : value.stripTrailingZeros().toPlainString() + unit;
    }

    /** "同比增长4.2%" / "同比下降3.12%" / "同比持平". */
    public static String growth(BigDecimal pct) {
        if (pct == null) {
            return null;
        }
        int s = pct.signum();
        return s == 0 ? "同比持平" : (s > 0 ? "同比增长" : "同比下降") + pct.abs().toPlainString() + "%";
    }

    /** "超时序进度3.5个百分点" / "欠时序进度4.3个百分点". */
    public static String timeProgress(BigDecimal gapPts) {
        if (gapPts == null) {
            return null;
        }
        return (gapPts.signum() >= 0 ? "超时序进度" : "欠时序进度") + points(gapPts);
    }

    /** Points rounded to one decimal, as reports write them ("4.3个百分点"). */
    public static String points(BigDecimal pts) {
        return pts.abs().setScale(1, RoundingMode.HALF_UP).toPlainString() + "个百分点";
    }

    private Phrases() {
    }
}
