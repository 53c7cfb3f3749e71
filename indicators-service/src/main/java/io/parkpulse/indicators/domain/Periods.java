package io.parkpulse.indicators.domain;

import io.parkpulse.common.error.ProblemException;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneId;

/** The base period is a calendar month, written {@code YYYY-MM}. */
public final class Periods {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public static YearMonth month(String text, String field) {
        if (text == null || !text.matches("\\d{4}-\\d{2}")) {
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

    public static YearMonth current() {
        return YearMonth.now(ZONE);
    }

    private Periods() {
    }
}
