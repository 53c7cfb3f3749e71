package io.parkpulse.reporting.messaging;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.IndicatorValueRecorded;
import io.parkpulse.common.sql.MultiRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * Keeps the latest version of every reported value. The upsert only replaces an older version, so a
 * replayed or reordered event cannot move a figure backwards.
 */
@ApplicationScoped
public class IndicatorEventsHandler extends JsonEventHandler<IndicatorValueRecorded> {

    @Inject
    EntityManager em;

    public IndicatorEventsHandler() {
        super(Topics.INDICATORS, IndicatorValueRecorded.class, EventTypes.VALUE_RECORDED);
    }

    @Override
    protected void apply(IndicatorValueRecorded v, Event event) {
        upsert(List.of(v));
    }

    /** Applies values with one statement per thousand (one read-model change, not one per value). */
    public void upsert(List<IndicatorValueRecorded> values) {
        // One statement may not touch a row twice: of one value, the newest version is the one that counts.
        Map<String, IndicatorValueRecorded> newest = new LinkedHashMap<>();
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
            newest.merge(
                    v.park() + "|" + v.indicator() + "|" + v.period(), v, (a, b) -> a.version() >= b.version() ? a : b);
        }
        List<IndicatorValueRecorded> all = new ArrayList<>(newest.values());
        em.unwrap(Session.class).doWork(c -> {
            for (List<IndicatorValueRecorded> part : MultiRow.chunks(all)) {
                try (PreparedStatement s = c.prepareStatement("""
                        insert into indicator_fact (park_code, indicator_code, period, indicator_name, value, unit, version, recorded_at)
                        values %s
                        on conflict (park_code, indicator_code, period) do update
                           set value = excluded.value, unit = excluded.unit, indicator_name = excluded.indicator_name,
                               version = excluded.version, recorded_at = excluded.recorded_at
                         where indicator_fact.version < excluded.version
                        """.formatted(MultiRow.placeholders(part.size(), 8)))) {
                    int i = 1;
                    for (IndicatorValueRecorded v : part) {
                        s.setString(i++, v.park());
                        s.setString(i++, v.indicator());
                        s.setString(i++, v.period());
                        s.setString(i++, v.indicatorName());
                        s.setBigDecimal(i++, v.value());
                        s.setString(i++, v.unit());
                        s.setLong(i++, v.version());
                        s.setObject(i++, v.recordedAt());
                    }
                    s.executeUpdate();
                }
            }
        });
    }
}
