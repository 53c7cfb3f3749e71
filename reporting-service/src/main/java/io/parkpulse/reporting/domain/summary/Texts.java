package io.parkpulse.reporting.domain.summary;

import io.parkpulse.common.figures.Figures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Small pieces the summary's sentences share. */
final class Texts {

    /** How many names a list in a sentence carries before "等N个"; a bureau report names a few, not all. */
    static final int NAMES = 10;

    private Texts() {}

    static <T> String names(List<T> items, Function<? super T, String> name) {
        String shown = items.stream().limit(NAMES).map(name).collect(Collectors.joining("；"));
        return items.size() > NAMES ? shown + "等" + items.size() + "个" : shown;
    }

    /** part / whole in %, as the summary prints it ("12.5%"). */
    static String pct(long part, long whole) {
        return Figures.ratioPct(BigDecimal.valueOf(part), BigDecimal.valueOf(whole))
                        .toPlainString() + "%";
    }

    static <T> BigDecimal sum(List<T> items, Function<T, BigDecimal> f) {
        return items.stream().map(f).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The day "overdue" is judged on: the month's last day, or today while the month is not over, so that
     * a problem due tomorrow is not called overdue in this month's report.
     */
    static LocalDate cutoff(YearMonth m) {
        LocalDate today = io.parkpulse.common.periods.CityTime.today();
        return m.atEndOfMonth().isAfter(today) ? today : m.atEndOfMonth();
    }

    static boolean withinYearToDate(LocalDate d, YearMonth m) {
        return d != null && !d.isBefore(m.withMonth(1).atDay(1)) && !d.isAfter(m.atEndOfMonth());
    }
}
