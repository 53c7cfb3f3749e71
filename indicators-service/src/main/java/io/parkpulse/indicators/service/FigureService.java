package io.parkpulse.indicators.service;

import io.parkpulse.common.figures.Figures;
import io.parkpulse.common.figures.Phrases;
import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.IndicatorKind;
import io.parkpulse.indicators.domain.IndicatorTarget;
import io.parkpulse.indicators.domain.IndicatorValue;
import io.parkpulse.indicators.domain.Park;
import io.parkpulse.indicators.domain.ParkLand;
import io.parkpulse.indicators.domain.Periods;
import io.parkpulse.indicators.repository.IndicatorRepository;
import io.parkpulse.indicators.repository.ParkLandRepository;
import io.parkpulse.indicators.repository.TargetRepository;
import io.parkpulse.indicators.repository.ValueQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The derived figures of one park and month, computed from the stored year-to-date values and the
 * bureau's targets: the month alone, growth, completion, time-elapsed progress, 双过半, per-mu
 * efficiency and the full-year estimate. Nothing here is typed in by anyone.
 */
@ApplicationScoped
public class FigureService {

    static final String TAX = "tax_revenue";
    static final String VALUE_ADDED = "industrial_value_added";
    static final String EMPLOYEES = "employees";
    static final String ENERGY = "energy_consumption";

    @Inject
    ParkService parks;

    @Inject
    IndicatorRepository indicators;

    @Inject
    ValueQueries queries;

    @Inject
    TargetRepository targetsOf;

    @Inject
    ParkLandRepository lands;

    public record Figure(
            String indicator,
            String name,
            String unit,
            IndicatorKind kind,
            BigDecimal value,
            BigDecimal valueLastYear,
            BigDecimal growthPct,
            BigDecimal month,
            BigDecimal monthLastYear,
            BigDecimal monthGrowthPct,
            BigDecimal annualTarget,
            BigDecimal completionPct,
            BigDecimal timeProgressGapPts,
            BigDecimal quarterTarget,
            BigDecimal quarterCompletionPct,
            BigDecimal plannedGrowthPct,
            BigDecimal growthGapPts,
            Phrases.DoubleHalf doubleHalf,
            Figures.Estimate estimate,
            String text) {}

    public record Efficiency(
            BigDecimal developedLandMu,
            String landEffectiveFrom,
            BigDecimal taxPerMu,
            BigDecimal valueAddedPerMu,
            BigDecimal labourProductivity,
            BigDecimal valueAddedPerEnergy,
            String note) {}

    public record ParkFigures(
            String park,
            String parkName,
            String period,
            int monthsElapsed,
            BigDecimal timeElapsedPct,
            List<Figure> figures,
            Efficiency efficiency) {}

    public ParkFigures compute(String parkCode, String periodText, String onlyIndicator) {
        Park park = parks.require(parkCode);
        YearMonth period = Periods.month(periodText, "period");
        int n = period.getMonthValue();
        int year = period.getYear();
        Map<String, BigDecimal> values = new HashMap<>();
        for (IndicatorValue v :
                queries.between(parkCode, YearMonth.of(year - 3, 1).toString(), period.toString())) {
            values.put(v.id.indicator() + "@" + v.id.period(), v.value);
        }
        Map<String, IndicatorTarget> targets = new HashMap<>();
        for (IndicatorTarget t : targetsOf.ofYear(parkCode, year)) {
            targets.put(t.id.indicator(), t);
        }
        List<Figure> figures = new ArrayList<>();
        for (Indicator i : indicators.all()) {
            if (onlyIndicator != null && !onlyIndicator.equals(i.code)) {
                continue;
            }
            BigDecimal value = values.get(key(i.code, period));
            IndicatorTarget target = targets.get(i.code);
            if (value == null && target == null) {
                continue;
            }
            figures.add(figure(i, period, value, values, target));
        }
        return new ParkFigures(
                park.code,
                park.name,
                period.toString(),
                n,
                Figures.timeElapsedPct(n),
                figures,
                efficiency(parkCode, period, values));
    }

