package io.parkpulse.reporting.messaging;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.IndicatorValueRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Keeps the latest version of every reported value. The upsert only replaces an older version, so a
 * replayed or reordered event cannot move a figure backwards.
 */
@ApplicationScoped
public class IndicatorEventsHandler extends JsonEventHandler<IndicatorValueRecorded> {

    @Inject
    EntityManager em;

    public IndicatorEventsHandler() {
        super(Topics.INDICATORS, IndicatorValueRecorded.class);
    }

    @Override
    protected boolean accepts(String type) {
        return EventTypes.VALUE_RECORDED.equals(type);
    }

    @Override
    protected void apply(IndicatorValueRecorded v, Event event) {
        if (v.park() == null || v.indicator() == null || v.period() == null || v.value() == null || v.unit() == null
                || v.recordedAt() == null) {
            throw new IllegalArgumentException("value event without park, indicator, period, value, unit or time");
        }
        em.createNativeQuery("""
                insert into indicator_fact (park_code, indicator_code, period, indicator_name, value, unit, version, recorded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                on conflict (park_code, indicator_code, period) do update
                   set value = excluded.value, unit = excluded.unit, indicator_name = excluded.indicator_name,
                       version = excluded.version, recorded_at = excluded.recorded_at
                 where indicator_fact.version < excluded.version
                """)
                .setParameter(1, v.park()).setParameter(2, v.indicator()).setParameter(3, v.period())
                .setParameter(4, v.indicatorName()).setParameter(5, v.value()).setParameter(6, v.unit())
                .setParameter(7, v.version()).setParameter(8, v.recordedAt())
                .executeUpdate();
    }
}
