package io.parkpulse.reporting.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.figures.StatedFigureCheck;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.reporting.domain.FigureFormulas;
import io.parkpulse.reporting.domain.NarrativeFigures;
import io.parkpulse.reporting.domain.NarrativeFigures.Outcome;
import io.parkpulse.reporting.domain.NarrativeFigures.Pipeline;
import io.parkpulse.reporting.domain.NarrativeFigures.Platform;
import io.parkpulse.reporting.domain.PipelineTotals;
import io.parkpulse.reporting.repository.NarrativeCheckQueries;
import io.parkpulse.reporting.repository.NarrativeCheckQueries.IndicatorMonth;
import io.parkpulse.reporting.repository.NarrativeCheckQueries.IndicatorValue;
import io.parkpulse.reporting.repository.NarrativeCheckQueries.Scope;
import io.parkpulse.reporting.repository.NarrativeCheckQueries.Statement;
import io.parkpulse.reporting.repository.PipelineQueries;
import io.parkpulse.reporting.repository.PipelineQueries.ParkMonth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The figures parks' narrative reports state, each beside the platform's own figure for the same park and month,
 * computed when asked from the read model (docs/reporting.md, "Narrative reports against the platform's figures").
 * indicators-service checks the catalog's indicators against its stored values when a report is uploaded; this is
 * where the figures other services own are checked, and where the bureau sees every figure of every report.
 */
@ApplicationScoped
public class NarrativeChecks {

    @Inject
    NarrativeCheckQueries queries;

    @Inject
    PipelineQueries ledgers;

    public record Report(long id, String fileName, OffsetDateTime uploadedAt, String status, String period) {}

    /**
     * One stated figure and the platform's. {@code difference} is stated − platform in {@code unit};
     * {@code platformNote} says in Chinese why there is no platform figure; growth and completion are present when
     * the report states them (their {@code platform} null when the platform has no figure).
     */
    public record Item(
            Report report,
            String park,
            String parkName,
            String period,
            String code,
            String name,
            String owner,
            String stated,
            BigDecimal statedValue,
            String unit,
            BigDecimal rounding,
            BigDecimal platformValue,
            BigDecimal difference,
            boolean valueDisagrees,
            String platformNote,
            StatedFigureCheck.Check growth,
            StatedFigureCheck.Check completion,
            boolean disagrees,
            String sentence,
            int start,
            int end) {}

    /** Figures read and compared at a time when only the disagreeing ones are listed. */
    static final int BATCH = 1000;

    /**
     * The most figures one list of the disagreeing ones compares: every figure of the scope must be compared to know
     * which disagree and how many, so a scope holding more is refused and must be narrowed to a park or a shorter
     * period. A year of 30 parks' monthly reports at 40 figures each is 14 400.
     */
    public static final int MAX_COMPARED = 50_000;

