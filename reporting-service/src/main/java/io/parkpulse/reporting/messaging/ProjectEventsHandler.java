package io.parkpulse.reporting.messaging;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.ProjectState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Keeps each project's latest state (every project event carries the full state and its version). */
@ApplicationScoped
public class ProjectEventsHandler extends JsonEventHandler<ProjectState> {

    @Inject
    EntityManager em;

    public ProjectEventsHandler() {
        // Progress and problem events carry other payloads; the project's own state comes with these three.
        super(
                Topics.PROJECTS,
                ProjectState.class,
                EventTypes.PROJECT_REGISTERED,
                EventTypes.PROJECT_UPDATED,
                EventTypes.PROJECT_STAGE_CHANGED);
    }

    @Override
    protected void apply(ProjectState p, Event event) {
        if (p.id() == null || p.park() == null || p.stage() == null || p.totalInvestment() == null) {
            throw new MalformedEventException("project event without id, park, stage or investment");
        }
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
    }
}
