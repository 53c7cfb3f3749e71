package io.parkpulse.projects.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The problem ledger rules of docs/projects.md ("Problems"). */
class ProblemRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 5, 15);

    @ParameterizedTest(name = "due {0}, resolved {1}: overdue {2}")
    @CsvSource({
        "2026-05-14,           , true",
        // due on the cutoff is not yet late
        "2026-05-15,           , false",
        "2026-05-16,           , false",
        // without a due date it can never be late
        "          ,           , false",
        // resolved by the cutoff, however late, it is not overdue on that day
        "2026-01-01, 2026-05-15, false",
        "2026-01-01, 2026-03-01, false",
        // resolved only after the cutoff: it was still overdue on that day
        "2026-01-01, 2026-05-16, true",
    })
    void aProblemOpenOnTheCutoffIsOverdueAfterItsDueDate(LocalDate dueOn, LocalDate resolvedOn, boolean overdue) {
        assertEquals(overdue, ProblemRules.overdue(dueOn, resolvedOn, TODAY));
    }

    @ParameterizedTest(name = "{0} of {1} resolved = {2} %")
    @CsvSource({
        // "40 raised, 34 resolved": 34 × 100 ÷ 40 = 85
        "34, 40, 85.00",
        // 2 of 3 = 66.666… rounds up
        "2, 3, 66.67",
        // 1 of 3 = 33.333… rounds down
        "1, 3, 33.33",
        "0, 7, 0.00",
        "7, 7, 100.00",
    })
    void resolvedRateIsResolvedOfRaisedInPercent(long resolved, long raised, BigDecimal rate) {
        assertEquals(rate, ProblemRules.resolvedRate(resolved, raised));
    }

    @Test
    void resolvedRateWithNothingRaisedIsEmpty() {
        assertNull(ProblemRules.resolvedRate(0, 0));
    }
}
