package io.parkpulse.common.periods;

import io.parkpulse.common.error.ProblemException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The calendar the platform accepts, one rule for every date, month, quarter, half and year that a
 * request carries in its body, path or query.
 *
 * <p>By default a value lies between January 2000 and December of next year: nothing is reported
 * before the parks' statistics systems existed, and next year's targets and plans are the furthest
 * anyone reports ahead. Reporting periods always follow that default. A date field that may reach
 * further says so with {@link DateRange} and a comment giving the reason (a project's planned
 * completion can be years away); rules about things that have already happened (signed, held,
 * raised) add their own "not in the future" check on top.
 *
 * <p>{@link #EARLIEST_DAY} to {@link #LATEST_DAY} is the outer bound nothing may leave, whatever a
 * field allows: it is also what events and stored documents are read against, since they were
 * checked against the field's own rule when the request came in, and a consumer must not refuse an
 * event its producer accepted.
 */
public final class DateBounds {

    public static final int EARLIEST_YEAR = 2000;
    public static final int DEFAULT_YEARS_AHEAD = 1;
    public static final YearMonth EARLIEST_MONTH = YearMonth.of(EARLIEST_YEAR, 1);
    public static final LocalDate EARLIEST_DAY = EARLIEST_MONTH.atDay(1);
    public static final LocalDate LATEST_DAY = LocalDate.of(2099, 12, 31);

    /**
     * A JSON reader attribute: when set, dates are read against the outer bound only (events, stored
     * documents), not against the rules for requests.
     */
    public static final String OUTER_BOUND_ONLY = "parkpulse.dates.outer-bound-only";

    private DateBounds() {}

    /** December of next year, judged in the city's time zone. */
    public static YearMonth latestMonth() {
        return YearMonth.of(CityTime.thisMonth().getYear() + DEFAULT_YEARS_AHEAD, 12);
    }

    /** 31 December of the year {@code yearsAhead} after this one, never beyond {@link #LATEST_DAY}. */
    public static LocalDate latestDay(int yearsAhead) {
        LocalDate last = LocalDate.of(CityTime.today().getYear() + yearsAhead, 12, 31);
        return last.isAfter(LATEST_DAY) ? LATEST_DAY : last;
    }

    /** 1 January of {@code earliestYear}. */
    public static LocalDate earliestDay(int earliestYear) {
        return LocalDate.of(earliestYear, 1, 1);
    }

    /** Within the outer bound. */
    public static boolean contains(LocalDate day) {
        return !day.isBefore(EARLIEST_DAY) && !day.isAfter(LATEST_DAY);
    }

    /** Within the reporting calendar, January 2000 to December of next year. */
    public static boolean contains(YearMonth month) {
        return !month.isBefore(EARLIEST_MONTH) && !month.isAfter(latestMonth());
    }

    /** A request date within the default range, or 400 {@code date_out_of_range} naming {@code field}. */
    public static LocalDate day(LocalDate day, String field) {
        return day(day, field, EARLIEST_YEAR, DEFAULT_YEARS_AHEAD);
    }

    /** A request date within a field's own range (see {@link DateRange}), or 400 naming {@code field}. */
    public static LocalDate day(LocalDate day, String field, DateRange range) {
        return range == null ? day(day, field) : day(day, field, range.earliestYear(), range.yearsAhead());
    }

    static LocalDate day(LocalDate day, String field, int earliestYear, int yearsAhead) {
        if (day == null) {
            return null;
        }
        LocalDate first = earliestDay(earliestYear);
        LocalDate last = latestDay(yearsAhead);
        if (day.isBefore(first) || day.isAfter(last)) {
            throw ProblemException.badRequest(
                    field,
                    "date_out_of_range",
                    "'" + day + "' 超出可接受的日期范围：" + field + " 应在 " + first + " 至 " + last + " 之间",
                    "'" + day + "' is out of range: " + field + " must lie between " + first + " and " + last);
        }
        return day;
    }

    /** A calendar year within the reporting calendar (2000 to next year), or 400 naming {@code field}. */
    public static Integer year(Integer year, String field) {
        if (year != null && (year < EARLIEST_YEAR || year > latestMonth().getYear())) {
            throw periodOutOfRange(field);
        }
        return year;
    }

    static ProblemException periodOutOfRange(String field) {
        return ProblemException.badRequest(field, "period_out_of_range", periodRuleZh(), periodRule());
    }

    /** The outer rule for dates, as a refusal of an event or a stored document says it. */
    public static String rule() {
        return "a date between " + EARLIEST_DAY + " and " + LATEST_DAY;
    }

    /** The rule for periods, as a refusal says it to users. */
    public static String periodRuleZh() {
        return "报告期应在 " + EARLIEST_MONTH + " 至 " + latestMonth() + " 之间（" + EARLIEST_YEAR + " 年至明年）";
    }

    /** The same in English, for clients that ask for it. */
    public static String periodRule() {
        return "periods run from " + EARLIEST_MONTH + " to " + latestMonth() + " (year " + EARLIEST_YEAR
                + " to next year)";
    }
}
