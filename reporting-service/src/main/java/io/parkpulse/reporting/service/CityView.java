package io.parkpulse.reporting.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.figures.Figures;
import io.parkpulse.common.figures.Phrases;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.reporting.domain.DoubleHalf;
import io.parkpulse.reporting.domain.Figure;
import io.parkpulse.reporting.domain.FigureFormulas;
import io.parkpulse.reporting.domain.StandardIndicators;
import io.parkpulse.reporting.domain.summary.IndicatorLine;
import io.parkpulse.reporting.domain.summary.ParkInfo;
import io.parkpulse.reporting.repository.CityQueries;
import io.parkpulse.reporting.repository.SummaryQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The city's view beyond a single indicator: parks ranked on any figure, parks side by side with the
 * city's totals and their shares, and the parks behind time-elapsed progress or short of 双过半.
 */
@ApplicationScoped
public class CityView {

    @Inject
    CityQueries queries;

    @Inject
    FigureValues figures;

    @Inject
    RankingCache cache;

    @Inject
    SummaryQueries summaryQueries;

    /**
     * One indicator summed over the city's active parks that reported it, with growth over the parks that
     * also reported last year's month ({@code comparableValue} against {@code lastYear}) and completion over
     * the parks with an annual target ({@code targetedValue} against {@code annualTarget}); each figure says
     * over how many parks it is. Amounts in {@code unit}, rates in %, gaps in percentage points.
     */
    public record CityIndicator(
            String indicator,
            String name,
            String unit,
            BigDecimal value,
            int parks,
            BigDecimal comparableValue,
            BigDecimal lastYear,
            BigDecimal growthPct,
            int parksCompared,
            BigDecimal targetedValue,
            BigDecimal annualTarget,
            BigDecimal completionPct,
            int parksTargeted,
            BigDecimal timeProgressGapPts,
            BigDecimal fullYearEstimate) {}

    public record CityFigures(
            String period, String valueMonth, int activeParks, int reportedParks, List<CityIndicator> indicators) {}

    public record Park(String code, String name, String peerGroup) {}

    /** {@code entries}: the requested page of the ranking ({@code page}, {@code size}) out of {@code total} parks. */
    public record FigureRanking(
            String figure,
            String period,
            String valueMonth,
            String peerGroup,
            boolean ascending,
            List<RankingService.Entry> entries,
            int page,
            int size,
            long total) {

        public FigureRanking page(int page, int size) {
            return new FigureRanking(
                    figure,
                    period,
                    valueMonth,
                    peerGroup,
                    ascending,
                    Page.window(entries, page, size),
                    page,
                    size,
                    entries.size());
        }
    }

    public record Cell(String figure, BigDecimal value, BigDecimal shareOfCity) {}

    public record Row(String park, String parkName, List<Cell> cells) {}

    public record Comparison(
            String period, String valueMonth, List<String> figures, List<Row> parks, List<Cell> city) {}

    public record Gap(
            String park,
            String parkName,
            BigDecimal value,
            BigDecimal annualTarget,
            BigDecimal completion,
            BigDecimal timeElapsed,
            BigDecimal gapPoints,
            String phrase,
            BigDecimal growth,
            BigDecimal plannedGrowth,
            Boolean doubleHalf,
            BigDecimal doubleHalfGapPoints,
            BigDecimal growthGapPoints) {}

    public record ProgressGaps(
            String indicator,
            String period,
            String valueMonth,
            BigDecimal timeElapsed,
            List<Gap> behind,
            List<Gap> onTrack) {}

    public static Figure figure(String text, String field) {
        Figure f = Figure.parse(text);
        if (f == null) {
            throw ProblemException.badRequest(
                    field,
                    "unknown_figure",
                    "“" + text + "”不是有效的口径，应为 value:（总量）、growth:（增速）、completion:（完成率）" + "或 perMu:（亩均）后接指标编码",
                    "'" + text + "' is not value:, growth:, completion: or perMu: followed by an indicator code");
        }
        return f;
    }

