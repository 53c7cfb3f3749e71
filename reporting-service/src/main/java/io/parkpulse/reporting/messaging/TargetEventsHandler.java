package io.parkpulse.reporting.messaging;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.TargetState;
import io.parkpulse.reporting.service.ReadModelUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Keeps each park's targets per indicator and year, for completion figures; an older version never overwrites a newer one. */
@ApplicationScoped
public class TargetEventsHandler extends JsonEventHandler<TargetState> {

    @Inject
    ReadModelUpdates updates;

    public TargetEventsHandler() {
        super(Topics.INDICATORS, TargetState.class, EventTypes.TARGET_SET);
    }

    @Override
    protected void apply(TargetState t, Event event) {
        if (t.park() == null || t.indicator() == null || t.year() == 0) {
            throw new MalformedEventException("target event without park, indicator or year");
        }
        updates.target(t);
    }
}
