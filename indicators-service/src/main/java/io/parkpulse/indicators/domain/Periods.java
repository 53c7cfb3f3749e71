package io.parkpulse.indicators.domain;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.periods.ReportingPeriod;
import java.time.YearMonth;
import java.time.ZoneId;

/** The base period is a calendar month, written {@code YYYY-MM}. */
public final class Periods {

    public static final ZoneId ZONE = CityTime.ZONE;

    /** A month {@code YYYY-MM} within the platform's calendar ({@link ReportingPeriod#month}). */
    public static YearMonth month(String text, String field) {
        return ReportingPeriod.month(text, field);
    }

    /**
     * An inclusive month range from optional {@code from} and {@code to} query parameters, as comparable
     * text; each end given is held to the platform's calendar ({@link ReportingPeriod#month}).
     */
    public record Range(String from, String to) {}

    public static Range range(String from, String to) {
        String lo = from == null ? "0000-00" : month(from, "from").toString();
        String hi = to == null ? "9999-99" : month(to, "to").toString();
        if (lo.compareTo(hi) > 0) {
            throw ProblemException.badRequest(
                    "from",
                    "invalid_range",
                    "起始月份 from（" + lo + "）晚于截止月份 to（" + hi + "）",
                    "'from' (" + lo + ") is after 'to' (" + hi + ")");
        }
        return new Range(lo, hi);
    }

    /** A month as a Chinese message writes it: 2026年9月. */
    public static String chinese(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    /** A quarter {@code YYYY-Qn} as a Chinese message writes it (2026年第三季度); other text as it is. */
    public static String chineseQuarter(String quarter) {
        if (quarter == null || !quarter.matches("\\d{4}-Q[1-4]")) {
            return quarter;
        }
        return quarter.substring(0, 4) + "年第" + "一二三四".charAt(quarter.charAt(6) - '1') + "季度";
    }

    public static YearMonth current() {
        return CityTime.thisMonth();
    }

    private Periods() {}
}
