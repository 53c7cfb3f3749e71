package io.parkpulse.indicators.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parkpulse.common.error.ProblemException;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
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
    }
}
