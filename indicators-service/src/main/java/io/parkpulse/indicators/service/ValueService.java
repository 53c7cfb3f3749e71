package io.parkpulse.indicators.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.IndicatorValueRecorded;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.IndicatorValue;
import io.parkpulse.indicators.domain.Park;
import io.parkpulse.indicators.domain.Periods;
import io.parkpulse.indicators.domain.Plausibility;
import io.parkpulse.indicators.domain.Units;
import io.parkpulse.indicators.domain.ValueFlag;
import io.parkpulse.indicators.domain.ValueAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Records monthly values: validation, the change, and its event, in one transaction. */
@ApplicationScoped
public class ValueService {

    /** Up to 10^15 in the canonical unit (10 万亿 万元): anything larger is a typing error. */
    static final BigDecimal MAX_ABS = new BigDecimal("1e15");
    static final int MAX_SCALE = 6;

    @Inject
    Outbox outbox;

    @Inject
    CorrectionService corrections;

    public enum Outcome { IMPORTED, UPDATED, UNCHANGED }

    public record Recorded(IndicatorValue value, Indicator indicator, Outcome outcome, List<ValueFlag> flags) {
    }

    @ConfigProperty(name = "parkpulse.review.month-jump-pct", defaultValue = "200")
    BigDecimal monthJumpPct;

    @ConfigProperty(name = "parkpulse.review.stock-jump-pct", defaultValue = "30")
    BigDecimal stockJumpPct;

    @ConfigProperty(name = "parkpulse.review.year-jump-pct", defaultValue = "50")
    BigDecimal yearJumpPct;

    @Transactional
    public Recorded record(String parkCode, String periodText, String indicatorCode, BigDecimal input, String unit,
            String user, String source) {
        return recordInTransaction(neighbourhood(parkCode, periodText, indicatorCode), indicatorCode, input, unit, user,
                source);
    }

    /**
     * What validating and flagging a park's values for one month needs to read — the catalog, the
     * lock, and the park's values of this month, the two before and the same month last year — read
     * once per request instead of once per value.
     */
    public final class Neighbourhood {
        final String park;
        final YearMonth period;
        final Map<String, Indicator> catalog = new HashMap<>();
        final Map<String, IndicatorValue> values = new HashMap<>();
        String source;
        boolean sourceResolved;

        Neighbourhood(String park, YearMonth period, String onlyIndicator) {
            this.park = park;
            this.period = period;
            for (Indicator i : Indicator.<Indicator>listAll()) {
                catalog.put(i.code, i);
            }
            // Only the months the checks read: this one, the two before, and the same month last year.
            List<String> months = List.of(period.toString(), period.minusMonths(1).toString(),
                    period.minusMonths(2).toString(), period.minusYears(1).toString());
            List<IndicatorValue> rows = onlyIndicator == null
                    ? IndicatorValue.list("id.park = ?1 and id.period in ?2", park, months)
                    : IndicatorValue.list("id.park = ?1 and id.period in ?2 and id.indicator = ?3", park, months,
                            onlyIndicator);
            for (IndicatorValue v : rows) {
                values.put(v.id.indicator() + "@" + v.id.period(), v);
            }
        }

        IndicatorValue row(String indicator, YearMonth month) {
            return values.get(indicator + "@" + month);
        }

        BigDecimal value(String indicator, YearMonth month) {
            IndicatorValue v = row(indicator, month);
            return v == null ? null : v.value;
        }

        /** Whether the month is locked (refused) or open for a correction, decided once per request. */
        String source(String requested) {
            if (!sourceResolved) {
                source = corrections.sourceFor(park, period.toString(), requested);
                sourceResolved = true;
            }
            return source == null ? requested : source;
        }
    }

    /** Reads a park's month once; refuses an unknown park or a malformed or future month. */
    public Neighbourhood neighbourhood(String parkCode, String periodText, String onlyIndicator) {
        if (Park.findById(parkCode) == null) {
            throw ProblemException.notFound("park", parkCode);
        }
        YearMonth period = Periods.month(periodText, "period");
        if (period.isAfter(Periods.current())) {
            throw ProblemException.unprocessable("period", "future_period",
                    periodText + " has not begun; values are reported after the month");
        }
        return new Neighbourhood(parkCode, period, onlyIndicator);
    }