    public FigureRanking rank(Figure f, ReportingPeriod period, String peerGroup, boolean ascending) {
        known(f);
        RankingCache.Parks active = cache.parks();
        Map<String, Park> parks = new LinkedHashMap<>();
        active.byCode().values().stream()
                .filter(p -> peerGroup == null || peerGroup.equals(p.peerGroup()))
                .forEach(p -> parks.put(p.code(), new Park(p.code(), p.name(), p.peerGroup())));
        Map<String, BigDecimal> now = figures.ofKept(active, f, period.lastMonth());
        Map<String, BigDecimal> before = figures.ofKept(active, f, period.previousLastMonth());
        Map<String, Integer> previous = ranks(before, parks, ascending);
        Map<String, Integer> current = ranks(now, parks, ascending);
        List<RankingService.Entry> entries = current.entrySet().stream()
                .map(e -> {
                    Park p = parks.get(e.getKey());
                    Integer prev = previous.get(e.getKey());
                    return new RankingService.Entry(
                            e.getValue(),
                            p.code(),
                            p.name(),
                            p.peerGroup(),
                            now.get(e.getKey()),
                            prev,
                            prev == null ? null : prev - e.getValue());
                })
                .sorted(Comparator.comparingInt(RankingService.Entry::rank).thenComparing(RankingService.Entry::park))
                .toList();
        return new FigureRanking(
                f.toString(),
                period.text(),
                period.lastMonth().toString(),
                peerGroup,
                ascending,
                entries,
                0,
                entries.size(),
                entries.size());
    }

    /** The city's totals of every indicator reported for the period's last month, year to date, in catalog order. */
    @Transactional
    public CityFigures cityFigures(ReportingPeriod period) {
        YearMonth m = period.lastMonth();
        List<ParkInfo> active = summaryQueries.activeParks();
        Set<String> reported = summaryQueries.reportedParks(m);
        List<CityIndicator> out = summaryQueries.lines(null, m).stream()
                .map(l -> cityIndicator(l, m))
                .toList();
        return new CityFigures(
                period.text(),
                m.toString(),
                active.size(),
                (int) active.stream().filter(p -> reported.contains(p.code())).count(),
                out);
    }

    private static CityIndicator cityIndicator(IndicatorLine l, YearMonth m) {
        boolean flow = !StandardIndicators.STOCK.contains(l.code());
        BigDecimal completion = l.completion();
        return new CityIndicator(
                l.code(),
                l.name(),
                l.unit(),
                l.value(),
                l.parks(),
                l.comparableNow(),
                l.lastYear(),
                l.growth(),
                l.parksCompared(),
                l.targetedValue(),
                l.annual(),
                completion,
                l.parksTargeted(),
                completion != null && flow
                        ? Figures.timeProgressGapPts(l.targetedValue(), l.annual(), m.getMonthValue())
                        : null,
                flow ? l.fullYearEstimate(m.getMonthValue()) : null);
    }

    public Comparison compare(List<String> parkCodes, List<Figure> fs, ReportingPeriod period) {
        fs.forEach(this::known);
        Map<String, Park> all = parks(null);
        for (int i = 0; i < parkCodes.size(); i++) {
            if (!all.containsKey(parkCodes.get(i))) {
                throw ProblemException.badRequest(
                        "parks[" + i + "]",
                        "unknown_park",
                        "没有编码为“" + parkCodes.get(i) + "”的在运行园区",
                        "no active park '" + parkCodes.get(i) + "'");
            }
        }
        Map<Figure, Map<String, BigDecimal>> values = figures.of(fs, period.lastMonth());
        List<Cell> city = new ArrayList<>();
        Map<Figure, BigDecimal> totals = new HashMap<>();
        Map<String, IndicatorLine> cityLines = new HashMap<>();
        if (fs.stream().anyMatch(f -> f.kind() == Figure.Kind.GROWTH || f.kind() == Figure.Kind.COMPLETION)) {
            summaryQueries.lines(null, period.lastMonth()).forEach(l -> cityLines.put(l.code(), l));
        }
        for (Figure f : fs) {
            // Values add up across parks; the city's growth and completion are of its sums, like with like
            // (IndicatorLine); a per-mu figure has no city total.
            BigDecimal total = f.kind() == Figure.Kind.VALUE
                    ? values.get(f).entrySet().stream()
                            .filter(e -> all.containsKey(e.getKey()))
                            .map(Map.Entry::getValue)
                            .reduce(BigDecimal.ZERO, BigDecimal::add)
                    : null;
            totals.put(f, total);
            IndicatorLine line = cityLines.get(f.indicator());
            BigDecimal rate = line == null
                    ? null
                    : f.kind() == Figure.Kind.GROWTH
                            ? line.growth()
                            : f.kind() == Figure.Kind.COMPLETION ? line.completion() : null;
            city.add(new Cell(
                    f.toString(), total != null ? total : rate, total == null ? null : BigDecimal.valueOf(100)));
        }
        List<Row> rows = new ArrayList<>();
        for (String code : parkCodes) {
            List<Cell> cells = new ArrayList<>();
            for (Figure f : fs) {
                BigDecimal v = values.get(f).get(code);
                BigDecimal total = totals.get(f);
                cells.add(new Cell(f.toString(), v, FigureFormulas.share(v, total)));
            }
            rows.add(new Row(code, all.get(code).name(), cells));
        }
        return new Comparison(
                period.text(),
                period.lastMonth().toString(),
                fs.stream().map(Figure::toString).toList(),
                rows,
                city);
    }

