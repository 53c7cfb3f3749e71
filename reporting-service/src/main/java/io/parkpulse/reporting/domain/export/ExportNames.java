package io.parkpulse.reporting.domain.export;

import io.parkpulse.reporting.domain.Figure;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Set;

/**
 * How exports name figures, periods and files, in the words of the bureau's own reports: "工业总产值同比增速排名
 * （2026年1–10月）", a year-to-date figure named by its months, a stock by the month's end.
 */
public final class ExportNames {

    private static final String[] QUARTERS = {"第一季度", "第二季度", "第三季度", "第四季度"};

    /** Units of things counted whole: shown without decimals. */
    private static final Set<String> COUNTS = Set.of("家", "个", "人", "户", "项", "件", "次", "名");

    private ExportNames() {}

    /** "工业总产值", "工业总产值同比增速", "工业总产值目标完成率", "亩均税收". */
    public static String figureName(Figure.Kind kind, String indicatorName) {
        return switch (kind) {
            case VALUE -> indicatorName;
            case GROWTH -> indicatorName + "同比增速";
            case COMPLETION -> indicatorName + "目标完成率";
            case PER_MU -> "亩均" + indicatorName;
        };
    }

    /** The unit a figure is shown in: the indicator's, % for growth and completion, per mu for 亩均. */
    public static String unit(Figure.Kind kind, String indicatorUnit) {
        return switch (kind) {
            case VALUE -> indicatorUnit;
            case GROWTH, COMPLETION -> "%";
            case PER_MU -> indicatorUnit == null ? null : indicatorUnit + "/亩";
        };
    }

    /**
     * The cell format of a figure, as many decimals as it is computed with: growth and completion 2 (as reports
     * quote "16.33%"), per mu 4, amounts and quantities 2 with thousands separators, counts none.
     */
    public static String numberFormat(Figure.Kind kind, String indicatorUnit) {
        return switch (kind) {
            case GROWTH, COMPLETION -> "#,##0.00";
            case PER_MU -> "#,##0.0000";
            case VALUE -> indicatorUnit != null && COUNTS.contains(indicatorUnit) ? "#,##0" : "#,##0.00";
        };
    }

    /** A format with exactly the decimals the value has (weights such as 10 or 2.5). */
    public static String decimalsOf(BigDecimal value) {
        int scale = value == null ? 0 : Math.max(0, value.stripTrailingZeros().scale());
        return scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale);
    }

    /** "2026年10月". */
    public static String month(YearMonth m) {
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    /**
     * What a figure read at {@code lastMonth} covers: a flow's year to date "2026年1–10月" (January alone "2026年1月"),
     * a stock's month end "2026年10月末".
     */
    public static String coverage(YearMonth lastMonth, boolean stock) {
        if (stock) {
            return month(lastMonth) + "末";
        }
        return lastMonth.getMonthValue() == 1
                ? month(lastMonth)
                : lastMonth.getYear() + "年1–" + lastMonth.getMonthValue() + "月";
    }

    /** A period as a file name says it: "2026年10月", "2026年第三季度", "2026年上半年", "2026年". */
    public static String period(String text) {
        String year = text.substring(0, 4) + "年";
        if (text.length() == 4) {
            return year;
        }
        char kind = text.charAt(5);
        if (kind == 'Q') {
            return year + QUARTERS[text.charAt(6) - '1'];
        }
        if (kind == 'H') {
            return year + (text.charAt(6) == '1' ? "上半年" : "下半年");
        }
        return year + Integer.parseInt(text.substring(5, 7)) + "月";
    }
}
