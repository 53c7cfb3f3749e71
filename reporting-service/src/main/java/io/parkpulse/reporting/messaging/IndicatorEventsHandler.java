package io.parkpulse.reporting.messaging;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.IndicatorValueRecorded;
import io.parkpulse.reporting.service.ReadModelUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Keeps the latest version of every reported value. The upsert only replaces an older version, so a
 * replayed or reordered event cannot move a figure backwards.
 */
@ApplicationScoped
public class IndicatorEventsHandler extends JsonEventHandler<IndicatorValueRecorded> {

    @Inject
    ReadModelUpdates updates;

    public IndicatorEventsHandler() {
        super(Topics.INDICATORS, IndicatorValueRecorded.class, EventTypes.VALUE_RECORDED);
    }

    @Override
    protected void apply(IndicatorValueRecorded v, Event event) {
        upsert(List.of(v));
    }

    /** Validates every value before any is applied, so a batch with one malformed value applies none. */
    public void upsert(List<IndicatorValueRecorded> values) {
        for (IndicatorValueRecorded v : values) {
            if (v == null
                    || v.park() == null
                    || v.indicator() == null
                    || v.period() == null
                    || v.value() == null
                    || v.unit() == null
                    || v.recordedAt() == null) {
                throw new MalformedEventException("value event without park, indicator, period, value, unit or time");
            }
        }
        updates.indicatorValues(values);
    }
}
