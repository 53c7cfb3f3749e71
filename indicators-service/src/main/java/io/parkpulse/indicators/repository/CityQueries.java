package io.parkpulse.indicators.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/** The month's rows of every park at once, for the bureau's city-wide views. */
@ApplicationScoped
public class CityQueries {

    @Inject
    EntityManager em;

    /** When the server first received a park's value of an indicator for the month. */
    public record FirstReceipt(String park, String indicator, OffsetDateTime first) {}

    /** How many review flags of a park's values of the month are still open. */
    public record OpenFlags(String park, long count) {}

    /** One park's value of one indicator for the month. */
    public record ParkValue(String park, String indicator, BigDecimal value) {}

    /**
     * Park by park along the audit trail's key (park, month, indicator, id): the month's rows of
     * every park, without an index on the month alone that every change would have to write.
     */
    public List<FirstReceipt> firstReceipts(String month) {
        List<Tuple> rows =
                em.createNativeQuery("""
                select p.code as park, a.indicator_code as indicator, a.first as first from park p cross join lateral (
                  select indicator_code, min(changed_at) as first from value_audit
                   where park_code = p.code and period = ?1 group by indicator_code offset 0) a""", Tuple.class).setParameter(1, month).getResultList();
        return rows.stream()
                .map(t -> new FirstReceipt(
                        t.get("park", String.class), t.get("indicator", String.class), toOffset(t.get("first"))))
                .toList();
    }

    /**
     * Park by park along the values' key (park, month, indicator); "offset 0" keeps the planner from
     * turning the probes into a scan of every value (there is no index on the month alone).
     */
    public List<ParkValue> values(String month, Collection<String> indicators) {
        List<Tuple> rows = em.createNativeQuery("""
                select p.code as park, v.indicator_code as indicator, v.value as value from park p cross join lateral (
                  select indicator_code, value from indicator_value
                   where park_code = p.code and period = ?1 and indicator_code in (?2) offset 0) v""", Tuple.class)
                .setParameter(1, month)
                .setParameter(2, indicators)
                .getResultList();
        return rows.stream()
                .map(t -> new ParkValue(
                        t.get("park", String.class),
                        t.get("indicator", String.class),
                        t.get("value", BigDecimal.class)))
                .toList();
    }

    public List<OpenFlags> openFlags(String month) {
        return em
                .createQuery(
                        "select f.park, count(f) from ValueFlag f where f.period = ?1 and f.clearedAt is null"
                                + " group by f.park",
                        Tuple.class)
                .setParameter(1, month)
                .getResultList()
                .stream()
                .map(t -> new OpenFlags(t.get(0, String.class), t.get(1, Long.class)))
                .toList();
    }

    private static OffsetDateTime toOffset(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + o.getClass());
    }
}
