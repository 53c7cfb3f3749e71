package io.parkpulse.reporting.messaging;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.IndicatorValuesRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A batch request's values, applied exactly as the single-value events are (newest version wins). */
@ApplicationScoped
public class IndicatorBatchEventsHandler extends JsonEventHandler<IndicatorValuesRecorded> {

    @Inject
    IndicatorEventsHandler values;

    public IndicatorBatchEventsHandler() {
        super(Topics.INDICATORS, IndicatorValuesRecorded.class, EventTypes.VALUES_RECORDED);
    }

    @Override
    protected void apply(IndicatorValuesRecorded batch, Event event) {
        if (batch.values() == null || batch.values().isEmpty()) {
            throw new MalformedEventException("values event without values");
        }
        values.upsert(batch.values());
    }
}
