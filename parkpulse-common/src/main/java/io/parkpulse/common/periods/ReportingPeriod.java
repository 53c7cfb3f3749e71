package io.parkpulse.common.periods;

import io.parkpulse.common.error.ProblemException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A month {@code YYYY-MM}, a quarter {@code YYYY-Qn}, a half {@code YYYY-H1|H2} or a year {@code YYYY}.
 * Cumulative figures are reported year to date, so a longer period is read at its last month; counts
 * of things that happened (starts, problems raised) use every day from the first month to the last.
 */
public record ReportingPeriod(String text, YearMonth firstMonth, YearMonth lastMonth, YearMonth previousLastMonth) {

    public static ReportingPeriod parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest(field, "required", "name the period: YYYY-MM, YYYY-Qn, YYYY-H1/H2 or YYYY");
        }
        try {
            if (text.matches("\\d{4}-\\d{2}")) {
                YearMonth m = YearMonth.parse(text);
                return new ReportingPeriod(text, m, m, m.minusMonths(1));
            }
            if (text.matches("\\d{4}-Q[1-4]")) {
                YearMonth m = YearMonth.of(Integer.parseInt(text.substring(0, 4)), 3 * (text.charAt(6) - '0'));
                return new ReportingPeriod(text, m.minusMonths(2), m, m.minusMonths(3));
            }
            if (text.matches("\\d{4}-H[12]")) {
                YearMonth m = YearMonth.of(Integer.parseInt(text.substring(0, 4)), 6 * (text.charAt(6) - '0'));
                return new ReportingPeriod(text, m.minusMonths(5), m, m.minusMonths(6));
            }
            if (text.matches("\\d{4}")) {
                YearMonth m = YearMonth.of(Integer.parseInt(text), 12);
                return new ReportingPeriod(text, m.minusMonths(11), m, m.minusYears(1));
            }
        } catch (RuntimeException e) {
            // falls through to the refusal below
        }
        throw ProblemException.badRequest(field, "invalid_period",
                "'" + text + "' is not a period: use YYYY-MM, YYYY-Qn, YYYY-H1/H2 or YYYY");
    }

    /** A month {@code YYYY-MM} alone, for what is reported monthly. */
    public static YearMonth month(String text, String field) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest(field, "required", "name the month as YYYY-MM");
        }
        if (text.matches("\\d{4}-\\d{2}")) {
            try {
                return YearMonth.parse(text);
            } catch (RuntimeException e) {
                // falls through to the refusal below
            }
        }
        throw ProblemException.badRequest(field, "invalid_period", "'" + text + "' is not a month: use YYYY-MM");
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
