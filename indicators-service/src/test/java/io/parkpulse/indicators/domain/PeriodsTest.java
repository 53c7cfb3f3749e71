package io.parkpulse.indicators.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.periods.CityTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodsTest {

    @Test
    void parsesAMonth() {
        assertEquals(YearMonth.of(2026, 6), Periods.month("2026-06", "period"));
    }

    @ParameterizedTest
    @CsvSource({"2026-13", "2026-00", "2026-6", "202606", "2026/06", "2026-Q2"})
    void refusesWhatIsNotAMonth(String text) {
        ProblemException e = assertThrows(ProblemException.class, () -> Periods.month(text, "period"));
        assertEquals("invalid_period", e.code());
        assertEquals(400, e.status());
    }

    @Test
    void refusesAMissingMonth() {
        assertEquals(
                "required",
                assertThrows(ProblemException.class, () -> Periods.month(null, "period"))
                        .code());
    }

    // Open ends become bounds that sort below and above every YYYY-MM, so the range compares as text.
    @ParameterizedTest
    @CsvSource({"2026-01, 2026-06, 2026-01, 2026-06", ", 2026-06, 0000-00, 2026-06", "2026-01, , 2026-01, 9999-99"})
    void rangeHasInclusiveTextBounds(String from, String to, String lo, String hi) {
        assertEquals(new Periods.Range(lo, hi), Periods.range(from, to));
    }

    @Test
    void rangeRefusesFromAfterTo() {
        ProblemException e = assertThrows(ProblemException.class, () -> Periods.range("2026-07", "2026-06"));
        assertEquals("invalid_range", e.code());
        assertEquals("from", e.errors().get(0).field());
        assertEquals("起始月份 from（2026-07）晚于截止月份 to（2026-06）", e.message(false));
        assertEquals("'from' (2026-07) is after 'to' (2026-06)", e.message(true));
    }

    static final int NEXT = CityTime.today().getYear() + 1;

    // The platform's calendar: January 2000 to December of next year, for a month and for each end of a range.
    @ParameterizedTest
    @CsvSource({"0000-01", "1999-12", "3000-01", "9999-12"})
    void refusesAMonthOutsideTheCalendar(String text) {
        List<Executable> reads = List.of(
                () -> Periods.month(text, "period"), () -> Periods.range(text, null), () -> Periods.range(null, text));
        List<String> fields = List.of("period", "from", "to");
        for (int i = 0; i < reads.size(); i++) {
            ProblemException e = assertThrows(ProblemException.class, reads.get(i));
            assertEquals("period_out_of_range", e.code());
            assertEquals(400, e.status());
            assertEquals(fields.get(i), e.errors().get(0).field());
        }
    }

    @Test
    void theCalendarRunsFromJanuary2000ToDecemberOfNextYear() {
        assertEquals(YearMonth.of(2000, 1), Periods.month("2000-01", "period"));
        assertEquals(YearMonth.of(NEXT, 12), Periods.month(NEXT + "-12", "period"));
        assertEquals(
                "period_out_of_range",
                assertThrows(ProblemException.class, () -> Periods.month((NEXT + 1) + "-01", "period"))
                        .code());
        assertEquals(
                "invalid_period",
                assertThrows(ProblemException.class, () -> Periods.month("0000-Q1", "period"))
                        .code());
    }
}
