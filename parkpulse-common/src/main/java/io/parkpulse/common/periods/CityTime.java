package io.parkpulse.common.periods;

import io.parkpulse.common.error.ProblemException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** The city's calendar: "today" and "this month" are judged in China Standard Time, whatever the server's zone. */
public final class CityTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CityTime() {}

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static YearMonth thisMonth() {
        return YearMonth.now(ZONE);
    }

    /** Refuses a date that has not come yet (a signing, a transition, a resolution is reported after it happened). */
    public static LocalDate notInFuture(LocalDate day, String field) {
        LocalDate today = today();
        if (day.isAfter(today)) {
            throw ProblemException.unprocessable(
                    field,
                    "future_date",
                    field + " " + day + " 是将来的日期（今天是 " + today + "）：只能填写已经发生的日期",
                    field + " " + day + " is in the future (today is " + today + ")");
        }
        return day;
    }
}
