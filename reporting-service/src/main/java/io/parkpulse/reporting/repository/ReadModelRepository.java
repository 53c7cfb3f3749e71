package io.parkpulse.reporting.repository;

import io.parkpulse.common.events.payload.FundsReported;
import io.parkpulse.common.events.payload.IndicatorValueRecorded;
import io.parkpulse.common.events.payload.LeadState;
import io.parkpulse.common.events.payload.NarrativeReportState;
import io.parkpulse.common.events.payload.ProjectProblem;
import io.parkpulse.common.events.payload.ProjectProgress;
import io.parkpulse.common.events.payload.ProjectState;
import io.parkpulse.common.events.payload.TargetState;
import io.parkpulse.common.sql.MultiRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Locale;
import org.hibernate.Session;

/**
 * The read model's tables as the events fill them. Every upsert replaces a row only with a newer version, so
 * a replayed or reordered event cannot move a figure backwards.
 */
@ApplicationScoped
public class ReadModelRepository {

    /** The tables built from events only, which a rebuild truncates. */
    public static final List<String> TABLES = List.of(
            "indicator_fact",
            "target_fact",
            "project_fact",
            "project_stage_fact",
            "project_progress_fact",
            "lead_fact",
            "lead_stage_fact",
            "funds_fact",
            "problem_fact",
            "narrative_report_fact",
            "narrative_figure_fact",
            "park_replica");

    @Inject
    EntityManager em;

    /**
     * One statement per thousand values over the JDBC connection itself, as a batch carries thousands. The
     * values must hold at most one version per park, indicator and period: one statement may not touch a row
     * twice.
     */
    public void upsertIndicatorValues(List<IndicatorValueRecorded> values) {
        em.unwrap(Session.class).doWork(c -> {
            for (List<IndicatorValueRecorded> part : MultiRow.chunks(values)) {
                try (PreparedStatement s = c.prepareStatement("""
                        insert into indicator_fact (park_code, indicator_code, period, indicator_name, value, unit, version, recorded_at)
                        values %s
                        on conflict (park_code, indicator_code, period) do update
                           set value = excluded.value, unit = excluded.unit, indicator_name = excluded.indicator_name,
                               version = excluded.version, recorded_at = excluded.recorded_at
                         where indicator_fact.version < excluded.version
                        """.formatted(MultiRow.placeholders(part.size(), 8)))) {
                    int i = 1;
                    for (IndicatorValueRecorded v : part) {
                        s.setString(i++, v.park());
                        s.setString(i++, v.indicator());
                        s.setString(i++, v.period());
                        s.setString(i++, v.indicatorName());
                        s.setBigDecimal(i++, v.value());
                        s.setString(i++, v.unit());
                        s.setLong(i++, v.version());
                        s.setObject(i++, v.recordedAt());
                    }
                    s.executeUpdate();
                }
            }
        });
    }

    public void upsertTarget(TargetState t) {
        em.createNativeQuery("""
                insert into target_fact (park_code, indicator_code, year, annual, q1, q2, q3, planned_growth_pct, unit, version)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (park_code, indicator_code, year) do update
                   set annual = excluded.annual, q1 = excluded.q1, q2 = excluded.q2, q3 = excluded.q3,
                       planned_growth_pct = excluded.planned_growth_pct, unit = excluded.unit, version = excluded.version
                 where target_fact.version < excluded.version
                """)
                .setParameter(1, t.park())
                .setParameter(2, t.indicator())
                .setParameter(3, t.year())
                .setParameter(4, t.annual())
                .setParameter(5, t.q1())
                .setParameter(6, t.q2())
                .setParameter(7, t.q3())
                .setParameter(8, t.plannedGrowthPct())
                .setParameter(9, t.unit())
                .setParameter(10, t.version())
                .executeUpdate();
    }