    /** Parks with an annual target for the indicator, those behind time-elapsed progress first (most behind first). */
    public ProgressGaps progress(String indicator, ReportingPeriod period) {
        Figure value = new Figure(Figure.Kind.VALUE, indicator);
        known(value);
        YearMonth month = period.lastMonth();
        Map<String, Park> parks = parks(null);
        Map<Figure, Map<String, BigDecimal>> v =
                figures.of(List.of(value, new Figure(Figure.Kind.GROWTH, indicator)), month);
        List<CityQueries.AnnualTarget> targets = queries.positiveTargets(indicator, month.getYear());
        BigDecimal elapsed = Figures.timeElapsedPct(month.getMonthValue());
        List<Gap> behind = new ArrayList<>();
        List<Gap> onTrack = new ArrayList<>();
        for (CityQueries.AnnualTarget t : targets) {
            Park p = parks.get(t.park());
            BigDecimal x = v.get(value).get(t.park());
            if (p == null || x == null) {
                continue;
            }
            BigDecimal annual = t.annual();
            BigDecimal planned = t.plannedGrowthPct();
            BigDecimal completion = Figures.ratioPct(x, annual);
            BigDecimal gap = Figures.timeProgressGapPts(x, annual, month.getMonthValue());
            BigDecimal growth = v.get(new Figure(Figure.Kind.GROWTH, indicator)).get(t.park());
            // 双过半 is judged at the half year only; other months leave its fields out.
            DoubleHalf half = month.getMonthValue() == 6 ? DoubleHalf.of(completion, growth, planned) : null;
            Gap g = new Gap(
                    p.code(),
                    p.name(),
                    x,
                    annual,
                    completion,
                    elapsed,
                    gap.setScale(2, RoundingMode.HALF_UP),
                    Phrases.timeProgress(gap),
                    growth,
                    planned,
                    half == null ? null : half.met(),
                    half == null ? null : half.completionGapPoints(),
                    half == null ? null : half.growthGapPoints());
            (gap.signum() < 0 ? behind : onTrack).add(g);
        }
        behind.sort(Comparator.comparing(Gap::gapPoints).thenComparing(Gap::park));
        onTrack.sort(Comparator.comparing(Gap::gapPoints).reversed().thenComparing(Gap::park));
        return new ProgressGaps(indicator, period.text(), month.toString(), elapsed, behind, onTrack);
    }

    private void known(Figure f) {
        if (!figures.knownIndicator(f.indicator())) {
            throw ProblemException.badRequest(
                    "indicator",
                    "unknown_indicator",
                    "尚无园区报送指标“" + f.indicator() + "”",
                    "no park has reported indicator '" + f.indicator() + "'");
        }
    }

    private Map<String, Park> parks(String peerGroup) {
        Map<String, Park> out = new LinkedHashMap<>();
        for (CityQueries.ActivePark p : queries.activeParks(peerGroup)) {
            out.put(p.code(), new Park(p.code(), p.name(), p.peerGroup()));
        }
        return out;
    }

    /** Competition ranks (1, 2, 2, 4) of the parks that have a value. */
    private static Map<String, Integer> ranks(
            Map<String, BigDecimal> values, Map<String, Park> parks, boolean ascending) {
        Map<String, BigDecimal> ranked = new LinkedHashMap<>();
        values.forEach((park, v) -> {
            if (parks.containsKey(park)) {
                ranked.put(park, v);
            }
        });
        return FigureFormulas.ranks(ranked, ascending);
    }
}
