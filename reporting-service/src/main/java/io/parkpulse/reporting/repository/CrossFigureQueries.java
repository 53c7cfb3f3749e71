package io.parkpulse.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** What the cross-domain figures count, per active park: leads, their projects, funds and problems. */
@ApplicationScoped
public class CrossFigureQueries {

    @Inject
    EntityManager em;

    /**
     * Over the leads signed by {@code end}, each counted once: how many landed, started (construction
     * or production), completed and produce; funds in place up to {@code month}, the park's projects'
     * investment completed (latest reports) and problems open at {@code end} on key projects.
     */
    public record Counts(
            String park,
            String parkName,
            long signed,
            long landed,
            long started,
            long completed,
            long producing,
            BigDecimal fundsInPlace,
            BigDecimal investmentCompleted,
            long openProblemsOnKeyProjects) {}

    /** One row per active park (or only {@code park} when given), by code. */
    public List<Counts> conversion(String park, LocalDate end, YearMonth month) {
        List<?> rows = em.createNativeQuery("""

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
                select r.code as park, r.name as park_name,
                       (select count(*) from linked k where k.park_code = r.code) as signed,
                       (select count(*) from linked k where k.park_code = r.code and k.landed) as landed,
                       (select count(*) from linked k where k.park_code = r.code and k.started) as started,
                       (select count(*) from linked k where k.park_code = r.code and k.completed) as completed,
                       (select count(*) from linked k where k.park_code = r.code and k.producing) as producing,
                       (select coalesce(sum(f.amount), 0) from funds_fact f where f.park_code = r.code and f.period <= ?2) as funds,
                       (select coalesce(sum(p.investment_completed), 0) from project_fact p where p.park_code = r.code) as invested,
                       (select count(*) from problem_fact q join project_fact p on p.id = q.project_id
                         where q.park_code = r.code and p.key_level in ('PROVINCIAL', 'MUNICIPAL')
                           and q.raised_on <= ?1 and (q.resolved_on is null or q.resolved_on > ?1)) as open_problems
                  from park_replica r
                 where r.status = 'ACTIVE' and (cast(?3 as varchar) is null or r.code = ?3)
                 order by r.code
                """, Tuple.class)
                .setParameter(1, end)
                .setParameter(2, month.toString())
                .setParameter(3, park)
                .getResultList();
        return rows.stream()
                .map(Tuple.class::cast)
                .map(t -> new Counts(
                        t.get("park", String.class),
                        t.get("park_name", String.class),
                        t.get("signed", Number.class).longValue(),
                        t.get("landed", Number.class).longValue(),
                        t.get("started", Number.class).longValue(),
                        t.get("completed", Number.class).longValue(),
                        t.get("producing", Number.class).longValue(),
                        t.get("funds", BigDecimal.class),
                        t.get("invested", BigDecimal.class),
                        t.get("open_problems", Number.class).longValue()))
                .toList();
    }
}
