package io.parkpulse.reporting.service;

import io.parkpulse.reporting.domain.Figure;
import io.parkpulse.reporting.domain.FigureFormulas;
import io.parkpulse.reporting.domain.StandardIndicators;
import io.parkpulse.reporting.repository.FigureQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Figures per park for a month, from the read model: value (year to date for cumulative indicators,
 * as reported), growth on the same month last year in %, completion of the annual target in %, and
 * value per mu of developed land. A figure a park lacks the data for is absent, never zero.
 */
@ApplicationScoped
public class FigureValues {

    @Inject
    FigureQueries queries;

    @Inject
    RankingCache cache;

    /**
     * One figure of the active parks of {@code parks}, from the values rankings keep: a value or growth figure
     * reads only kept indicator-months (the month, and for growth the same month a year before), so it is as
     * fresh as they are; completion reads the year's targets and per mu the parks' land on every call.
     */
    public Map<String, BigDecimal> ofKept(RankingCache.Parks parks, Figure f, YearMonth month) {
        Map<String, BigDecimal> now = cache.month(parks, f.indicator(), month).byPark();
        return switch (f.kind()) {
            case VALUE -> now;
            case GROWTH ->
                combine(
                        now,
                        cache.month(parks, f.indicator(), month.minusYears(1)).byPark(),
                        FigureFormulas::growth);
            case COMPLETION ->
                combine(now, queries.targets(f.indicator(), month.getYear()), FigureFormulas::completion);
            case PER_MU -> combine(now, queries.land(), FigureFormulas::perMu);
        };
    }

    /** figure → park → value. Each indicator's month is read once however many figures use it. */
    public Map<Figure, Map<String, BigDecimal>> of(List<Figure> figures, YearMonth month) {
        Map<Figure, Map<String, BigDecimal>> out = new HashMap<>();
        Map<String, Map<String, BigDecimal>> current = new HashMap<>();
        Map<String, Map<String, BigDecimal>> lastYear = new HashMap<>();
        Map<String, BigDecimal> land = null;
        for (Figure f : figures) {
            Map<String, BigDecimal> now = current.computeIfAbsent(f.indicator(), i -> queries.values(i, month));
            Map<String, BigDecimal> values = switch (f.kind()) {
                case VALUE -> new HashMap<>(now);
                case GROWTH ->
                    combine(
                            now,
                            lastYear.computeIfAbsent(f.indicator(), i -> queries.values(i, month.minusYears(1))),
                            FigureFormulas::growth);
                case COMPLETION ->
                    combine(now, queries.targets(f.indicator(), month.getYear()), FigureFormulas::completion);
                case PER_MU -> {
                    if (land == null) {
                        land = queries.land();
                    }
                    yield combine(now, land, FigureFormulas::perMu);
                }
            };
            out.put(f, values);
        }
        return out;
    }

    /** Each park's value with its base; parks whose formula has no answer are left out. */
    private static Map<String, BigDecimal> combine(
            Map<String, BigDecimal> now, Map<String, BigDecimal> base, BinaryOperator<BigDecimal> formula) {
        Map<String, BigDecimal> values = new HashMap<>();
        now.forEach((park, v) -> {
            BigDecimal x = formula.apply(v, base.get(park));
            if (x != null) {
                values.put(park, x);
            }
        });
        return values;
    }

    public boolean knownIndicator(String code) {
        return StandardIndicators.CODES.contains(code) || queries.anyValueOf(code);
    }
}
