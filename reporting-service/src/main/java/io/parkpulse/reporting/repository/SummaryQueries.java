package io.parkpulse.reporting.repository;

import io.parkpulse.reporting.domain.StandardIndicators;
import io.parkpulse.reporting.domain.summary.Assessment;
import io.parkpulse.reporting.domain.summary.BehindPark;
import io.parkpulse.reporting.domain.summary.CityStanding;
import io.parkpulse.reporting.domain.summary.IndicatorLine;
import io.parkpulse.reporting.domain.summary.Leader;
import io.parkpulse.reporting.domain.summary.OpenProblem;
import io.parkpulse.reporting.domain.summary.ParkInfo;
import io.parkpulse.reporting.domain.summary.ProjectReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The read model as the written summary reads it. A {@code park} of null means every active park of
 * the city. Months are stored as {@code YYYY-MM} text, dates as SQL dates.
 */
@ApplicationScoped
public class SummaryQueries {

    @Inject
    EntityManager em;

    /** A park's standing in an assessment run and how many parks the run assessed. */
    public record Standing(Assessment.Result result, long assessed) {}

    public Optional<ParkInfo> park(String code) {
        return tuples("select code, name, developed_land_mu as land from park_replica where code = ?1", code).stream()
                .map(SummaryQueries::parkInfo)
                .findFirst();
    }

    public List<ParkInfo> activeParks() {
        return tuples(
                        "select code, name, developed_land_mu as land from park_replica where status = 'ACTIVE' order by code")
                .stream()
                .map(SummaryQueries::parkInfo)
                .toList();
    }

    private static ParkInfo parkInfo(Tuple t) {
        return new ParkInfo(t.get("code", String.class), t.get("name", String.class), t.get("land", BigDecimal.class));
    }

    /**
     * The month's values of one park, or summed over the active parks, in catalog order. Growth compares
     * like with like (only parks that reported both years), completion only the parks that have a target.
     */
    public List<IndicatorLine> lines(String park, YearMonth m) {
        return tuples(
                        """
                select i.indicator_code as code, max(i.indicator_name) as name, max(i.unit) as unit, sum(i.value) as value,
                       sum(i.value) filter (where ly.value is not null) as comparable_now, sum(ly.value) as last_year,
                       sum(i.value) filter (where t.annual > 0) as targeted_value, sum(t.annual) filter (where t.annual > 0) as annual,
                       max(t.planned_growth_pct) as planned,
                       case when count(*) = count(ly.value) and count(*) = count(ly12.value) then sum(ly12.value) end as last_year_full,
                       sum(i.value) filter (where q.target > 0) as quarter_targeted_value,
                       sum(q.target) filter (where q.target > 0) as quarter_target,
                       count(*) as parks, count(ly.value) as parks_compared, count(*) filter (where t.annual > 0) as parks_targeted
                  from indicator_fact i join park_replica r on r.code = i.park_code
                  left join indicator_fact ly on ly.park_code = i.park_code and ly.indicator_code = i.indicator_code and ly.period = ?3
                  left join indicator_fact ly12 on ly12.park_code = i.park_code and ly12.indicator_code = i.indicator_code and ly12.period = ?5
                  left join target_fact t on t.park_code = i.park_code and t.indicator_code = i.indicator_code and t.year = ?4
                  cross join lateral (select case ?6 when 3 then t.q1 when 6 then t.q2 when 9 then t.q3 end as target) q
                 where i.period = ?2 and (cast(?1 as varchar) is null and r.status = 'ACTIVE' or i.park_code = ?1)
                 group by i.indicator_code
                """,
                        park,
                        m.toString(),
                        m.minusYears(1).toString(),
                        m.getYear(),
                        (m.getYear() - 1) + "-12",
                        m.getMonthValue())
                .stream()
                .map(t -> new IndicatorLine(
                        t.get("code", String.class),
                        Objects.toString(t.get("name", String.class), t.get("code", String.class)),
                        t.get("unit", String.class),
                        t.get("value", BigDecimal.class),
                        t.get("comparable_now", BigDecimal.class),
                        t.get("last_year", BigDecimal.class),
                        t.get("targeted_value", BigDecimal.class),
                        t.get("annual", BigDecimal.class),
                        // A planned growth rate belongs to one park's target; the city has none.
                        park == null ? null : t.get("planned", BigDecimal.class),
                        t.get("last_year_full", BigDecimal.class),
                        t.get("quarter_targeted_value", BigDecimal.class),
                        t.get("quarter_target", BigDecimal.class),
                        t.get("parks", Number.class).intValue(),
                        t.get("parks_compared", Number.class).intValue(),
                        t.get("parks_targeted", Number.class).intValue()))
                .sorted(Comparator.comparingInt((IndicatorLine l) -> StandardIndicators.order(l.code()))
                        .thenComparing(IndicatorLine::code))
                .toList();
    }