    public void upsertProject(ProjectState p) {
        em.createNativeQuery("""
                insert into project_fact (id, park_code, name, kind, stage, total_investment, version, lead_id, key_level,
                                          signed_on, started_on, completed_on, production_on, investment_completed,
                                          stage_since, plan_year, year_planned_investment, investment_this_year,
                                          physical_progress, progress_period, planned_start, planned_completion)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
                on conflict (id) do update
                   set name = excluded.name, kind = excluded.kind, stage = excluded.stage,
                       total_investment = excluded.total_investment, version = excluded.version, lead_id = excluded.lead_id,
                       key_level = excluded.key_level, signed_on = excluded.signed_on, started_on = excluded.started_on,
                       completed_on = excluded.completed_on, production_on = excluded.production_on,
                       investment_completed = excluded.investment_completed, stage_since = excluded.stage_since,
                       plan_year = excluded.plan_year, year_planned_investment = excluded.year_planned_investment,
                       investment_this_year = excluded.investment_this_year, physical_progress = excluded.physical_progress,
                       progress_period = excluded.progress_period, planned_start = excluded.planned_start,
                       planned_completion = excluded.planned_completion
                 where project_fact.version < excluded.version
                """)
                .setParameter(1, p.id())
                .setParameter(2, p.park())
                .setParameter(3, p.name())
                .setParameter(4, p.kind())
                .setParameter(5, p.stage())
                .setParameter(6, p.totalInvestment())
                .setParameter(7, p.version())
                .setParameter(8, p.leadId())
                .setParameter(9, p.keyLevel())
                .setParameter(10, p.signedOn())
                .setParameter(11, p.startedOn())
                .setParameter(12, p.completedOn())
                .setParameter(13, p.productionOn())
                .setParameter(14, p.investmentCompleted())
                .setParameter(15, p.stageSince())
                .setParameter(16, p.planYear())
                .setParameter(17, p.yearPlannedInvestment())
                .setParameter(18, p.investmentCompletedThisYear())
                .setParameter(19, p.physicalProgress())
                .setParameter(20, p.progressPeriod())
                .setParameter(21, p.plannedStart())
                .setParameter(22, p.plannedCompletion())
                .executeUpdate();
        em.createNativeQuery("""
                insert into project_stage_fact (project_id, version, park_code, stage, stage_since)
                values (?1, ?2, ?3, ?4, ?5) on conflict do nothing
                """)
                .setParameter(1, p.id())
                .setParameter(2, p.version())
                .setParameter(3, p.park())
                .setParameter(4, p.stage())
                .setParameter(5, p.stageSince())
                .executeUpdate();
    }

    /** A month's progress report; a later revision of the same month replaces it, an older one does not. */
    public void upsertProgress(ProjectProgress p) {
        em.createNativeQuery("""
                insert into project_progress_fact (project_id, period, park_code, investment_completed, investment_this_year,
                                                   physical_progress, milestones, revision)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                on conflict (project_id, period) do update
                   set investment_completed = excluded.investment_completed,
                       investment_this_year = excluded.investment_this_year,
                       physical_progress = excluded.physical_progress, milestones = excluded.milestones,
                       revision = excluded.revision
                 where project_progress_fact.revision < excluded.revision
                """)
                .setParameter(1, p.projectId())
                .setParameter(2, p.period())
                .setParameter(3, p.park())
                .setParameter(4, p.investmentCompleted())
                .setParameter(5, p.investmentCompletedThisYear())
                .setParameter(6, p.physicalProgress())
                .setParameter(7, p.milestones())
                .setParameter(8, p.revision())
                .executeUpdate();
    }

    public void upsertLead(LeadState l) {
        em.createNativeQuery("""
                insert into lead_fact (id, park_code, project_name, stage, intended_investment, version, signed_on, landed_on,
                                       contracted_investment)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                on conflict (id) do update
                   set project_name = excluded.project_name, stage = excluded.stage,
                       intended_investment = excluded.intended_investment, version = excluded.version,
                       signed_on = excluded.signed_on, landed_on = excluded.landed_on,
                       contracted_investment = excluded.contracted_investment
                 where lead_fact.version < excluded.version
                """)
                .setParameter(1, l.id())
                .setParameter(2, l.park())
                .setParameter(3, l.projectName())
                .setParameter(4, l.stage())
                .setParameter(5, l.intendedInvestment())
                .setParameter(6, l.version())
                .setParameter(7, l.signedOn())
                .setParameter(8, l.landedOn())
                .setParameter(9, l.contractedInvestment())
                .executeUpdate();
        em.createNativeQuery("""
                insert into lead_stage_fact (lead_id, version, park_code, stage, stage_since)
                values (?1, ?2, ?3, ?4, ?5) on conflict do nothing
                """)
                .setParameter(1, l.id())
                .setParameter(2, l.version())
                .setParameter(3, l.park())
                .setParameter(4, l.stage())
                .setParameter(5, l.stageSince())
                .executeUpdate();
    }

    /** Funds per lead and month; the revision orders corrections of the same month. */
    public void upsertFunds(FundsReported f) {
        em.createNativeQuery("""
                insert into funds_fact (lead_id, period, park_code, amount, revision, source, amount_usd)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (lead_id, period) do update
                   set amount = excluded.amount, revision = excluded.revision, source = excluded.source,
                       amount_usd = excluded.amount_usd
                 where funds_fact.revision < excluded.revision
                """)
                .setParameter(1, f.leadId())
                .setParameter(2, f.period())
                .setParameter(3, f.park())
                .setParameter(4, f.amount())
                .setParameter(5, f.revision())
                .setParameter(6, f.source())
                .setParameter(7, f.amountUsd())
                .executeUpdate();
    }

