package io.parkpulse.reporting.service;

import io.parkpulse.common.figures.Figures;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.reporting.domain.FigureFormulas;
import io.parkpulse.reporting.repository.CrossFigureQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;

/**
 * Figures no single service can compute: how the leads a park signed became projects (履约率, 开工率,
 * 建成率, 投产率, 转化率, each over the leads signed by the period's end, a project counted once),
 * funds in place against investment completed, and problems open on key projects.
 */
@ApplicationScoped
public class CrossFigures {

    @Inject
    CrossFigureQueries queries;

    public record Park(
            String park,
            String parkName,
            String period,
            long signed,
            long landed,
            long started,
            long completed,
            long inProduction,
            BigDecimal fulfilmentRate,
            BigDecimal startRate,
            BigDecimal completionRate,
            BigDecimal productionRate,
            BigDecimal conversionRate,
            BigDecimal fundsInPlace,
            BigDecimal investmentCompleted,
            BigDecimal fundsToInvestmentPct,
            long openProblemsOnKeyProjects,
            String unit) {}

    public List<Park> of(String park, ReportingPeriod period) {
        return queries.conversion(park, period.lastDay(), period.lastMonth()).stream()
                .map(r -> new Park(
                        r.park(),
                        r.parkName(),
                        period.text(),
                        r.signed(),
                        r.landed(),
                        r.started(),
                        r.completed(),
                        r.producing(),
                        FigureFormulas.rate(r.landed(), r.signed()),
                        FigureFormulas.rate(r.started(), r.signed()),
                        FigureFormulas.rate(r.completed(), r.signed()),
                        FigureFormulas.rate(r.producing(), r.signed()),
                        // 转化率 counts a lead as converted once its project started, as 开工率 does.
                        FigureFormulas.rate(r.started(), r.signed()),
                        r.fundsInPlace(),
                        r.investmentCompleted(),
                        Figures.ratioPct(r.fundsInPlace(), r.investmentCompleted()),
                        r.openProblemsOnKeyProjects(),
                        "万元"))
                .toList();
    }
}
