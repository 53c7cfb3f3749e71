package io.parkpulse.reporting.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.parkpulse.common.figures.Phrases;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

/** Numbers and words as the bureau's reports print them, for the console's tables and cards. */
final class Views {

    private Views() {}

    static BigDecimal decimal(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.decimalValue();
    }

    /** "46.25亿元", "34家"; a dash where there is no value. */
    static String amount(JsonNode value, String unit) {
        BigDecimal v = decimal(value);
        return v == null ? "—" : Phrases.amount(v, unit == null ? "" : unit);
    }

    /** "+2.74%", "−1.20%", "—". */
    static String signedPct(JsonNode pct) {
        BigDecimal v = decimal(pct);
        if (v == null) {
            return "—";
        }
        return (v.signum() > 0 ? "+" : v.signum() < 0 ? "−" : "") + v.abs().toPlainString() + "%";
    }

    /** The report's figure minus the platform's, signed: "+500万元", "−2个"; a dash where there is none. */
    static String signedAmount(BigDecimal difference, String unit) {
        if (difference == null) {
            return "—";
        }
        return sign(difference) + Phrases.amount(difference.abs(), unit == null ? "" : unit);
    }

    /** Percentage points, signed, with the digits they have: "−20.8个百分点". */
    static String signedPoints(BigDecimal difference) {
        if (difference == null) {
            return "—";
        }
        return sign(difference) + difference.abs().stripTrailingZeros().toPlainString() + "个百分点";
    }

    private static String sign(BigDecimal v) {
        return v.signum() > 0 ? "+" : v.signum() < 0 ? "−" : "";
    }

    static String pct(JsonNode pct) {
        BigDecimal v = decimal(pct);
        return v == null ? "—" : v.toPlainString() + "%";
    }

    /** The CSS class of a change: up is good for most indicators, so it is green as in the reports' charts. */
    static String trend(JsonNode pct) {
        BigDecimal v = decimal(pct);
        return v == null || v.signum() == 0 ? "flat" : v.signum() > 0 ? "up" : "down";
    }

    static String gap(JsonNode pts) {
        BigDecimal v = decimal(pts);
        return v == null ? "—" : Phrases.timeProgress(v);
    }

    /** "2026年10月", "2026年第三季度". */
    static String month(YearMonth m) {
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    static final Map<String, String> COMPLETENESS = Map.of(
            "ON_TIME", "按时报送",
            "LATE", "逾期报送",
            "OVERDUE", "逾期未报齐",
            "INCOMPLETE", "未报齐（未到截止日）");

    static final Map<String, String> COLOURS = Map.of("RED", "红灯", "YELLOW", "黄灯", "GREEN", "绿灯", "NONE", "未评价");

    static final Map<String, String> FIGURE_KINDS =
            Map.of("value", "累计值", "growth", "同比增速", "completion", "目标完成率", "perMu", "亩均");
}