    /**
     * The park's rank among the active parks that reported each of {@code codes} for the month (higher is
     * better, ties share a rank, on exact values), and its rank the month before within the same year.
     */
    public List<CityStanding> standings(String park, YearMonth m, List<String> codes) {
        String previous = m.getMonthValue() == 1 ? "" : m.minusMonths(1).toString();
        return tuples("""
                with ranked as (
                  select i.indicator_code, i.period, i.park_code, max(i.indicator_name) over (partition by i.indicator_code) as name,
                         rank() over (partition by i.indicator_code, i.period order by i.value desc) as rk,
                         count(*) over (partition by i.indicator_code, i.period) as parks
                    from indicator_fact i join park_replica r on r.code = i.park_code
                   where r.status = 'ACTIVE' and i.period in (?2, ?3) and i.indicator_code = any(cast(?4 as varchar[])))
                select c.indicator_code as code, c.name as name, c.rk as rank, c.parks as parks, p.rk as previous
                  from ranked c left join ranked p
                    on p.indicator_code = c.indicator_code and p.park_code = c.park_code and p.period = ?3
                 where c.park_code = ?1 and c.period = ?2
                """, park, m.toString(), previous, codes.toArray(new String[0])).stream()
                .map(t -> new CityStanding(
                        t.get("code", String.class),
                        t.get("name", String.class),
                        ((Number) t.get("rank")).intValue(),
                        ((Number) t.get("parks")).intValue(),
                        t.get("previous") == null ? null : ((Number) t.get("previous")).intValue()))
                .sorted(Comparator.comparingInt((CityStanding s) -> codes.indexOf(s.code())))
                .toList();
    }

    /** The three active parks with the most of an indicator in the month. */
    public List<Leader> leaders(String indicator, YearMonth m) {
        return tuples("""
                select r.name as park_name, i.value as value, i.unit as unit, i.indicator_name as indicator_name
                  from indicator_fact i join park_replica r on r.code = i.park_code
                 where r.status = 'ACTIVE' and i.indicator_code = ?1 and i.period = ?2 order by i.value desc, r.code limit 3
                """, indicator, m.toString()).stream()
                .map(t -> new Leader(
                        t.get("park_name", String.class),
                        t.get("indicator_name", String.class),
                        t.get("value", BigDecimal.class),
                        t.get("unit", String.class)))
                .toList();
    }

    /** Leads landed from January to the month, and those in talks at its end, with their intended investment. */
    public record LeadStages(long landed, long inTalks, BigDecimal inTalksAmount) {}

    /**
     * Leads landed and in talks of one park, whatever its status, or of the city's ACTIVE parks ({@code park} null):
     * the rule of {@link PipelineQueries}, which counts the leads signed and the funds of the same section.
     */
    public LeadStages leadStages(String park, YearMonth m) {
        LocalDate from = m.withMonth(1).atDay(1);
        LocalDate to = m.atEndOfMonth();
        // "In talks" is the stage at the month's end, from the stage history, not the lead's stage today.
        Tuple t = tuples("""
                with stage as (
                    select distinct on (s.lead_id) s.lead_id, s.stage
                      from lead_stage_fact s
                     where (cast(?1 as varchar) is null or s.park_code = ?1)
                       and coalesce(s.stage_since, date '1900-01-01') <= ?3
                     order by s.lead_id, s.stage_since desc nulls last, s.version desc)
                select count(*) filter (where l.landed_on between ?2 and ?3) as landed,
                       count(*) filter (where s.stage in ('LEAD', 'NEGOTIATING')) as in_talks,
                       coalesce(sum(l.intended_investment) filter (where s.stage in ('LEAD', 'NEGOTIATING')), 0) as in_talks_amount
                  from lead_fact l join park_replica r on r.code = l.park_code
                  left join stage s on s.lead_id = l.id
                 where (cast(?1 as varchar) is null and r.status = 'ACTIVE' or l.park_code = ?1)
                """, park, from, to).get(0);
        return new LeadStages(
                t.get("landed", Number.class).longValue(),
                t.get("in_talks", Number.class).longValue(),
                t.get("in_talks_amount", BigDecimal.class));
    }

