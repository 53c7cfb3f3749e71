package io.parkpulse.common.periods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parkpulse.common.error.ProblemException;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one calendar rule: 2000 to next year by default, a field's own range where it says why. */
class DateBoundsTest {

    static final int NEXT = CityTime.today().getYear() + 1;

    static Stream<Arguments> days() {
        return Stream.of(
                Arguments.of("1999-12-31", false),
                Arguments.of("2000-01-01", true),
                Arguments.of(NEXT + "-01-01", true),
                Arguments.of(NEXT + "-12-31", true),
                Arguments.of((NEXT + 1) + "-01-01", false),
                Arguments.of("0001-01-01", false),
                Arguments.of("3000-01-01", false),
                Arguments.of("9999-12-31", false));
    }

    @ParameterizedTest
    @MethodSource("days")
    void aRequestDateLiesBetween2000AndTheEndOfNextYear(String text, boolean accepted) {
        LocalDate day = LocalDate.parse(text);
        if (accepted) {
            assertEquals(day, DateBounds.day(day, "raisedOn"));
            return;
        }
        ProblemException e = assertThrows(ProblemException.class, () -> DateBounds.day(day, "raisedOn"));
        assertEquals(400, e.status());
        assertEquals("date_out_of_range", e.code());
        assertEquals("raisedOn", e.errors().get(0).field());
        assertEquals("'" + day + "' 超出可接受的日期范围：raisedOn 应在 2000-01-01 至 " + NEXT + "-12-31 之间", e.message(false));
        assertEquals(
                "'" + day + "' is out of range: raisedOn must lie between 2000-01-01 and " + NEXT + "-12-31",
                e.message(true));
    }

    record Planned(@DateRange(yearsAhead = 10) LocalDate plannedCompletion) {}

    @Test
    void aFieldMayReachFurtherWhenItSaysSo() throws Exception {
        DateRange range = Planned.class.getRecordComponents()[0].getAnnotation(DateRange.class);
        LocalDate tenYears = LocalDate.of(NEXT + 9, 12, 31);
        assertEquals(tenYears, DateBounds.day(tenYears, "plannedCompletion", range));
        ProblemException e = assertThrows(
                ProblemException.class, () -> DateBounds.day(tenYears.plusDays(1), "plannedCompletion", range));
        assertEquals("date_out_of_range", e.code());
        assertThrows(
                ProblemException.class, () -> DateBounds.day(LocalDate.of(1999, 12, 31), "plannedCompletion", range));
    }

    @Test
    void noFieldReachesBeyondTheOuterBound() {
        assertEquals(DateBounds.LATEST_DAY, DateBounds.latestDay(500));
        assertEquals(LocalDate.of(NEXT, 12, 31), DateBounds.latestDay(1));
    }

    @ParameterizedTest
    @MethodSource("years")
    void aYearLiesBetween2000AndNextYear(int year, boolean accepted) {
        if (accepted) {
            assertEquals(year, DateBounds.year(year, "planYear"));
            return;
        }
        ProblemException e = assertThrows(ProblemException.class, () -> DateBounds.year(year, "planYear"));
        assertEquals("period_out_of_range", e.code());
        assertEquals("planYear", e.errors().get(0).field());
        assertEquals("报告期应在 2000-01 至 " + NEXT + "-12 之间（2000 年至明年）", e.message(false));
    }

    static Stream<Arguments> years() {
        return Stream.of(
                Arguments.of(1999, false),
                Arguments.of(2000, true),
                Arguments.of(NEXT, true),
                Arguments.of(NEXT + 1, false),
                Arguments.of(0, false),
                Arguments.of(3000, false));
    }

    static Stream<Arguments> periods() {
        return Stream.of(
                Arguments.of("1999-12", false),
                Arguments.of("2000-01", true),
                Arguments.of("2000-Q1", true),
                Arguments.of(NEXT + "-12", true),
                Arguments.of(NEXT + "-Q4", true),
                Arguments.of(NEXT + "", true),
                Arguments.of((NEXT + 1) + "-01", false),
                Arguments.of((NEXT + 1) + "-Q1", false),
                Arguments.of((NEXT + 1) + "", false),
                Arguments.of("0000-Q1", false),
                Arguments.of("0000-01", false),
                Arguments.of("3000-Q1", false),
                Arguments.of("9999-12", false));
    }

    @ParameterizedTest
    @MethodSource("periods")
    void aPeriodLiesBetween2000AndNextYear(String text, boolean accepted) {
        if (accepted) {
            assertEquals(text, ReportingPeriod.parse(text, "period").text());
            return;
        }
        ProblemException e = assertThrows(ProblemException.class, () -> ReportingPeriod.parse(text, "period"));
        assertEquals(400, e.status());
        assertEquals("period_out_of_range", e.code());
        assertEquals("period", e.errors().get(0).field());
        assertEquals("periods run from 2000-01 to " + NEXT + "-12 (year 2000 to next year)", e.message(true));
    }
}
