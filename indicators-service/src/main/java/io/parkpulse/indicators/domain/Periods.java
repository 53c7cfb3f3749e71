package io.parkpulse.indicators.domain;

import io.parkpulse.common.error.ProblemException;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Pattern;

/** The base period is a calendar month, written {@code YYYY-MM}. */
public final class Periods {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    public static YearMonth month(String text, String field) {
        if (text == null || !MONTH.matcher(text).matches()) {
            throw ProblemException.badRequest(field, "invalid_period", "a month is written YYYY-MM, e.g. 2026-06");
        }
        try {
            YearMonth m = YearMonth.parse(text);
            if (m.getYear() < 2000) {
                throw ProblemException.badRequest(field, "invalid_period", "months before 2000 are not accepted");
            }
            return m;
        } catch (DateTimeException e) {
            throw ProblemException.badRequest(field, "invalid_period", "'" + text + "' is not a month");
        }
    }

    /** An inclusive month range from optional {@code from} and {@code to} query parameters, as comparable text. */
    public record Range(String from, String to) {
    }

    public static Range range(String from, String to) {
        String lo = from == null ? "0000-00" : month(from, "from").toString();
        String hi = to == null ? "9999-99" : month(to, "to").toString();
        if (lo.compareTo(hi) > 0) {
            throw ProblemException.badRequest("from", "invalid_range", "'from' is after 'to'");
        }
        return new Range(lo, hi);
    }

    public static YearMonth current() {
        return YearMonth.now(ZONE);
    }

    private Periods() {
    }
}
