package io.parkpulse.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuartersTest {

    @ParameterizedTest
    @CsvSource({
        // The scheduled run (15 January, April, July, October) assesses the quarter just ended.
        "2026-01, 2025-Q4",
        "2026-04, 2026-Q1",
        "2026-07, 2026-Q2",
        "2026-10, 2026-Q3",
        // Any month of a quarter points at the one before it.
        "2026-03, 2025-Q4",
        "2026-06, 2026-Q1",
        "2026-12, 2026-Q3"
    })
    void lastClosedQuarterIsTheOneBeforeTheCurrentMonths(String thisMonth, String quarter) {
        assertEquals(quarter, Quarters.lastClosed(YearMonth.parse(thisMonth)));
    }

    @ParameterizedTest
    @CsvSource({
        // Q1 2026 ends on 31 March: still open on its last day, closed from 1 April.
        "2026-03, 2026-03-30, false",
        "2026-03, 2026-03-31, false",
        "2026-03, 2026-04-01, true",
        "2026-03, 2026-04-15, true"
    })
    void aQuarterClosesTheDayAfterItsLastDay(String lastMonth, String today, boolean closed) {
        assertEquals(closed, Quarters.closed(YearMonth.parse(lastMonth), LocalDate.parse(today)));
    }
}
