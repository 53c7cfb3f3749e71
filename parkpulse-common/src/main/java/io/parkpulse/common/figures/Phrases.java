package io.parkpulse.common.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * Figures phrased the way park and bureau reports phrase them ("同比增长16.33%", "完成全年任务的45.67%",
 * "超时序进度3.5个百分点", "距任务双过半相差4.3个百分点"). Only numbers computed elsewhere go in.
 */
public final class Phrases {

    /** Amounts in 万元: 亿元 from 10 000 万元 on, with two decimals, as reports print totals. */
    public static String wanYuan(BigDecimal wan) {
        if (wan.abs().compareTo(BigDecimal.valueOf(10_000)) >= 0) {
            return wan.movePointLeft(4)
                            .setScale(2, RoundingMode.HALF_UP)
                            .stripTrailingZeros()
                            .toPlainString() + "亿元";
        }
        return wan.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "万元";
    }

    /** Units that reports count in 万 once a figure reaches ten thousand ("2.35万人", "1.2万吨标准煤"). */
    static final Set<String> TEN_THOUSANDS = Set.of("吨标准煤", "吨", "平方米", "人");

    /** Other units to at most two decimals ("34家", "1.5万平方米"). */
    public static String amount(BigDecimal value, String unit) {
        if ("万元".equals(unit)) {
            return wanYuan(value);
        }
        if (unit.startsWith("万") && !"万元".equals(unit) && value.abs().compareTo(BigDecimal.valueOf(10_000)) >= 0) {
            // 10,000 of a 万-unit is one 亿 of it: "31.64亿美元", "2.5亿千瓦时", as reports write them.
            return plain(value.movePointLeft(4)) + "亿" + unit.substring(1);
        }
        if (TEN_THOUSANDS.contains(unit) && value.abs().compareTo(BigDecimal.valueOf(10_000)) >= 0) {
            return plain(value.movePointLeft(4)) + "万" + unit;
        }
        return plain(value) + unit;
    }

    private static String plain(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A count against last year as reports state it: "较上年同期净增5家", "净减2家", "与上年同期持平". */
    public static String netChange(BigDecimal difference, String unit) {
        int sign = difference.signum();
        if (sign == 0) {
            return "与上年同期持平";
        }
        return "较上年同期净" + (sign > 0 ? "增" : "减") + amount(difference.abs(), unit);
    }

    /** The months a year-to-date figure covers: "1月", "1–6月". */
    public static String months(java.time.YearMonth m) {
        return m.getMonthValue() == 1 ? "1月" : "1–" + m.getMonthValue() + "月";
    }

    /** "完成全年任务的45.67%". */
    public static String completion(BigDecimal pct) {
        return pct == null ? null : "完成全年任务的" + pct.toPlainString() + "%";
    }

    /** A percentage as reports print it: "12%", "4.2%". */
    public static String percent(BigDecimal pct) {
        return pct.stripTrailingZeros().toPlainString() + "%";
    }

    /**
     * 双过半 at the end of June, phrased: completion ≥ 50 % and growth ≥ the planned growth
     * ("实现时间过半、任务过半", or "距任务双过半相差4.3个百分点,距计划增速12%相差7.8个百分点").
     */
    public static DoubleHalf doubleHalf(BigDecimal completion, BigDecimal growth, BigDecimal planned) {
        BigDecimal completionGap =
                BigDecimal.valueOf(50).subtract(completion).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        BigDecimal growthGap = planned == null || growth == null
                ? null
                : planned.subtract(growth).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        boolean met =
                completionGap.signum() == 0 && (planned == null || (growthGap != null && growthGap.signum() == 0));
        StringBuilder text = new StringBuilder(met ? "实现时间过半、任务过半" : "");
        if (completionGap.signum() > 0) {
            text.append("距任务双过半相差").append(points(completionGap));
        }
        if (growthGap != null && growthGap.signum() > 0) {
            text.append(text.isEmpty() ? "" : ",")
                    .append("距计划增速")
                    .append(percent(planned))
                    .append("相差")
                    .append(points(growthGap));
        }
        return new DoubleHalf(met, completionGap, growthGap, text.toString());
    }

    public record DoubleHalf(boolean met, BigDecimal completionGapPts, BigDecimal growthGapPts, String text) {}

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

    private Phrases() {}
}
