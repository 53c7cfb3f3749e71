package io.parkpulse.indicators.repository;

import io.parkpulse.common.events.payload.ReviewFlagsChanged;
import io.parkpulse.common.sql.MultiRow;
import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.IndicatorValue;
import io.parkpulse.indicators.domain.ValueRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

/**
 * Reads and writes a park's values in plain SQL on the transaction's own connection. A batch of
 * values is a few multi-row statements (new values, changed values, their audit rows) instead of two
 * entity inserts per value. The values it reads are not managed entities: nothing is written behind
 * its back at flush.
 */
@ApplicationScoped
public class ValueRepository {

    @Inject
    EntityManager em;

    /** A change to write: the value's new state and what it was before (null: not reported until now). */
    public record Change(ValueRow row, BigDecimal previous) {}

    /**
     * Serialises writers of one park until the transaction ends, so two requests cannot both read
     * version n and both write n + 1 (consumers would keep one and drop the other).
     */
    public void lockPark(String park) {
        work(c -> {
            try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(1, hashtext(?))")) {
                s.setString(1, park);
                s.execute();
            }
            return null;
        });
    }

    /** Whether the park is registered (closed parks included: their history stays writable by corrections). */
    public boolean parkExists(String park) {
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement("select 1 from park where code = ?")) {
                s.setString(1, park);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * The catalog, read on every request rather than kept: a bureau admin's change on one instance counts at
     * once on every other. Detached and read-only, because 25 managed entities would be checked again by
     * every flush of a batch that never changes them.
     */
    /** One page of every park's current values, by park, indicator and period: what re-publishing reads. */
    public List<IndicatorValue> all(int page, int size) {
        return em.createQuery("from IndicatorValue order by id.park, id.indicator, id.period", IndicatorValue.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    public Map<String, Indicator> catalog() {
        List<Indicator> all = em.createQuery("from Indicator", Indicator.class)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        Map<String, Indicator> out = new HashMap<>();
        for (Indicator i : all) {
            em.detach(i);
            out.put(i.code, i);
        }
        return out;
    }

    /**
     * Which of these months a closed quarter locked. One statement for any number of months (a
     * query with an IN list of changing length is planned anew for every length).
     */
    public Set<String> lockedMonths(Collection<String> months) {
        return work(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement("select period from period_lock where period = any(?)")) {
                s.setArray(1, c.createArrayOf("bpchar", months.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** The park's values of these months (of one indicator when {@code onlyIndicator} is set). */
    public List<ValueRow> read(String park, Collection<String> months, String onlyIndicator) {
        return work(c -> {
            List<ValueRow> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select indicator_code, period, value, version, recorded_at, "
                    + "recorded_by, source from indicator_value where park_code = ? and period = any(?)"
                    + (onlyIndicator == null ? "" : " and indicator_code = ?"))) {
                s.setString(1, park);
                s.setArray(2, c.createArrayOf("bpchar", months.toArray()));
                if (onlyIndicator != null) {
                    s.setString(3, onlyIndicator);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ValueRow(
                                new IndicatorValue.Key(park, rs.getString(1), rs.getString(2)),
                                rs.getBigDecimal(3),
                                rs.getLong(4),
                                rs.getObject(5, OffsetDateTime.class),
                                rs.getString(6),
                                rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }

    /** Writes the values' new state and one audit row per change. */
    public void write(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        // The last state of each value (a value is changed once per batch, but never write a key twice).
        Map<IndicatorValue.Key, ValueRow> latest = new LinkedHashMap<>();
        for (Change ch : changes) {
            latest.put(ch.row().id(), ch.row());
        }
        List<ValueRow> rows = new ArrayList<>(latest.values());
        work(c -> {
            // Under the park's lock the caller knows which values exist: new ones are plain inserts
            // (no speculative insertion as an upsert would do), changed ones one update.
            List<ValueRow> added = rows.stream().filter(v -> v.version() == 1).toList();
            List<ValueRow> changed = rows.stream().filter(v -> v.version() > 1).toList();
            for (List<ValueRow> part : MultiRow.chunks(added)) {
                try (PreparedStatement s = c.prepareStatement("insert into indicator_value (park_code, indicator_code, "
                        + "period, value, version, recorded_at, recorded_by, source) values "
                        + MultiRow.placeholders(part.size(), 8))) {
                    bindValues(s, part);
                    s.executeUpdate();
                }
            }
            for (List<ValueRow> part : MultiRow.chunks(changed)) {
                try (PreparedStatement s = c.prepareStatement(
                        "update indicator_value v set value = x.value::numeric, "
                                + "version = x.version::bigint, recorded_at = x.recorded_at::timestamptz, recorded_by = x.recorded_by, "
                                + "source = x.source from (values " + MultiRow.placeholders(part.size(), 8)
                                + ") as x(park_code, "
                                + "indicator_code, period, value, version, recorded_at, recorded_by, source) "
                                + "where v.park_code = x.park_code and v.indicator_code = x.indicator_code and v.period = x.period::char(7)")) {
                    bindValues(s, part);
                    s.executeUpdate();
                }
            }
            for (List<Change> part : MultiRow.chunks(changes)) {
                try (PreparedStatement s =
                        c.prepareStatement("insert into value_audit (park_code, indicator_code, period, "
                                + "old_value, new_value, version, source, changed_by, changed_at) values "
                                + MultiRow.placeholders(part.size(), 9))) {
                    int i = 1;
                    for (Change ch : part) {
                        ValueRow v = ch.row();
                        s.setString(i++, v.id().park());
                        s.setString(i++, v.id().indicator());
                        s.setString(i++, v.id().period());
                        s.setBigDecimal(i++, ch.previous());
                        s.setBigDecimal(i++, v.value());
                        s.setLong(i++, v.version());
                        s.setString(i++, v.source());
                        s.setString(i++, v.recordedBy());
                        s.setObject(i++, v.recordedAt());
                    }
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * Closes the open review flags that earlier versions of these values raised: a new version answers them
     * (its own flags, if any, are raised afresh). One statement for the whole batch; answers the closed flags'
     * new states, for the event.
     */
    public List<ReviewFlagsChanged.Flag> supersedeFlags(String park, List<ValueRow> newVersions, OffsetDateTime at) {
        if (newVersions.isEmpty()) {
            return List.of();
        }
        return work(c -> {
            try (PreparedStatement s = c.prepareStatement("update value_flag f set status = 'SUPERSEDED', "
                    + "cleared_at = ?, cleared_by = x.recorded_by, clear_note = '已由第' || x.version || '版数值取代' "
                    + "from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[]) "
                    + "as x(indicator_code, period, version, recorded_by) "
                    + "where f.park_code = ? and f.cleared_at is null and f.indicator_code = x.indicator_code "
                    + "and f.period = x.period::char(7) and f.version < x.version returning f.id, f.indicator_code, "
                    + "f.period, f.version, f.reason, f.message, f.status, f.flagged_at, f.explanation, f.explained_by, "
                    + "f.explained_at, f.reject_note, f.rejected_by, f.rejected_at, f.clear_note, f.cleared_by, "
                    + "f.cleared_at")) {
                s.setObject(1, at);
                s.setArray(
                        2,
                        c.createArrayOf(
                                "varchar",
                                newVersions.stream()
                                        .map(v -> v.id().indicator())
                                        .toArray()));
                s.setArray(
                        3,
                        c.createArrayOf(
                                "varchar",
                                newVersions.stream().map(v -> v.id().period()).toArray()));
                s.setArray(
                        4,
                        c.createArrayOf(
                                "bigint",
                                newVersions.stream().map(ValueRow::version).toArray()));
                s.setArray(
                        5,
                        c.createArrayOf(
                                "varchar",
                                newVersions.stream().map(ValueRow::recordedBy).toArray()));
                s.setString(6, park);
                List<ReviewFlagsChanged.Flag> closed = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        closed.add(new ReviewFlagsChanged.Flag(
                                r.getLong(1),
                                r.getString(2),
                                r.getString(3),
                                r.getLong(4),
                                r.getString(5),
                                r.getString(6),
                                r.getString(7),
                                r.getObject(8, OffsetDateTime.class),
                                r.getString(9),
                                r.getString(10),
                                r.getObject(11, OffsetDateTime.class),
                                r.getString(12),
                                r.getString(13),
                                r.getObject(14, OffsetDateTime.class),
                                r.getString(15),
                                r.getString(16),
                                r.getObject(17, OffsetDateTime.class)));
                    }
                }
                return closed;
            }
        });
    }

    private static void bindValues(PreparedStatement s, List<ValueRow> rows) throws SQLException {
        int i = 1;
        for (ValueRow v : rows) {
            s.setString(i++, v.id().park());
            s.setString(i++, v.id().indicator());
            s.setString(i++, v.id().period());
            s.setBigDecimal(i++, v.value());
            s.setLong(i++, v.version());
            s.setObject(i++, v.recordedAt());
            s.setString(i++, v.recordedBy());
            s.setString(i++, v.source());
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T work(Work<T> w) {
        return em.unwrap(Session.class).doReturningWork(w::run);
    }
}