    private Figure figure(
            Indicator i, YearMonth period, BigDecimal value, Map<String, BigDecimal> values, IndicatorTarget target) {
        int n = period.getMonthValue();
        YearMonth sameLastYear = period.minusYears(1);
        BigDecimal lastYear = values.get(key(i.code, sameLastYear));
        BigDecimal growth = Figures.growthPct(value, lastYear);
        BigDecimal month = null;
        BigDecimal monthLastYear = null;
        if (i.isCumulative()) {
            month = monthAlone(i.code, period, values);
            monthLastYear = monthAlone(i.code, sameLastYear, values);
        }
        BigDecimal annual = target == null ? null : target.annual;
        BigDecimal completion = i.isCumulative() ? Figures.ratioPct(value, annual) : null;
        BigDecimal timeGap = i.isCumulative() ? Figures.timeProgressGapPts(value, annual, n) : null;
        BigDecimal quarterTarget = target != null && n % 3 == 0 ? target.quarter(n / 3) : null;
        BigDecimal quarterCompletion = Figures.ratioPct(value, quarterTarget);
        BigDecimal planned = target == null ? null : target.plannedGrowthPct;
        BigDecimal growthGap = Figures.pointsGap(growth, planned);
        Phrases.DoubleHalf doubleHalf = n == 6 && i.isCumulative() && completion != null
                ? Phrases.doubleHalf(completion, growth, planned)
                : null;
        Figures.Estimate estimate = null;
        if (i.isCumulative() && value != null) {
            List<Figures.YearShape> history = new ArrayList<>();
            for (int back = 1; back <= 3; back++) {
                YearMonth earlier = period.minusYears(back);
                history.add(new Figures.YearShape(
                        earlier.getYear(),
                        values.get(key(i.code, earlier)),
                        values.get(key(i.code, earlier.withMonth(12)))));
            }
            estimate = Figures.estimateFullYear(value, n, history);
        }
        return new Figure(
                i.code,
                i.nameZh,
                i.unit,
                i.kind,
                value,
                lastYear,
                growth,
                month,
                monthLastYear,
                Figures.growthPct(month, monthLastYear),
                annual,
                completion,
                timeGap,
                quarterTarget,
                quarterCompletion,
                planned,
                growthGap,
                doubleHalf,
                estimate,
                text(i, period, value, growth, completion, timeGap, doubleHalf));
    }

    /** 本月: the month alone, from two year-to-date figures (January is its own). */
    static BigDecimal monthAlone(String indicator, YearMonth m, Map<String, BigDecimal> values) {
        BigDecimal ytd = values.get(key(indicator, m));
        if (ytd == null || m.getMonthValue() == 1) {
            return ytd;
        }
        BigDecimal before = values.get(key(indicator, m.minusMonths(1)));
        return before == null ? null : ytd.subtract(before);
    }

    private static String text(
            Indicator i,
            YearMonth period,
            BigDecimal value,
            BigDecimal growth,
            BigDecimal completion,
            BigDecimal timeGap,
            Phrases.DoubleHalf doubleHalf) {
        if (value == null) {
            return i.nameZh + period.getYear() + "年" + Phrases.months(period) + "未报送";
        }
        StringBuilder sb = new StringBuilder();
        String months = i.isCumulative() ? Phrases.months(period) : period.getMonthValue() + "月末";
        sb.append(months)
                .append(i.isCumulative() ? "累计完成" : "")
                .append(i.nameZh)
                .append(Phrases.amount(value, i.unit));
        if (growth != null) {
            sb.append(",").append(Phrases.growth(growth));
        }
        if (completion != null) {
            sb.append(",完成全年任务的").append(completion.toPlainString()).append("%");
        }
        if (timeGap != null) {
            sb.append(",").append(Phrases.timeProgress(timeGap));
        }
        if (doubleHalf != null && !doubleHalf.text().isEmpty()) {
            sb.append(",").append(doubleHalf.text());
        }
        return sb.toString();
    }

    private Efficiency efficiency(String park, YearMonth period, Map<String, BigDecimal> values) {
        ParkLand land = lands.asOf(park, period.atEndOfMonth()).orElse(null);
        BigDecimal mu = land == null ? null : land.developedLandMu;
        BigDecimal tax = values.get(key(TAX, period));
        BigDecimal valueAdded = values.get(key(VALUE_ADDED, period));
        return new Efficiency(
                mu,
                land == null ? null : land.id.effectiveFrom().toString(),
                Figures.divide(tax, mu, 4),
                Figures.divide(valueAdded, mu, 4),
                Figures.divide(valueAdded, values.get(key(EMPLOYEES, period)), 4),
                Figures.divide(valueAdded, values.get(key(ENERGY, period)), 4),
                "year to date: 亩均税收 and 亩均增加值 in 万元/亩 over the developed land in force at the month's end; "
                        + "全员劳动生产率 in 万元/人; 单位能耗增加值 in 万元/吨标准煤");
    }

    static String key(String indicator, YearMonth m) {
        return indicator + "@" + m;
    }
}