    /**
     * A narrative report's state and the figures it states. Only a newer version replaces what is held, and then
     * its figures replace the held ones whole; an older or repeated version changes nothing. False when nothing
     * changed.
     */
    public boolean upsertNarrativeReport(NarrativeReportState r) {
        int changed = em.createNativeQuery("""
                        insert into narrative_report_fact (id, park_code, file_name, status, period, uploaded_at,
                                                           confirmed_at, version, sha256)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        on conflict (id) do update
                           set park_code = excluded.park_code, file_name = excluded.file_name, status = excluded.status,
                               period = excluded.period, uploaded_at = excluded.uploaded_at,
                               confirmed_at = excluded.confirmed_at, version = excluded.version,
                               sha256 = excluded.sha256
                         where narrative_report_fact.version < excluded.version
                        """)
                .setParameter(1, r.id())
                .setParameter(2, r.park())
                .setParameter(3, r.fileName())
                .setParameter(4, r.status())
                .setParameter(5, r.period())
                .setParameter(6, r.uploadedAt())
                .setParameter(7, r.confirmedAt())
                .setParameter(8, r.version())
                // Lower case, so that the same bytes are one document whichever way the hex was written.
                .setParameter(9, r.sha256() == null ? null : r.sha256().toLowerCase(Locale.ROOT))
                .executeUpdate();
        if (changed == 0) {
            return false;
        }
        em.createNativeQuery("delete from narrative_figure_fact where report_id = ?1")
                .setParameter(1, r.id())
                .executeUpdate();
        List<NarrativeReportState.StatedFigure> figures = r.statedFigures();
        em.unwrap(Session.class).doWork(c -> {
            // The figure's place in the report's order, across statements.
            int[] ordinal = {0};
            for (List<NarrativeReportState.StatedFigure> part : MultiRow.chunks(figures)) {
                try (PreparedStatement s = c.prepareStatement("""
                        insert into narrative_figure_fact (report_id, ordinal, code, owner, period, value, unit, rounding,
                                                           stated, growth_pct, completion_pct, sentence, span_start,
                                                           span_end, growth_rounding, completion_rounding)
                        values %s
                        """.formatted(MultiRow.placeholders(part.size(), 16)))) {
                    int i = 1;
                    for (NarrativeReportState.StatedFigure f : part) {
                        s.setLong(i++, r.id());
                        s.setInt(i++, ordinal[0]++);
                        s.setString(i++, f.code());
                        s.setString(i++, f.owner());
                        s.setString(i++, f.period());
                        s.setBigDecimal(i++, f.value());
                        s.setString(i++, f.unit());
                        s.setBigDecimal(i++, f.rounding());
                        s.setString(i++, f.stated());
                        s.setBigDecimal(i++, f.growthPct());
                        s.setBigDecimal(i++, f.completionPct());
                        s.setString(i++, f.sentence());
                        s.setInt(i++, f.start());
                        s.setInt(i++, f.end());
                        s.setBigDecimal(i++, f.growthRounding());
                        s.setBigDecimal(i++, f.completionRounding());
                    }
                    s.executeUpdate();
                }
            }
        });
        return true;
    }

    public void upsertProblem(ProjectProblem p) {
        em.createNativeQuery("""
                insert into problem_fact (id, project_id, park_code, raised_on, resolved_on, version, description, department, due_on)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                on conflict (id) do update set raised_on = excluded.raised_on, resolved_on = excluded.resolved_on,
                                               version = excluded.version, description = excluded.description,
                                               department = excluded.department, due_on = excluded.due_on
                 where problem_fact.version < excluded.version
                """)
                .setParameter(1, p.id())
                .setParameter(2, p.projectId())
                .setParameter(3, p.park())
                .setParameter(4, p.raisedOn())
                .setParameter(5, p.resolvedOn())
                .setParameter(6, p.version())
                .setParameter(7, p.description())
                .setParameter(8, p.department())
                .setParameter(9, p.dueOn())
                .executeUpdate();
    }

    /** Rows in one table; {@code table} is one of {@link #TABLES} or {@code processed_event}, never a caller's text. */
    public long count(String table) {
        return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }

    public void truncateAll() {
        em.createNativeQuery("truncate " + String.join(", ", TABLES)).executeUpdate();
    }
}
