package io.parkpulse.reporting.messaging;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.ProjectState;
import io.parkpulse.reporting.service.ReadModelUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Keeps each project's latest state (every project event carries the full state and its version). */
@ApplicationScoped
public class ProjectEventsHandler extends JsonEventHandler<ProjectState> {

    @Inject
    ReadModelUpdates updates;

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
        updates.project(p);
    }
}
