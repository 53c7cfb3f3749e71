package io.parkpulse.reporting.messaging;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.IndicatorValueRecorded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the latest version of every reported value. The upsert only replaces an older version, so a
 * replayed or reordered event cannot move a figure backwards.
 */
@ApplicationScoped
public class IndicatorEventsHandler extends JsonEventHandler<IndicatorValueRecorded> {

    /** Values per statement (8 parameters each; PostgreSQL allows 32,767). */
    static final int CHUNK = 500;

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
        upsert(List.of(v));
    }

    /** Applies values with one statement per few hundred (one read-model change, not one per value). */
    public void upsert(List<IndicatorValueRecorded> values) {
        // One statement may not touch a row twice: of one value, the newest version is the one that counts.
        Map<String, IndicatorValueRecorded> newest = new LinkedHashMap<>();
        for (IndicatorValueRecorded v : values) {
            if (v == null || v.park() == null || v.indicator() == null || v.period() == null || v.value() == null
                    || v.unit() == null || v.recordedAt() == null) {
                throw new IllegalArgumentException("value event without park, indicator, period, value, unit or time");
            }
            newest.merge(v.park() + "|" + v.indicator() + "|" + v.period(), v,
                    (a, b) -> a.version() >= b.version() ? a : b);
        }
        List<IndicatorValueRecorded> all = new ArrayList<>(newest.values());
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<IndicatorValueRecorded> part = all.subList(from, Math.min(from + CHUNK, all.size()));
            List<String> rows = new ArrayList<>(part.size());
            for (int i = 0; i < part.size(); i++) {
                int p = i * 8;
                rows.add("(?" + (p + 1) + ", ?" + (p + 2) + ", ?" + (p + 3) + ", ?" + (p + 4) + ", ?" + (p + 5) + ", ?"
                        + (p + 6) + ", ?" + (p + 7) + ", ?" + (p + 8) + ")");
            }
            Query q = em.createNativeQuery("""
                    insert into indicator_fact (park_code, indicator_code, period, indicator_name, value, unit, version, recorded_at)
                    values %s
                    on conflict (park_code, indicator_code, period) do update
                       set value = excluded.value, unit = excluded.unit, indicator_name = excluded.indicator_name,
                           version = excluded.version, recorded_at = excluded.recorded_at
                     where indicator_fact.version < excluded.version
                    """.formatted(String.join(", ", rows)));
            for (int i = 0; i < part.size(); i++) {
                IndicatorValueRecorded v = part.get(i);
                int p = i * 8;
                q.setParameter(p + 1, v.park()).setParameter(p + 2, v.indicator()).setParameter(p + 3, v.period())
                        .setParameter(p + 4, v.indicatorName()).setParameter(p + 5, v.value()).setParameter(p + 6, v.unit())
                        .setParameter(p + 7, v.version()).setParameter(p + 8, v.recordedAt());
            }
            q.executeUpdate();
        }
    }
}
