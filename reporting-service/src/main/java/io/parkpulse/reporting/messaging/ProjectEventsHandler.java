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
                insert into project_fact (id, park_code, name, kind, stage, total_investment, version)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                on conflict (id) do update
                   set name = excluded.name, kind = excluded.kind, stage = excluded.stage,
                       total_investment = excluded.total_investment, version = excluded.version
                 where project_fact.version < excluded.version
                """)
                .setParameter(1, p.id()).setParameter(2, p.park()).setParameter(3, p.name()).setParameter(4, p.kind())
                .setParameter(5, p.stage()).setParameter(6, p.totalInvestment()).setParameter(7, p.version())
                .executeUpdate();
    }
}