    /**
     * Projects that existed at the month's end, with their stage then (from the stage history, the same
     * rule as projects-service: the last change on or before the day) and their last progress report of
     * the month or before. Name, plan and key level are the latest: they describe the project, not its state.
     */
    public List<ProjectReport> projects(String park, YearMonth m) {
        return tuples("""
                with stage as (
                    select distinct on (s.project_id) s.project_id, s.stage, s.stage_since
                      from project_stage_fact s
                     where (cast(?1 as varchar) is null or s.park_code = ?1)
                       and coalesce(s.stage_since, date '1900-01-01') <= ?2
                     order by s.project_id, s.stage_since desc nulls last, s.version desc),
                reports as (
                    select g.project_id, g.period, g.investment_completed, g.investment_this_year, g.physical_progress,
                           g.milestones, 0 as rank
                      from project_progress_fact g
                     where (cast(?1 as varchar) is null or g.park_code = ?1) and g.period <= ?3
                    -- The project's own latest figures stand in for a progress event this model has not seen.
                    union all
                    -- Without a report period (an amount carried over at registration) it is the oldest candidate.
                    select f.id, f.progress_period, f.investment_completed, f.investment_this_year, f.physical_progress,
                           null, 1
                      from project_fact f
                     where (cast(?1 as varchar) is null or f.park_code = ?1)
                       and (f.progress_period is null or f.progress_period <= ?3)
                       and f.investment_completed is not null),
                progress as (
                    select distinct on (g.project_id) g.*
                      from reports g
                     order by g.project_id, g.period desc nulls last, g.rank)
                select p.park_code as park, r.name as park_name, p.name as name, s.stage as stage, p.key_level as key_level,
                       p.total_investment as total, g.investment_completed as completed, p.plan_year as plan_year,
                       p.year_planned_investment as year_planned, g.investment_this_year as this_year,
                       p.started_on as started_on, p.completed_on as completed_on, p.production_on as production_on,
                       s.stage_since as stage_since, p.planned_start as planned_start, p.planned_completion as planned_completion,
                       g.physical_progress as physical_progress, g.period as progress_period, g.milestones as milestones
                  from project_fact p join park_replica r on r.code = p.park_code
                  join stage s on s.project_id = p.id
                  left join progress g on g.project_id = p.id
                 where (cast(?1 as varchar) is null and r.status = 'ACTIVE' or p.park_code = ?1)
                """, park, m.atEndOfMonth(), m.toString()).stream()
                .map(t -> {
                    Number planYear = t.get("plan_year", Number.class);
                    String progress = t.get("progress_period", String.class);
                    LocalDate end = m.atEndOfMonth();
                    return new ProjectReport(
                            t.get("park", String.class),
                            t.get("park_name", String.class),
                            t.get("name", String.class),
                            t.get("stage", String.class),
                            t.get("key_level", String.class),
                            t.get("total", BigDecimal.class),
                            t.get("completed", BigDecimal.class),
                            planYear == null ? null : planYear.intValue(),
                            t.get("year_planned", BigDecimal.class),
                            t.get("this_year", BigDecimal.class),
                            notAfter(date(t, "started_on"), end),
                            notAfter(date(t, "completed_on"), end),
                            notAfter(date(t, "production_on"), end),
                            date(t, "stage_since"),
                            date(t, "planned_start"),
                            date(t, "planned_completion"),
                            t.get("physical_progress", BigDecimal.class),
                            progress == null ? null : YearMonth.parse(progress),
                            t.get("milestones", String.class));
                })
                .toList();
    }

    /** A stage reached after the day had not been reached on it. */
    private static LocalDate notAfter(LocalDate d, LocalDate end) {
        return d == null || d.isAfter(end) ? null : d;
    }

