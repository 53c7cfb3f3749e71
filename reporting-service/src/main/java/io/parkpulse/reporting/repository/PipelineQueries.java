package io.parkpulse.reporting.repository;

import io.parkpulse.common.figures.MajorProjects;
import io.parkpulse.common.sql.MultiRow;
import io.parkpulse.reporting.domain.PipelineTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * The ledgers of investment-service and projects-service year to date, as this read model holds them: funds in place
 * (by the month they were reported for, by source), leads signed and their contracted investment (by the signing
 * day; 重大 from 1亿元), projects started and completed (by the day of each). The narrative checks and the written
 * summaries' 招商引资 section both count here, so that they state the same number for the same park and months.
 *
 * <p>Whose figures count is deliberate: a park named is counted whatever its status — a park that has left the
 * platform still has its ledgers, and its reports and summaries are about it — while the city is the sum of its
 * ACTIVE parks, as the city's indicators, rankings and assessments count it (docs/reporting.md).
 */
@ApplicationScoped
public class PipelineQueries {

    @Inject
    EntityManager em;

    public record ParkMonth(String park, YearMonth month) {}

    /**
     * The totals of one park ({@code park} named, whatever its status) or of the city ({@code park} null: its
     * ACTIVE parks summed) from January to the end of each month.
     */
    public Map<YearMonth, PipelineTotals> yearToDate(String park, Collection<YearMonth> months) {
        List<String> parks = park != null
                ? List.of(park)
                : em.createNativeQuery(
                                "select code from park_replica where status = 'ACTIVE' order by code", String.class)
                        .getResultList();
        List<ParkMonth> keys = new ArrayList<>();
        for (String p : parks) {
            for (YearMonth m : months) {
                keys.add(new ParkMonth(p, m));
            }
        }
        Map<YearMonth, PipelineTotals> out = new HashMap<>();
        for (YearMonth m : months) {
            out.put(m, PipelineTotals.ZERO);
        }
        totals(keys).forEach((k, t) -> out.merge(k.month(), t, PipelineTotals::plus));
        return out;
    }

    /** Each named park's totals from January to the end of the month, whatever the park's status. */
    public Map<ParkMonth, PipelineTotals> totals(Collection<ParkMonth> keys) {
        List<ParkMonth> all = List.copyOf(keys);
        Map<ParkMonth, PipelineTotals> out = new HashMap<>();
        for (List<ParkMonth> part : MultiRow.chunks(all)) {
            em.unwrap(Session.class).doWork(c -> {
                String row = "(?, ?, ?, cast(? as date), cast(? as date))";
                try (var ps =
                        c.prepareStatement("""
                        with k(park, m_from, m_to, d_from, d_to) as (values %s)
                        select k.park, k.m_to, f.funds, f.funds_outside_province, f.funds_foreign_usd,
                               f.without_source, f.foreign_without_usd, l.signed, l.major, l.signed_amount,
                               p.started, p.completed
                          from k
                         cross join lateral (
                               select coalesce(sum(amount), 0) as funds,
                                      coalesce(sum(amount) filter (where source = 'OUTSIDE_PROVINCE'), 0)
                                          as funds_outside_province,
                                      coalesce(sum(amount_usd) filter (where source = 'FOREIGN'), 0) as funds_foreign_usd,
                                      count(*) filter (where source is null) as without_source,
                                      count(*) filter (where source = 'FOREIGN' and amount_usd is null)
                                          as foreign_without_usd
                                 from funds_fact
                                where park_code = k.park and period between k.m_from and k.m_to) f
                         cross join lateral (
                               select count(*) as signed,
                                      count(*) filter (where coalesce(contracted_investment, intended_investment) >= ?)
                                          as major,
                                      coalesce(sum(coalesce(contracted_investment, intended_investment)), 0)
                                          as signed_amount
                                 from lead_fact
                                where park_code = k.park and signed_on between k.d_from and k.d_to) l
                         cross join lateral (
                               select count(*) filter (where started_on between k.d_from and k.d_to) as started,
                                      count(*) filter (where completed_on between k.d_from and k.d_to) as completed
                                 from project_fact
                                where park_code = k.park) p
                        """.formatted(String.join(", ", Collections.nCopies(part.size(), row))))) {
                    int i = 1;
                    for (ParkMonth k : part) {
                        ps.setString(i++, k.park());
                        ps.setString(i++, k.month().withMonth(1).toString());
                        ps.setString(i++, k.month().toString());
                        ps.setString(i++, k.month().withMonth(1).atDay(1).toString());
                        ps.setString(i++, k.month().atEndOfMonth().toString());
                    }
                    ps.setBigDecimal(i, MajorProjects.MAJOR_WAN);
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            boolean sourcesKnown = rs.getLong("without_source") == 0;
                            out.put(
                                    new ParkMonth(rs.getString("park"), YearMonth.parse(rs.getString("m_to"))),
                                    new PipelineTotals(
                                            rs.getBigDecimal("funds"),
                                            sourcesKnown ? rs.getBigDecimal("funds_outside_province") : null,
                                            sourcesKnown && rs.getLong("foreign_without_usd") == 0
                                                    ? rs.getBigDecimal("funds_foreign_usd")
                                                    : null,
                                            rs.getLong("signed"),
                                            rs.getLong("major"),
                                            rs.getBigDecimal("signed_amount"),
                                            rs.getLong("started"),
                                            rs.getLong("completed")));
                        }
                    }
                }
            });
        }
        return out;
    }
}
