package io.parkpulse.reporting.messaging;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.TargetState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Keeps each park's targets per indicator and year, for completion figures; an older version never overwrites a newer one. */
@ApplicationScoped
public class TargetEventsHandler extends JsonEventHandler<TargetState> {

    @Inject
    EntityManager em;

    public TargetEventsHandler() {
        super(Topics.INDICATORS, TargetState.class, EventTypes.TARGET_SET);
    }

    @Override
    protected void apply(TargetState t, Event event) {
        if (t.park() == null || t.indicator() == null || t.year() == 0) {
            throw new MalformedEventException("target event without park, indicator or year");
        }
        em.createNativeQuery("""
                insert into target_fact (park_code, indicator_code, year, annual, q1, q2, q3, planned_growth_pct, unit, version)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict (park_code, indicator_code, year) do update
                   set annual = excluded.annual, q1 = excluded.q1, q2 = excluded.q2, q3 = excluded.q3,
                       planned_growth_pct = excluded.planned_growth_pct, unit = excluded.unit, version = excluded.version
                 where target_fact.version < excluded.version
                """)
                .setParameter(1, t.park())
                .setParameter(2, t.indicator())
                .setParameter(3, t.year())
                .setParameter(4, t.annual())
                .setParameter(5, t.q1())
                .setParameter(6, t.q2())
                .setParameter(7, t.q3())
                .setParameter(8, t.plannedGrowthPct())
                .setParameter(9, t.unit())
                .setParameter(10, t.version())
                .executeUpdate();
    }
}
