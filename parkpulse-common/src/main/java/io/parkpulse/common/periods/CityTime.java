package io.parkpulse.common.periods;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/** The city's calendar: "today" and "this month" are judged in China Standard Time, whatever the server's zone. */
public final class CityTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CityTime() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public static YearMonth thisMonth() {
        return YearMonth.now(ZONE);
    }
}
