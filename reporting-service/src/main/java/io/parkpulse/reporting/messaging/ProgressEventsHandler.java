package io.parkpulse.reporting.messaging;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.ProjectProgress;
import io.parkpulse.reporting.service.ReadModelUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps every month's progress report, not only the latest: a summary of a past month states the
 * progress and milestones reported for that month.
 */
@ApplicationScoped
public class ProgressEventsHandler extends JsonEventHandler<ProjectProgress> {

    @Inject
    ReadModelUpdates updates;

    public ProgressEventsHandler() {
        super(Topics.PROJECTS, ProjectProgress.class, EventTypes.PROGRESS_REPORTED);
    }

    @Override
    protected void apply(ProjectProgress p, Event event) {
        if (p.projectId() == null
                || p.park() == null
                || p.period() == null
                || p.investmentCompleted() == null
                || p.investmentCompletedThisYear() == null
                || p.physicalProgress() == null) {
            throw new MalformedEventException("progress event without project, park, period or figures");
        }
        updates.progress(p);
    }
}
