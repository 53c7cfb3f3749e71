package io.parkpulse.projects.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** When a ledger problem counts as overdue, and the resolution rate the summaries quote. */
public final class ProblemRules {

    private ProblemRules() {}

    /** An open problem is overdue from the day after its due date; one without a due date never is. */
    public static boolean overdue(Problem.Status status, LocalDate dueOn, LocalDate today) {
        return status == Problem.Status.OPEN && dueOn != null && dueOn.isBefore(today);
    }

    /**
     * Of the problems raised in a period, the share resolved by its end, in percent with two decimals rounded half up;
     * null when none was raised.
     */
    public static BigDecimal resolvedRate(long resolvedOfRaised, long raised) {
        return raised == 0
                ? null
                : BigDecimal.valueOf(resolvedOfRaised * 100)
                        .divide(BigDecimal.valueOf(raised), 2, RoundingMode.HALF_UP);
    }
}
