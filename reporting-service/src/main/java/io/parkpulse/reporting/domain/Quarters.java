package io.parkpulse.reporting.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/** When a quarter counts as closed, and so may be assessed. */
public final class Quarters {

    private Quarters() {}

    /**
     * The last quarter that has ended by {@code thisMonth}: the one three months back, as the current month
     * belongs to a quarter still under way.
     */
    public static String lastClosed(YearMonth thisMonth) {
        YearMonth m = thisMonth.minusMonths(3);
        return m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
    }

    /** A quarter is closed from the day after its last day. */
    public static boolean closed(YearMonth lastMonth, LocalDate today) {
        return lastMonth.atEndOfMonth().isBefore(today);
    }
}
