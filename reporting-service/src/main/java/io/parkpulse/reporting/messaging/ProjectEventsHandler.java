package io.parkpulse.reporting.messaging;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
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
        super(Topics.PROJECTS, ProjectState.class);
    }

    /** Progress and problem events carry other payloads; the project's own state comes with these three. */
    @Override
    protected boolean accepts(String type) {
        return EventTypes.PROJECT_REGISTERED.equals(type) || EventTypes.PROJECT_UPDATED.equals(type)
                || EventTypes.PROJECT_STAGE_CHANGED.equals(type);
    }

    @Override
    protected void apply(ProjectState p, Event event) {
        if (p.id() == null || p.park() == null || p.stage() == null || p.totalInvestment() == null) {
            throw new IllegalArgumentException("project event without id, park, stage or investment");
        }
        em.createNativeQuery("""
                insert into project_fact (id, park_code, name, kind, stage, total_investment, version, lead_id, key_level,
                                          signed_on, started_on, completed_on, production_on, investment_completed)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                on conflict (id) do update
                   set name = excluded.name, kind = excluded.kind, stage = excluded.stage,
                       total_investment = excluded.total_investment, version = excluded.version, lead_id = excluded.lead_id,
                       key_level = excluded.key_level, signed_on = excluded.signed_on, started_on = excluded.started_on,
                       completed_on = excluded.completed_on, production_on = excluded.production_on,
                       investment_completed = excluded.investment_completed
                 where project_fact.version < excluded.version
                """)
                .setParameter(1, p.id()).setParameter(2, p.park()).setParameter(3, p.name()).setParameter(4, p.kind())
                .setParameter(5, p.stage()).setParameter(6, p.totalInvestment()).setParameter(7, p.version())
                .setParameter(8, p.leadId()).setParameter(9, p.keyLevel()).setParameter(10, p.signedOn())
                .setParameter(11, p.startedOn()).setParameter(12, p.completedOn()).setParameter(13, p.productionOn())
                .setParameter(14, p.investmentCompleted())
                .executeUpdate();
    }
}
