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

    /**
     * What changed after the generation an instance last looked at (V11): the current generation, the last one
     * at which everything changed, and the indicator-months stamped after {@code seen}.
     */
    public record Changes(long generation, long everythingChangedAt, List<IndicatorMonth> months) {}

    public record IndicatorMonth(String indicator, YearMonth month) {}

    /** One round trip, as every ranking request asks it; stamps committed meanwhile only drop a little more. */
    public Changes changesSince(long seen) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            long generation = 0;
            long everything = 0;
            List<IndicatorMonth> months = new ArrayList<>();
            try (var ps = c.prepareStatement("""
                    select g.generation, g.everything_changed_at, m.indicator_code, m.period
                      from read_model_generation g
                      left join indicator_month_change m on m.generation > ?
                     where g.id = 1""")) {
                ps.setLong(1, seen);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        generation = rs.getLong(1);
                        everything = rs.getLong(2);
                        if (rs.getString(3) != null) {
                            months.add(new IndicatorMonth(rs.getString(3), YearMonth.parse(rs.getString(4))));
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
