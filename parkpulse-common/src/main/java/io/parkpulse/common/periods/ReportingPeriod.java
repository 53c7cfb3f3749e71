package io.parkpulse.common.periods;

import io.parkpulse.common.error.ProblemException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * A month {@code YYYY-MM}, a quarter {@code YYYY-Qn}, a half {@code YYYY-H1|H2} or a year {@code YYYY}.
 * Cumulative figures are reported year to date, so a longer period is read at its last month; counts
 * of things that happened (starts, problems raised) use every day from the first month to the last.
 */
public record ReportingPeriod(String text, YearMonth firstMonth, YearMonth lastMonth, YearMonth previousLastMonth) {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");
    private static final Pattern HALF = Pattern.compile("\\d{4}-H[12]");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    /**
     * Any period, for reads that accept all four forms. Every period of the platform, read or written,
     * is parsed here, so all of them share the syntax and the {@link DateBounds}.
     */
    public static ReportingPeriod parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest(
                    field,
                    "required",
                    "请填写报告期：YYYY-MM（月）、YYYY-Qn（季度）、YYYY-H1/H2（半年）或 YYYY（年）",
                    "name the period: YYYY-MM, YYYY-Qn, YYYY-H1/H2 or YYYY");
        }
        ReportingPeriod p = null;
        if (MONTH.matcher(text).matches()) {
            YearMonth m = month(text, field);
            p = new ReportingPeriod(text, m, m, m.minusMonths(1));
        } else if (QUARTER.matcher(text).matches()) {
            YearMonth m = quarter(text, field);
            p = new ReportingPeriod(text, m.minusMonths(2), m, m.minusMonths(3));
        } else if (HALF.matcher(text).matches()) {
            YearMonth m =
                    inRange(YearMonth.of(Integer.parseInt(text.substring(0, 4)), 6 * (text.charAt(6) - '0')), field);
            p = new ReportingPeriod(text, m.minusMonths(5), m, m.minusMonths(6));
        } else if (YEAR.matcher(text).matches()) {
            YearMonth m = inRange(YearMonth.of(Integer.parseInt(text), 12), field);
            p = new ReportingPeriod(text, m.minusMonths(11), m, m.minusYears(1));
        }
        if (p == null) {
            throw ProblemException.badRequest(
                    field,
                    "invalid_period",
                    "'" + abbreviate(text) + "' 不是报告期：请写作 YYYY-MM（月）、YYYY-Qn（季度）、YYYY-H1/H2（半年）或 YYYY（年）",
                    "'" + abbreviate(text) + "' is not a period: use YYYY-MM, YYYY-Qn, YYYY-H1/H2 or YYYY");
        }
        return p;
    }

    /** A month {@code YYYY-MM} alone, for what is reported monthly. */
    public static YearMonth month(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest(field, "required", "请填写月份，写作 YYYY-MM", "name the month as YYYY-MM");
        }
        if (MONTH.matcher(text).matches()) {
            int month = Integer.parseInt(text.substring(5));
            if (month >= 1 && month <= 12) {
                return inRange(YearMonth.of(Integer.parseInt(text.substring(0, 4)), month), field);
            }
        }
        throw ProblemException.badRequest(
                field,
                "invalid_period",
                "'" + abbreviate(text) + "' 不是月份：请写作 YYYY-MM，如 2026-06",
                "'" + abbreviate(text) + "' is not a month: use YYYY-MM, e.g. 2026-06");
    }

    /** A quarter {@code YYYY-Qn}, as its last month. */
    public static YearMonth quarter(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest(field, "required", "请填写季度，写作 YYYY-Qn", "name the quarter as YYYY-Qn");
        }
        if (!QUARTER.matcher(text).matches()) {
            throw ProblemException.badRequest(
                    field,
                    "invalid_quarter",
                    "'" + abbreviate(text) + "' 不是季度：请写作 YYYY-Qn，如 2026-Q2",
                    "'" + abbreviate(text) + "' is not a quarter: use YYYY-Qn, e.g. 2026-Q2");
        }
        return inRange(YearMonth.of(Integer.parseInt(text.substring(0, 4)), 3 * (text.charAt(6) - '0')), field);
    }

    private static YearMonth inRange(YearMonth last, String field) {
        if (!DateBounds.contains(last)) {
            throw DateBounds.periodOutOfRange(field);
        }
        return last;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    public LocalDate firstDay() {
        return firstMonth.atDay(1);
    }

    public LocalDate lastDay() {
        return lastMonth.atEndOfMonth();
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }
}