    /**
     * One page of the figures stated for a month of {@code period} by one park's reports ({@code park} null: every
     * park's), each park's latest report of each document or the one {@code report} names ({@code period} null: all
     * of its figures); newest report first and then in each report's order; with {@code disagreeingOnly}, of those
     * where any comparison disagrees. Without it the page is cut in SQL and only its figures are compared; with it
     * the figures are read and compared {@link #BATCH} at a time, keeping the page's, at most {@link #MAX_COMPARED}.
     */
    public Page<Item> page(
            String park, Long report, ReportingPeriod period, boolean disagreeingOnly, int page, int size) {
        Scope scope = new Scope(
                park, report, period == null ? null : period.firstMonth(), period == null ? null : period.lastMonth());
        long offset = (long) page * size;
        long figures = queries.count(scope);
        if (!disagreeingOnly) {
            List<Item> items = offset >= figures ? List.of() : compare(queries.statements(scope, offset, size));
            return Page.of(items, page, size, figures);
        }
        if (figures > MAX_COMPARED) {
            throw ProblemException.unprocessable(
                    "period",
                    "too_many_figures",
                    "所选范围内工作报告中的数字有" + figures + "个，超过一次可核对的" + MAX_COMPARED + "个：请选择园区或缩短期间",
                    "the reports of this scope state " + figures + " figures, more than the " + MAX_COMPARED
                            + " one list compares: name a park or a shorter period");
        }
        List<Item> items = new ArrayList<>();
        long disagreeing = 0;
        for (long at = 0; at < figures; at += BATCH) {
            List<Statement> batch = queries.statements(scope, at, BATCH);
            for (Item item : compare(batch)) {
                if (item.disagrees()) {
                    if (disagreeing >= offset && items.size() < size) {
                        items.add(item);
                    }
                    disagreeing++;
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        return Page.of(items, page, size, disagreeing);
    }

    /** Each statement beside the platform's figures, read in one batch for all of them. */
    private List<Item> compare(List<Statement> statements) {
        Set<ParkMonth> pipelineKeys = new HashSet<>();
        Set<IndicatorMonth> indicatorKeys = new HashSet<>();
        for (Statement s : statements) {
            YearMonth m = NarrativeFigures.month(s.period(), s.reportPeriod());
            if (m == null) {
                continue;
            }
            if (pipeline(s).isPresent()) {
                pipelineKeys.add(new ParkMonth(s.park(), m));
                pipelineKeys.add(new ParkMonth(s.park(), m.minusYears(1)));
            } else if (NarrativeFigures.OWNER_INDICATORS.equals(s.owner())) {
                indicatorKeys.add(new IndicatorMonth(s.park(), s.code(), m));
                indicatorKeys.add(new IndicatorMonth(s.park(), s.code(), m.minusYears(1)));
            }
        }
        Map<ParkMonth, PipelineTotals> totals = pipelineKeys.isEmpty() ? Map.of() : ledgers.totals(pipelineKeys);
        Map<IndicatorMonth, IndicatorValue> values = indicatorKeys.isEmpty() ? Map.of() : queries.values(indicatorKeys);
        Map<IndicatorMonth, BigDecimal> targets =
                indicatorKeys.isEmpty() ? Map.of() : queries.annualTargets(indicatorKeys);
        Set<String> unnamed = new HashSet<>();
        for (Statement s : statements) {
            YearMonth m = NarrativeFigures.month(s.period(), s.reportPeriod());
            if (NarrativeFigures.OWNER_INDICATORS.equals(s.owner())
                    && (m == null || !values.containsKey(new IndicatorMonth(s.park(), s.code(), m)))) {
                unnamed.add(s.code());
            }
        }
        Map<String, String> names = unnamed.isEmpty() ? Map.of() : queries.indicatorNames(unnamed);

        List<Item> items = new ArrayList<>();
        for (Statement s : statements) {
            items.add(item(s, totals, values, targets, names));
        }
        return items;
    }

    private static Optional<Pipeline> pipeline(Statement s) {
        return Pipeline.of(s.code()).filter(p -> p.owner.equals(s.owner()));
    }

    private static Item item(
            Statement s,
            Map<ParkMonth, PipelineTotals> totals,
            Map<IndicatorMonth, IndicatorValue> values,
            Map<IndicatorMonth, BigDecimal> targets,
            Map<String, String> names) {
        YearMonth m = NarrativeFigures.month(s.period(), s.reportPeriod());
        Optional<Pipeline> pipeline = pipeline(s);
        String name;
        Platform platform;
        BigDecimal growth = null;
        BigDecimal completion = null;
        if (pipeline.isPresent()) {
            Pipeline p = pipeline.get();
            name = p.nameZh;
            if (m == null) {
                platform = Platform.none(NarrativeFigures.NO_PERIOD);
            } else {
                PipelineTotals now = totals.get(new ParkMonth(s.park(), m));
                PipelineTotals lastYear = totals.get(new ParkMonth(s.park(), m.minusYears(1)));
                BigDecimal value = now == null ? null : now.of(p);
                platform = value != null
                        ? (p.sameUnit(s.unit())
                                ? Platform.of(value)
                                : Platform.none(NarrativeFigures.unitDiffers(s.unit(), p.unit)))
                        : Platform.none(
                                p == Pipeline.FUNDS_IN_PLACE_FOREIGN
                                                && now != null
                                                && now.fundsOutsideProvince() != null
                                        ? NarrativeFigures.NO_USD
                                        : NarrativeFigures.SOURCE_UNKNOWN);
                // A ratio of two years does not depend on the unit the report wrote the value in.
                growth = value == null || lastYear == null ? null : FigureFormulas.growth(value, lastYear.of(p));
            }
        } else if (NarrativeFigures.OWNER_INDICATORS.equals(s.owner())) {
            IndicatorValue now = m == null ? null : values.get(new IndicatorMonth(s.park(), s.code(), m));
            name = now != null && now.name() != null ? now.name() : names.getOrDefault(s.code(), s.code());
            if (m == null) {
                platform = Platform.none(NarrativeFigures.NO_PERIOD);
            } else if (now == null) {
                platform = Platform.none(NarrativeFigures.NO_VALUE);
            } else {
                platform = now.unit().equals(s.unit())
                        ? Platform.of(now.value())
                        : Platform.none(NarrativeFigures.unitDiffers(s.unit(), now.unit()));
                IndicatorValue lastYear = values.get(new IndicatorMonth(s.park(), s.code(), m.minusYears(1)));
                growth = lastYear == null || !now.unit().equals(lastYear.unit())
                        ? null
                        : FigureFormulas.growth(now.value(), lastYear.value());
                completion = FigureFormulas.completion(
                        now.value(),
                        targets.get(new IndicatorMonth(s.park(), s.code(), YearMonth.of(m.getYear(), 12))));
            }
        } else {
            name = s.code();
            platform = Platform.none(NarrativeFigures.NOT_COMPUTED);
        }
        Outcome o = NarrativeFigures.check(
                s.value(),
                s.rounding(),
                platform,
                s.growthPct(),
                s.growthRounding(),
                growth,
                s.completionPct(),
                s.completionRounding(),
                completion);
        return new Item(
                new Report(s.reportId(), s.fileName(), s.uploadedAt(), s.status(), s.reportPeriod()),
                s.park(),
                s.parkName() == null ? s.park() : s.parkName(),
                m == null ? null : m.toString(),
                s.code(),
                name,
                s.owner(),
                s.stated(),
                s.value(),
                s.unit(),
                s.rounding(),
                o.value().platform(),
                o.value().difference(),
                o.value().disagrees(),
                platform.note(),
                o.growth(),
                o.completion(),
                o.disagrees(),
                s.sentence(),
                s.start(),
                s.end());
    }
}
