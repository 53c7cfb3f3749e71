package io.parkpulse.common.periods;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The calendar the platform accepts. Reporting periods (months, quarters, halves, years) run from
 * January 2000 to December of next year: nothing is reported before the parks' statistics systems
 * existed, and next year's targets are the furthest anyone plans. Calendar dates in bodies may lie
 * further ahead (a project's planned completion can be years away) but stay within this century;
 * each rule about dates that have already happened (signed, held, raised) adds its own "not in the
 * future" check on top.
 */
public final class DateBounds {

    public static final YearMonth EARLIEST_MONTH = YearMonth.of(2000, 1);
    public static final LocalDate EARLIEST_DAY = EARLIEST_MONTH.atDay(1);
    public static final LocalDate LATEST_DAY = LocalDate.of(2099, 12, 31);

    private DateBounds() {}

    /** December of next year, judged in the city's time zone. */
    public static YearMonth latestMonth() {
        return YearMonth.of(CityTime.thisMonth().getYear() + 1, 12);
    }

    public static boolean contains(LocalDate day) {
        return !day.isBefore(EARLIEST_DAY) && !day.isAfter(LATEST_DAY);
    }

    public static boolean contains(YearMonth month) {
        return !month.isBefore(EARLIEST_MONTH) && !month.isAfter(latestMonth());
    }

    /** The rule for dates, as a refusal says it. */
    public static String rule() {
        return "a date between " + EARLIEST_DAY + " and " + LATEST_DAY;
    }

    /** The rule for periods, as a refusal says it to users. */
    public static String periodRuleZh() {
        return "报告期应在 " + EARLIEST_MONTH + " 至 " + latestMonth() + " 之间";
    }

    /** The same in English, for clients that ask for it. */
    public static String periodRule() {
        return "periods run from " + EARLIEST_MONTH + " to " + latestMonth();
    }
}
