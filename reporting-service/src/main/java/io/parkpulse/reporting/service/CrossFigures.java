package io.parkpulse.reporting.service;

import io.parkpulse.common.figures.Figures;
import io.parkpulse.common.periods.ReportingPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Figures no single service can compute: how the leads a park signed became projects (履约率, 开工率,
 * 建成率, 投产率, 转化率, each over the leads signed by the period's end, a project counted once),
 * funds in place against investment completed, and problems open on key projects.
 */
@ApplicationScoped
public class CrossFigures {

    @Inject
    EntityManager em;

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

    @SuppressWarnings("unchecked")
    public List<Park> of(String park, ReportingPeriod period) {
        LocalDate end = period.lastDay();
        List<Object[]> rows = em.createNativeQuery("""
                with signed as (
                    select l.park_code, l.id from lead_fact l where l.signed_on <= ?1),
                linked as (
                    select s.park_code, s.id,
                           bool_or(l.landed_on <= ?1) as landed,
                           bool_or(p.started_on <= ?1 or p.production_on <= ?1) as started,
                           bool_or(p.completed_on <= ?1) as completed,
                           bool_or(p.production_on <= ?1) as producing
                      from signed s join lead_fact l on l.id = s.id
                      left join project_fact p on p.lead_id = s.id
                     group by s.park_code, s.id)
                select r.code, r.name,
                       (select count(*) from linked k where k.park_code = r.code),
                       (select count(*) from linked k where k.park_code = r.code and k.landed),
                       (select count(*) from linked k where k.park_code = r.code and k.started),
                       (select count(*) from linked k where k.park_code = r.code and k.completed),
                       (select count(*) from linked k where k.park_code = r.code and k.producing),
                       (select coalesce(sum(f.amount), 0) from funds_fact f where f.park_code = r.code and f.period <= ?2),
                       (select coalesce(sum(p.investment_completed), 0) from project_fact p where p.park_code = r.code),
                       (select count(*) from problem_fact q join project_fact p on p.id = q.project_id
                         where q.park_code = r.code and p.key_level in ('PROVINCIAL', 'MUNICIPAL')
                           and q.raised_on <= ?1 and (q.resolved_on is null or q.resolved_on > ?1))
                  from park_replica r
                 where r.status = 'ACTIVE' and (cast(?3 as varchar) is null or r.code = ?3)
                 order by r.code
                """)
                .setParameter(1, end)
                .setParameter(2, period.lastMonth().toString())
                .setParameter(3, park)
                .getResultList();
        return rows.stream()
                .map(r -> {
                    long signed = n(r[2]);
                    BigDecimal funds = (BigDecimal) r[7];
                    BigDecimal invested = (BigDecimal) r[8];
                    return new Park(
                            (String) r[0],
                            (String) r[1],
                            period.text(),
                            signed,
                            n(r[3]),
                            n(r[4]),
                            n(r[5]),
                            n(r[6]),
                            rate(n(r[3]), signed),
                            rate(n(r[4]), signed),
                            rate(n(r[5]), signed),
                            rate(n(r[6]), signed),
                            rate(n(r[4]), signed),
                            funds,
                            invested,
                            Figures.ratioPct(funds, invested),
                            n(r[9]),
                            "万元");
                })
                .toList();
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : Figures.ratioPct(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }
}