    /**
     * Validates and applies one value in the caller's transaction. Every refusal is thrown as a
     * {@link ProblemException} before anything is written, so a batch can record it and go on.
     */
    public Recorded recordInTransaction(Neighbourhood n, String indicatorCode, BigDecimal input, String unit,
            String user, String requestedSource) {
        String parkCode = n.park;
        YearMonth period = n.period;
        Indicator indicator = n.catalog.get(indicatorCode);
        if (indicator == null) {
            throw ProblemException.unprocessable("indicator", "unknown_indicator",
                    "indicator '" + indicatorCode + "' is not in the catalog");
        }
        if (!"ACTIVE".equals(indicator.status)) {
            throw ProblemException.unprocessable("indicator", "retired_indicator",
                    "indicator '" + indicatorCode + "' was retired from the catalog; its history stays readable");
        }
        if (input == null) {
            throw ProblemException.badRequest("value", "required", "a value is required (send 0 for zero)");
        }
        BigDecimal value = Units.toCanonical(input, unit, indicator.unit, "unit").stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        if (value.abs().compareTo(MAX_ABS) >= 0) {
            throw ProblemException.unprocessable("value", "out_of_range",
                    "the value is beyond any real figure (at most 10^15 " + indicator.unit + ")");
        }
        if (value.scale() > MAX_SCALE) {
            throw ProblemException.unprocessable("value", "too_precise",
                    "at most " + MAX_SCALE + " decimals in " + indicator.unit);
        }
        if (value.signum() < 0 && !indicator.allowNegative) {
            throw ProblemException.unprocessable("value", "negative_not_allowed",
                    indicator.nameZh + " cannot be negative");
        }
        checkCumulative(n, indicator, value);
        String source = n.source(requestedSource);

        IndicatorValue row = n.row(indicatorCode, period);
        BigDecimal previous = row == null ? null : row.value;
        Outcome outcome;
        if (row == null) {
            row = new IndicatorValue();
            row.id = new IndicatorValue.Key(parkCode, indicatorCode, period.toString());
            row.version = 1;
            outcome = Outcome.IMPORTED;
            n.values.put(indicatorCode + "@" + period, row);
        } else if (row.value.compareTo(value) == 0) {
            return new Recorded(row, indicator, Outcome.UNCHANGED, List.of());
        } else {
            row.version++;
            outcome = Outcome.UPDATED;
        }
        String periodText = period.toString();
        row.value = value;
        row.recordedAt = OffsetDateTime.now();
        row.recordedBy = user;
        row.source = source;
        row.persist();
        ValueAudit audit = new ValueAudit();
        audit.park = parkCode;
        audit.indicator = indicatorCode;
        audit.period = periodText;
        audit.oldValue = previous;
        audit.newValue = value;
        audit.version = row.version;
        audit.source = source;
        audit.changedBy = user;
        audit.changedAt = row.recordedAt;
        audit.persist();
        List<ValueFlag> flags = flag(n, indicator, row);
        outbox.publish(Topics.INDICATORS, EventTypes.VALUE_RECORDED, parkCode,
                new IndicatorValueRecorded(parkCode, indicatorCode, indicator.nameZh, periodText, value, indicator.unit, previous,
                        row.version, source, user, row.recordedAt));
        return new Recorded(row, indicator, outcome, flags);
    }

    /** A year-to-date figure cannot fall within a year (profit excepted: its catalog entry allows negatives). */
    private void checkCumulative(Neighbourhood n, Indicator indicator, BigDecimal value) {
        if (!indicator.isCumulative() || indicator.allowNegative || n.period.getMonthValue() == 1) {
            return;
        }
        YearMonth lastMonth = n.period.minusMonths(1);
        BigDecimal before = n.value(indicator.code, lastMonth);
        YearMonth beforeMonth = lastMonth;
        if (before == null) {
            // Last month was not reported: the latest earlier month of the year counts (rare, so read here).
            IndicatorValue earlier = IndicatorValue.find(
                    "id.park = ?1 and id.indicator = ?2 and id.period >= ?3 and id.period < ?4 order by id.period desc",
                    n.park, indicator.code, n.period.withMonth(1).toString(), lastMonth.toString()).firstResult();
            if (earlier == null) {
                return;
            }
            before = earlier.value;
            beforeMonth = YearMonth.parse(earlier.id.period());
        }
        if (value.compareTo(before) < 0) {
            throw ProblemException.unprocessable("value", "cumulative_decrease",
                    indicator.nameZh + " is reported year to date and cannot fall below " + before.toPlainString() + " "
                            + indicator.unit + " reported for " + beforeMonth);
        }
    }

    /** Stores the value's review flags, if any; the value itself is kept either way. */
    private List<ValueFlag> flag(Neighbourhood n, Indicator indicator, IndicatorValue row) {
        YearMonth period = n.period;
        BigDecimal lastYear = n.value(indicator.code, period.minusYears(1));
        if (indicator.isCumulative() && period.getMonthValue() == 1) {
            return flagsOf(row, Plausibility.check(indicator, row.value, row.value, null, lastYear, thresholds()));
        }
        BigDecimal monthAlone = null;
        BigDecimal previousComparable;
        BigDecimal previous = n.value(indicator.code, period.minusMonths(1));
        if (indicator.isCumulative()) {
            monthAlone = previous == null ? null : row.value.subtract(previous);
            BigDecimal beforePrevious = period.getMonthValue() == 2 ? BigDecimal.ZERO
                    : n.value(indicator.code, period.minusMonths(2));
            previousComparable = previous == null || beforePrevious == null ? null : previous.subtract(beforePrevious);
        } else {
            previousComparable = previous;
        }
        return flagsOf(row, Plausibility.check(indicator, row.value, monthAlone, previousComparable, lastYear,
                thresholds()));
    }

    private List<ValueFlag> flagsOf(IndicatorValue row, List<Plausibility.Finding> findings) {
        List<ValueFlag> flags = new java.util.ArrayList<>();
        for (Plausibility.Finding f : findings) {
            ValueFlag flag = new ValueFlag();
            flag.park = row.id.park();
            flag.indicator = row.id.indicator();
            flag.period = row.id.period();
            flag.version = row.version;
            flag.reason = f.reason();
            flag.message = f.message();
            flag.flaggedAt = row.recordedAt;
            flag.persist();
            flags.add(flag);
        }
        return flags;
    }

    private Plausibility.Thresholds thresholds() {
        return new Plausibility.Thresholds(monthJumpPct, stockJumpPct, yearJumpPct);
    }
}
