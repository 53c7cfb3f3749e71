package io.parkpulse.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** What rankings read from the read model. */
@ApplicationScoped
public class RankingQueries {

    /** An active park and the peer group it is ranked in (null when it has none). */
    public record ActivePark(String code, String name, String peerGroup) {}

    public record ParkValue(String park, BigDecimal value) {}

    public record IndicatorLabel(String unit, String name) {}

    @Inject
    EntityManager em;

    /** The read model's generation (V7, V10: bumped by triggers in the same transaction as any change). */
    public long generation() {
        return ((Number) em.createNativeQuery("select generation from read_model_generation where id = 1")
                        .getSingleResult())
                .longValue();
    }

    /** What changed after the generation an instance last looked at (V10). */
    public record Changes(long generation, boolean everything, List<IndicatorMonth> months) {}

    public record IndicatorMonth(String indicator, YearMonth month) {}

    /**
     * The generation first, then the indicator-months stamped after {@code seen}: rows committed between the
     * two reads are listed as well, which only drops a little more than needed.
     */
    public Changes changesSince(long seen) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            long generation;
            boolean everything;
            try (var ps = c.prepareStatement(
                            "select generation, everything_changed_at from read_model_generation where id = 1");
                    var rs = ps.executeQuery()) {
                rs.next();
                generation = rs.getLong(1);
                everything = rs.getLong(2) > seen;
            }
            List<IndicatorMonth> months = new ArrayList<>();
            if (!everything) {
                try (var ps = c.prepareStatement(
                        "select indicator_code, period from indicator_month_change where generation > ?")) {
                    ps.setLong(1, seen);
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            months.add(new IndicatorMonth(rs.getString(1), YearMonth.parse(rs.getString(2))));
                        }
                    }
                }
            }
            return new Changes(generation, everything, months);
        });
    }

    /** Active parks by code. */
    public List<ActivePark> activeParks() {
        return em.createNativeQuery(
                        "select code, name, peer_group from park_replica where status = 'ACTIVE' order by code",
                        Tuple.class)
                .getResultStream()
                .map(t -> {
                    Tuple row = (Tuple) t;
                    return new ActivePark(
                            row.get("code", String.class),
                            row.get("name", String.class),
                            row.get("peer_group", String.class));
                })
                .toList();
    }

    /**
     * Park and value only, so that the covering index (V6) answers without touching the table; over the JDBC
     * connection itself, as thousands of rows are read on every miss.
     */
    public List<ParkValue> values(String indicator, YearMonth month) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<ParkValue> values = new ArrayList<>();
            try (var ps = c.prepareStatement(
                    "select park_code, value from indicator_fact where indicator_code = ? and period = ?")) {
                ps.setString(1, indicator);
                ps.setString(2, month.toString());
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        values.add(new ParkValue(rs.getString("park_code"), rs.getBigDecimal("value")));
                    }
                }
            }
            return values;
        });
    }

    /** The unit and name one month's values were reported with; empty when none were. */
    public Optional<IndicatorLabel> label(String indicator, YearMonth month) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (var ps = c.prepareStatement(
                    "select unit, indicator_name from indicator_fact where indicator_code = ? and period = ? limit 1")) {
                ps.setString(1, indicator);
                ps.setString(2, month.toString());
                try (var rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new IndicatorLabel(rs.getString("unit"), rs.getString("indicator_name")))
                            : Optional.<IndicatorLabel>empty();
                }
            }
        });
    }

    /** Whether any park ever reported the indicator. */
    public boolean indicatorKnown(String indicator) {
        return !em.createNativeQuery("select 1 from indicator_fact where indicator_code = ?1 limit 1")
                .setParameter(1, indicator)
                .getResultList()
                .isEmpty();
    }
}
