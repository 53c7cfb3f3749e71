package io.parkpulse.indicators.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.TargetState;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.IndicatorTarget;
import io.parkpulse.indicators.domain.Units;
import io.parkpulse.indicators.repository.IndicatorRepository;
import io.parkpulse.indicators.repository.TargetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Annual and quarterly targets and the planned growth rate, set by the bureau. */
@ApplicationScoped
public class TargetService {

    @Inject
    Outbox outbox;

    @Inject
    ParkService parks;

    @Inject
    IndicatorRepository indicators;

    @Inject
    TargetRepository targets;

    /** The park's targets by year, then indicator; of one year only when {@code year} is set. */
    public List<IndicatorTarget> list(String park, Integer year) {
        parks.require(park);
        return targets.ofPark(park, year);
    }

    public record NewTarget(
            BigDecimal annual,
            BigDecimal q1,
            BigDecimal q2,
            BigDecimal q3,
            BigDecimal plannedGrowthPct,
            String unit,
            Long version) {}

    @Transactional
    public IndicatorTarget set(String park, int year, String indicatorCode, NewTarget t, String user) {
        parks.require(park);
        ReportingPeriod.parse(Integer.toString(year), "year");
        Indicator indicator = indicators.find(indicatorCode);
        if (indicator == null || !indicator.isActive()) {
            throw ValueService.unknownIndicator(422, "indicator", indicatorCode);
        }
        if (t.annual() == null) {
            throw ProblemException.badRequest(
                    "annual", "required", "请填写" + indicator.nameZh + "的全年目标", "the annual target is required");
        }
        BigDecimal annual = canonical(t.annual(), t.unit(), indicator, "annual");
        BigDecimal q1 = canonical(t.q1(), t.unit(), indicator, "q1");
        BigDecimal q2 = canonical(t.q2(), t.unit(), indicator, "q2");
        BigDecimal q3 = canonical(t.q3(), t.unit(), indicator, "q3");
        if (indicator.isCumulative()) {
            // Year-to-date targets cannot fall from one quarter to the next.
            List<BigDecimal> ladder = new ArrayList<>();
            for (BigDecimal q : new BigDecimal[] {q1, q2, q3, annual}) {
                if (q != null) {
                    if (!ladder.isEmpty() && q.compareTo(ladder.get(ladder.size() - 1)) < 0) {
                        throw ProblemException.unprocessable(
                                "q1",
                                "targets_not_cumulative",
                                indicator.nameZh + "的季度目标按累计计算，应满足：一季度 ≤ 上半年 ≤ 前三季度 ≤ 全年目标",
                                "quarterly targets are year to date: Q1 ≤ Q2 ≤ Q3 ≤ the annual target");
                    }
                    ladder.add(q);
                }
            }
        }
        if (t.plannedGrowthPct() != null && t.plannedGrowthPct().abs().compareTo(new BigDecimal("1000")) > 0) {
            throw ProblemException.unprocessable(
                    "plannedGrowthPct",
                    "out_of_range",
                    "计划增速以百分比计，应在 -1000 至 1000 之间",
                    "a growth rate in percent, within ±1000");
        }
        IndicatorTarget.Key key = new IndicatorTarget.Key(park, indicatorCode, year);
        IndicatorTarget target = targets.find(key);
        if (target == null) {
            target = new IndicatorTarget();
            target.id = key;
            target.stampCreated(user);
        } else {
            target.requireVersionToReplace(
                    t.version(),
                    "园区“" + park + "”" + year + "年" + indicator.nameZh + "目标",
                    "the target of " + park + " " + indicatorCode + " " + year);
            target.stampUpdated();
        }
        target.annual = annual;
        target.q1 = q1;
        target.q2 = q2;
        target.q3 = q3;
        target.plannedGrowthPct = t.plannedGrowthPct();
        target.persist();
        targets.flush();
        outbox.publish(
                Topics.INDICATORS,
                EventTypes.TARGET_SET,
                park,
                new TargetState(
                        park,
                        indicatorCode,
                        year,
                        annual,
                        q1,
                        q2,
                        q3,
                        target.plannedGrowthPct,
                        indicator.unit,
                        target.version));
        return target;
    }

    private static BigDecimal canonical(BigDecimal v, String unit, Indicator indicator, String field) {
        if (v == null) {
            return null;
        }
        if (v.signum() <= 0 && !indicator.allowNegative) {
            throw ProblemException.unprocessable(
                    field, "negative_not_allowed", indicator.nameZh + "的目标必须大于0", "a target must be positive");
        }
        BigDecimal c = Units.toCanonical(v, unit, indicator.unit, "unit");
        if (c.abs().compareTo(ValueService.MAX_ABS) >= 0
                || c.stripTrailingZeros().scale() > ValueService.MAX_SCALE) {
            throw ProblemException.unprocessable(
                    field,
                    "out_of_range",
                    indicator.nameZh + "的目标不合理：以" + indicator.unit + "计，绝对值应小于10的15次方，最多" + ValueService.MAX_SCALE
                            + "位小数",
                    "not a plausible target");
        }
        return c;
    }
}
