package io.parkpulse.common.periods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parkpulse.common.error.ProblemException;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every period of the platform is parsed here: the forms, their months, and the calendar's bounds. */
class ReportingPeriodTest {

    @ParameterizedTest
    @CsvSource({
        "2025-06, 2025-06, 2025-06, 2025-05",
        "2025-Q2, 2025-04, 2025-06, 2025-03",
        "2025-H2, 2025-07, 2025-12, 2025-06",
        "2025, 2025-01, 2025-12, 2024-12",
        "2000-01, 2000-01, 2000-01, 1999-12"
    })
    void eachFormCoversItsMonths(String text, String first, String last, String previousLast) {
        ReportingPeriod p = ReportingPeriod.parse(text, "period");
        assertEquals(YearMonth.parse(first), p.firstMonth());
        assertEquals(YearMonth.parse(last), p.lastMonth());
        assertEquals(YearMonth.parse(previousLast), p.previousLastMonth());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2025-13",
                "2025-00",
                "25-01",
                "2025-Q5",
                "2025-Q0",
                "2025-H3",
                "02025",
                "2025-1",
                "x",
                "2025-06 ",
                "２０２５-０６"
            })
    void malformedPeriodsAreInvalid(String text) {
        ProblemException e = assertThrows(ProblemException.class, () -> ReportingPeriod.parse(text, "period"));
        assertEquals(400, e.status());
        assertEquals("period", e.errors().get(0).field());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"0000-01", "1999-12", "0000-Q1", "1999-Q4", "1999-H2", "1999", "2099-01", "9999", "2999-Q1"})
    void periodsOutsideTheCalendarAreOutOfRange(String text) {
        ProblemException e = assertThrows(ProblemException.class, () -> ReportingPeriod.parse(text, "period"));
        assertEquals("period_out_of_range", e.code());
    }

    @org.junit.jupiter.api.Test
    void theCalendarRunsToDecemberOfNextYear() {
        YearMonth last = YearMonth.of(CityTime.thisMonth().getYear() + 1, 12);
        assertEquals(last, ReportingPeriod.month(last.toString(), "m"));
        assertEquals(last, ReportingPeriod.quarter(last.getYear() + "-Q4", "q"));
        assertThrows(
                ProblemException.class,
                () -> ReportingPeriod.month(last.plusMonths(1).toString(), "m"));
        assertThrows(ProblemException.class, () -> ReportingPeriod.quarter((last.getYear() + 1) + "-Q1", "q"));
    }

    @org.junit.jupiter.api.Test
    void aQuarterIsNamedByItsLastMonthAndOnlyQuartersPass() {
        assertEquals(YearMonth.of(2025, 9), ReportingPeriod.quarter("2025-Q3", "quarter"));
        assertEquals(
                "invalid_quarter",
                assertThrows(ProblemException.class, () -> ReportingPeriod.quarter("2025-09", "quarter"))
                        .code());
    }

    @org.junit.jupiter.api.Test
    void aHugeTextIsAbbreviatedInTheRefusal() {
        ProblemException e =
                assertThrows(ProblemException.class, () -> ReportingPeriod.parse("9".repeat(10_000), "period"));
        assertEquals(true, e.getMessage().length() < 200, e.getMessage());
    }
}
