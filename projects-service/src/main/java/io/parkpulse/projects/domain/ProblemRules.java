package io.parkpulse.projects.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** When a ledger problem counts as overdue, and the resolution rate the summaries quote. */
public final class ProblemRules {

    private ProblemRules() {}

    /**
     * Whether a problem was overdue on {@code cutoff} (a period's {@code ScheduleRules.cutoff}, or today): still open
     * then and due before that day. Due on the cutoff is not yet late; without a due date it never is. The counts,
     * the ledger filter and each entry's flag all decide it here or with {@code ProblemRepository.OVERDUE}.
     */
    public static boolean overdue(LocalDate dueOn, LocalDate resolvedOn, LocalDate cutoff) {
        return dueOn != null && dueOn.isBefore(cutoff) && (resolvedOn == null || resolvedOn.isAfter(cutoff));
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
