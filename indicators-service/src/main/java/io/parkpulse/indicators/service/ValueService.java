package io.parkpulse.indicators.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.IndicatorValueRecorded;
import io.parkpulse.common.events.payload.IndicatorValuesRecorded;
import io.parkpulse.common.events.payload.ReviewFlagsChanged;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.indicators.config.ReviewSettings;
import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.IndicatorValue;
import io.parkpulse.indicators.domain.Periods;
import io.parkpulse.indicators.domain.Plausibility;
import io.parkpulse.indicators.domain.Shown;
import io.parkpulse.indicators.domain.Units;
import io.parkpulse.indicators.domain.ValueFlag;
import io.parkpulse.indicators.domain.ValueRow;
import io.parkpulse.indicators.messaging.FlagEvents;
import io.parkpulse.indicators.repository.ValueRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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

    @Inject
    ValueRepository store;

    public enum Outcome {
        IMPORTED,
        UPDATED,
        UNCHANGED
    }

    public record Recorded(ValueRow value, Indicator indicator, Outcome outcome, List<ValueFlag> flags) {}

    @Inject
    ReviewSettings review;

    @Transactional
    public Recorded record(
            String parkCode,
            String periodText,
            String indicatorCode,
            BigDecimal input,
            String unit,
            String user,
            String source) {
        requirePark(parkCode);
        YearMonth period = month(periodText, "period");
        Neighbourhood n = new Neighbourhood(parkCode, Set.of(period), indicatorCode);
        Recorded r = recordInTransaction(n, period, indicatorCode, input, unit, user, source);
        n.write(false);
        return r;
    }

    /**
     * What validating and flagging a park's values needs to read — the catalog, the locks of the
     * months written, and the park's values of the years to date around them — read once per request
     * instead of once per value. Values recorded through it are added to it, so a batch spanning
     * several months checks each month against the months before it in the same batch. Their rows
     * and events are written together by {@link #write(boolean)}.
     */
    public final class Neighbourhood {
        final String park;
        final Map<String, Indicator> catalog;
        final Map<String, ValueRow> values = new HashMap<>();
        private final List<ValueRepository.Change> changes = new ArrayList<>();
        private final List<IndicatorValueRecorded> events = new ArrayList<>();
        private final List<ValueFlag> raised = new ArrayList<>();
        private final Map<YearMonth, MonthAccess> sources = new HashMap<>();
        /** The months written that a closed quarter locked (read once; most batches have none). */
        private final Set<String> locked;
        /** The time every value of the request is recorded at: one transaction, one moment. */
        final OffsetDateTime now = OffsetDateTime.now();

        Neighbourhood(String park, Set<YearMonth> months, String onlyIndicator) {
            this.park = park;
            store.lockPark(park);
            catalog = store.catalog();
            // The checks read, for every month written: the earlier months of its year (year-to-date
            // figures must not fall), the month before (stocks) and the same month last year.
            Set<String> read = new TreeSet<>();
            for (YearMonth m : months) {
                for (YearMonth x = m.withMonth(1); !x.isAfter(m); x = x.plusMonths(1)) {
                    read.add(x.toString());
                }
                read.add(m.minusMonths(1).toString());
                read.add(m.minusYears(1).toString());
            }
            locked = store.lockedMonths(months.stream().map(YearMonth::toString).toList());
            for (ValueRow v : store.read(park, read, onlyIndicator)) {
                values.put(key(v.id().indicator(), YearMonth.parse(v.id().period())), v);
            }
        }

        /**
         * Writes the values recorded so far and their audit rows, and publishes them: one
         * value-recorded event for a single value, one values-recorded event per batch request.
         */
        public void write(boolean batch) {
            store.write(changes);
            List<ReviewFlagsChanged.Flag> flagChanges = new ArrayList<>(store.supersedeFlags(
                    park,
                    changes.stream()
                            .filter(ch -> ch.previous() != null)
                            .map(ValueRepository.Change::row)
                            .toList(),
                    now));
            raised.forEach(f -> flagChanges.add(FlagEvents.state(f)));
            List<Outbox.Message> messages = new ArrayList<>();
            if (!batch) {
                events.forEach(
                        e -> messages.add(new Outbox.Message(Topics.INDICATORS, EventTypes.VALUE_RECORDED, park, e)));
            } else {
                for (int from = 0; from < events.size(); from += IndicatorValuesRecorded.MAX_VALUES) {
                    List<IndicatorValueRecorded> part = List.copyOf(
                            events.subList(from, Math.min(from + IndicatorValuesRecorded.MAX_VALUES, events.size())));
                    messages.add(new Outbox.Message(
                            Topics.INDICATORS,
                            EventTypes.VALUES_RECORDED,
                            park,
                            new IndicatorValuesRecorded(park, part)));
                }
            }
            if (!flagChanges.isEmpty()) {
                messages.add(FlagEvents.changed(park, flagChanges));
            }
            outbox.publishAll(messages);
            changes.clear();
            events.clear();
            raised.clear();
        }

        private static String key(String indicator, YearMonth month) {
            return indicator + "@" + month;
        }

        ValueRow row(String indicator, YearMonth month) {
            return values.get(key(indicator, month));
        }

        BigDecimal value(String indicator, YearMonth month) {
            ValueRow v = row(indicator, month);
            return v == null ? null : v.value();
        }

        /** Whether the month is locked (refused) or open for a correction, decided once per month and request. */
        String source(YearMonth month, String requested) {
            MonthAccess access = sources.computeIfAbsent(month, m -> {
                if (!locked.contains(m.toString())) {
                    return new MonthAccess.Open(requested);
                }
                try {
                    String found = corrections.sourceFor(park, m.toString(), requested);
                    return new MonthAccess.Open(found == null ? requested : found);
                } catch (ProblemException refused) {
                    return new MonthAccess.Refused(refused);
                }
            });
            if (access instanceof MonthAccess.Refused r) {
                throw r.refusal();
            }
            return ((MonthAccess.Open) access).source();
        }
    }

    /**
     * What a request may do with one month: write with a source, or nothing because the month is locked. Kept
     * per month so that a batch asks for a correction window once, and refuses every row of a locked month alike.
     */
    private sealed interface MonthAccess {
        record Open(String source) implements MonthAccess {}

        record Refused(ProblemException refusal) implements MonthAccess {}
    }

    /** A month as the API accepts it: well formed, and over (values are reported after the month). */
    public static YearMonth month(String text, String field) {
        YearMonth period = Periods.month(text, field);
        if (period.isAfter(Periods.current())) {
            throw ProblemException.unprocessable(
                    field,
                    "future_period",
                    Periods.chinese(period) + "尚未结束，月度数值须在当月结束后填报",
                    text + " has not begun; values are reported after the month");
        }
        return period;
    }

    /** An indicator code the catalog does not have, refused naming {@code field} (400 or 422 as the caller decides). */
    public static ProblemException unknownIndicator(int status, String field, String code) {
        String chinese = "指标目录中没有指标代码“" + Shown.text(code) + "”";
        return new ProblemException(
                status,
                "unknown_indicator",
                chinese,
                "indicator '" + Shown.text(code) + "' is not in the catalog",
                List.of(new io.parkpulse.common.error.Problem.FieldError(field, "unknown_indicator", chinese)),
                null);
    }

    /** Reads what recording a registered park's values for these months needs ({@link #requirePark} first). */
    public Neighbourhood neighbourhood(String parkCode, Set<YearMonth> months) {
        return new Neighbourhood(parkCode, months, null);
    }

    public void requirePark(String parkCode) {
        if (!store.parkExists(parkCode)) {
            throw ProblemException.notFound("园区", "park", parkCode);
        }
    }

    /**
     * Validates and applies one value in the caller's transaction. Every refusal is thrown as a
     * {@link ProblemException} before anything is written, so a batch can record it and go on.
     */
    public Recorded recordInTransaction(
            Neighbourhood n,
            YearMonth period,
            String indicatorCode,
            BigDecimal input,
            String unit,
            String user,
            String requestedSource) {
        String parkCode = n.park;
        Indicator indicator = n.catalog.get(indicatorCode);
        if (indicator == null) {
            throw unknownIndicator(422, "indicator", indicatorCode);
        }
        if (!indicator.isActive()) {
            throw ProblemException.unprocessable(
                    "indicator",
                    "retired_indicator",
                    "指标“" + indicator.nameZh + "”（" + indicatorCode + "）已停用，不再接受填报；历史数据仍可查询",
                    "indicator '" + indicatorCode + "' (" + indicator.nameEn
                            + ") was retired from the catalog; its history stays readable");
        }
        if (input == null) {
            throw ProblemException.badRequest(
                    "value",
                    "required",
                    "请填写" + indicator.nameZh + "的本期数值（数值为零请填 0）",
                    "a value is required (send 0 for zero)");
        }
        BigDecimal value =
                Units.toCanonical(input, unit, indicator.unit, "unit").stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        if (value.abs().compareTo(MAX_ABS) >= 0) {
            throw ProblemException.unprocessable(
                    "value",
                    "out_of_range",
                    indicator.nameZh + "的数值超出实际可能的范围（以" + indicator.unit + "计，绝对值应小于10的15次方），请核对数量级和单位",
                    "the value is beyond any real figure (at most 10^15 " + Units.english(indicator.unit) + ")");
        }
        if (value.scale() > MAX_SCALE) {
            throw ProblemException.unprocessable(
                    "value",
                    "too_precise",
                    indicator.nameZh + "以" + indicator.unit + "计，最多保留" + MAX_SCALE + "位小数",
                    "at most " + MAX_SCALE + " decimals in " + Units.english(indicator.unit));
        }
        if (value.signum() < 0 && !indicator.allowNegative) {
            throw ProblemException.unprocessable(
                    "value",
                    "negative_not_allowed",
                    indicator.nameZh + "不能为负数",
                    indicator.nameEn + " cannot be negative");
        }
        checkCumulative(n, period, indicator, value);
        String source = n.source(period, requestedSource);

        ValueRow before = n.row(indicatorCode, period);
        BigDecimal previous = before == null ? null : before.value();
        if (before != null && previous.compareTo(value) == 0) {
            return new Recorded(before, indicator, Outcome.UNCHANGED, List.of());
        }
        Outcome outcome = before == null ? Outcome.IMPORTED : Outcome.UPDATED;
        ValueRow row = before == null
                ? ValueRow.first(
                        new IndicatorValue.Key(parkCode, indicatorCode, period.toString()), value, n.now, user, source)
                : before.next(value, n.now, user, source);
        n.values.put(Neighbourhood.key(indicatorCode, period), row);
        n.changes.add(new ValueRepository.Change(row, previous));
        List<ValueFlag> flags = flag(n, period, indicator, row);
        n.raised.addAll(flags);
        n.events.add(new IndicatorValueRecorded(
                parkCode,
                indicatorCode,
                indicator.nameZh,
                period.toString(),
                value,
                indicator.unit,
                previous,
                row.version(),
                source,
                user,
                row.recordedAt()));
        return new Recorded(row, indicator, outcome, flags);
    }

    /** A year-to-date figure cannot fall within a year (profit excepted: its catalog entry allows negatives). */
    private void checkCumulative(Neighbourhood n, YearMonth period, Indicator indicator, BigDecimal value) {
        if (!indicator.isCumulative() || indicator.allowNegative || period.getMonthValue() == 1) {
            return;
        }
        // The latest earlier month of the year counts when last month was not reported.
        for (YearMonth m = period.minusMonths(1); m.getYear() == period.getYear(); m = m.minusMonths(1)) {
            BigDecimal before = n.value(indicator.code, m);
            if (before != null) {
                if (value.compareTo(before) < 0) {
                    throw ProblemException.unprocessable(
                            "value",
                            "cumulative_decrease",
                            indicator.nameZh + "为累计值，不能低于" + Periods.chinese(m) + "已报的"
                                    + Units.chinese(before, indicator.unit),
                            indicator.nameEn + " is reported year to date and cannot fall below the "
                                    + Units.english(before, indicator.unit) + " reported for " + m);
                }
                return;
            }
        }
    }

    /** Stores the value's review flags, if any; the value itself is kept either way. */
    private List<ValueFlag> flag(Neighbourhood n, YearMonth period, Indicator indicator, ValueRow row) {
        BigDecimal lastYear = n.value(indicator.code, period.minusYears(1));
        if (indicator.isCumulative() && period.getMonthValue() == 1) {
            return flagsOf(row, Plausibility.check(indicator, row.value(), row.value(), null, lastYear, thresholds()));
        }
        BigDecimal monthAlone = null;
        BigDecimal previousComparable;
        BigDecimal previous = n.value(indicator.code, period.minusMonths(1));
        if (indicator.isCumulative()) {
            monthAlone = previous == null ? null : row.value().subtract(previous);
            BigDecimal beforePrevious =
                    period.getMonthValue() == 2 ? BigDecimal.ZERO : n.value(indicator.code, period.minusMonths(2));
            previousComparable = previous == null || beforePrevious == null ? null : previous.subtract(beforePrevious);
        } else {
            previousComparable = previous;
        }
        return flagsOf(
                row,
                Plausibility.check(indicator, row.value(), monthAlone, previousComparable, lastYear, thresholds()));
    }

    private List<ValueFlag> flagsOf(ValueRow row, List<Plausibility.Finding> findings) {
        List<ValueFlag> flags = new ArrayList<>();
        for (Plausibility.Finding f : findings) {
            ValueFlag flag = new ValueFlag();
            flag.park = row.id().park();
            flag.indicator = row.id().indicator();
            flag.period = row.id().period();
            flag.version = row.version();
            flag.reason = f.reason();
            flag.message = f.message();
            flag.flaggedAt = row.recordedAt();
            flag.persist();
            flags.add(flag);
        }
        return flags;
    }

    private Plausibility.Thresholds thresholds() {
        return new Plausibility.Thresholds(review.monthJumpPct(), review.stockJumpPct(), review.yearJumpPct());
    }
}