    /** Problems raised by the month's end and not resolved by then, soonest due first. */
    public List<OpenProblem> openProblems(String park, YearMonth m) {
        return tuples("""
                select q.park_code as park, r.name as park_name, coalesce(p.name, '未知项目') as project,
                       q.description as description, q.department as department, q.due_on as due_on
                  from problem_fact q join park_replica r on r.code = q.park_code
                  left join project_fact p on p.id = q.project_id
                 where (cast(?1 as varchar) is null and r.status = 'ACTIVE' or q.park_code = ?1)
                   and q.raised_on <= ?2 and (q.resolved_on is null or q.resolved_on > ?2)
                 order by q.due_on nulls last, q.raised_on, q.id
                """, park, m.atEndOfMonth()).stream()
                .map(t -> new OpenProblem(
                        t.get("park", String.class),
                        t.get("park_name", String.class),
                        t.get("project", String.class),
                        t.get("description", String.class),
                        t.get("department", String.class),
                        date(t, "due_on")))
                .toList();
    }

    /** The parks, active or not, with any value for the month. */
    public Set<String> reportedParks(YearMonth m) {
        Set<String> out = new HashSet<>();
        tuples("select distinct park_code as park from indicator_fact where period = ?1", m.toString())
                .forEach(t -> out.add(t.get("park", String.class)));
        return out;
    }

    /** Every active park's value of every indicator with a positive annual target in the month's year. */
    public List<BehindPark> targeted(YearMonth m) {
        return tuples("""
                select i.indicator_code as code, i.indicator_name as indicator_name, r.name as park_name, i.value as value,
                       t.annual as annual
                  from indicator_fact i join park_replica r on r.code = i.park_code and r.status = 'ACTIVE'
                  join target_fact t on t.park_code = i.park_code and t.indicator_code = i.indicator_code and t.year = ?2
                 where i.period = ?1 and t.annual > 0
                """, m.toString(), m.getYear()).stream()
                .map(t -> new BehindPark(
                        t.get("code", String.class),
                        t.get("indicator_name", String.class),
                        t.get("park_name", String.class),
                        t.get("value", BigDecimal.class),
                        t.get("annual", BigDecimal.class)))
                .toList();
    }

    /** The latest revision of the latest quarter assessed that ended by the month. */
    public Optional<Assessment.Run> latestRun(YearMonth m) {
        YearMonth quarterEnd = m.minusMonths(m.getMonthValue() % 3);
        String last = quarterEnd.getYear() + "-Q" + (quarterEnd.getMonthValue() / 3);
        return tuples("""
                select a.id as id, a.quarter as quarter, a.revision as revision, s.name as scheme_name,
                       a.scheme_version as scheme_version
                  from assessment a join assessment_scheme s on s.code = a.scheme_code and s.version = a.scheme_version
                 where a.quarter <= ?1 order by a.quarter desc, a.revision desc limit 1
                """, last).stream()
                .map(t -> new Assessment.Run(
                        t.get("id", UUID.class),
                        t.get("quarter", String.class),
                        t.get("revision", Number.class).intValue(),
                        t.get("scheme_name", String.class),
                        t.get("scheme_version", Number.class).intValue()))
                .findFirst();
    }

    public Optional<Standing> standing(UUID run, String park) {
        return tuples("""
                select park_name, total, rank, rank_change, tier, disqualified,
                       (select count(*) from assessment_result x where x.assessment_id = ?1) as assessed
                  from assessment_result where assessment_id = ?1 and park_code = ?2
                """, run, park).stream()
                .map(t ->
                        new Standing(result(t), t.get("assessed", Number.class).longValue()))
                .findFirst();
    }

    /** Every park's result, the ranked first, then the disqualified. */
    public List<Assessment.Result> results(UUID run) {
        return tuples("""
                select park_name, total, rank, rank_change, tier, disqualified from assessment_result where assessment_id = ?1
                 order by disqualified, rank nulls last, total desc, park_code
                """, run).stream().map(SummaryQueries::result).toList();
    }

    private static Assessment.Result result(Tuple t) {
        Number rank = t.get("rank", Number.class);
        Number change = t.get("rank_change", Number.class);
        return new Assessment.Result(
                t.get("park_name", String.class),
                t.get("total", BigDecimal.class),
                rank == null ? null : rank.intValue(),
                change == null ? null : change.intValue(),
                t.get("tier", String.class),
                Boolean.TRUE.equals(t.get("disqualified", Boolean.class)));
    }

    private List<Tuple> tuples(String sql, Object... params) {
        var q = em.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        List<?> rows = q.getResultList();
        return rows.stream().map(Tuple.class::cast).toList();
    }

    /** The driver hands dates back as java.sql.Date or LocalDate depending on the column's mapping. */
    static LocalDate date(Tuple t, String alias) {
        Object o = t.get(alias);
        return o == null ? null : o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
