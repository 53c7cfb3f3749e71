package io.parkpulse.reporting.messaging;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.LeadState;
import io.parkpulse.reporting.service.ReadModelUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Keeps each lead's latest state; activity, funds and target events on the same topic are other handlers' business. */
@ApplicationScoped
public class LeadEventsHandler extends JsonEventHandler<LeadState> {

    @Inject
    ReadModelUpdates updates;

    public LeadEventsHandler() {
        super(
                Topics.INVESTMENT,
                LeadState.class,
                EventTypes.LEAD_REGISTERED,
                EventTypes.LEAD_UPDATED,
                EventTypes.LEAD_STAGE_CHANGED);
    }

    @Override
    protected void apply(LeadState l, Event event) {
        if (l.id() == null || l.park() == null || l.stage() == null || l.intendedInvestment() == null) {
            throw new MalformedEventException("lead event without id, park, stage or investment");
        }
        updates.lead(l);
    }
}
