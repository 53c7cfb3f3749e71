package io.parkpulse.common.outbox;

import io.agroal.api.AgroalDataSource;
import io.parkpulse.common.sql.MultiRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Every statement on {@code outbox_event}. Writers append in the caller's transaction; the relay reads and
 * deletes on a connection of its own, holding an advisory lock, so its methods take that connection.
 */
@ApplicationScoped
public class OutboxRepository {

    /**
     * A row waiting to be sent, in the order it was written; {@code traceparent} and {@code tracestate} are the
     * writing request's trace context, null when there was none.
     */
    public record PendingEvent(
            long seq,
            UUID id,
            String topic,
            String key,
            String type,
            OffsetDateTime occurredAt,
            String payload,
            String traceparent,
            String tracestate) {}

    /** Rows waiting and the age of the oldest in seconds; both -1 when the database cannot be read. */
    public record Backlog(long count, long oldestAgeSeconds) {}

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    public void insert(OutboxEvent event) {
        event.persist();
    }

    /**
     * Many events with multi-row statements on the transaction's connection (a batch of changes publishes
     * hundreds at once; an entity per event costs far more). Their {@code seq} comes from the column's
     * default, one sequence value per row, so their order is the list's.
     */
    public void insertAll(List<PendingEvent> events) {
        em.unwrap(Session.class).doWork(c -> {
            for (List<PendingEvent> part : MultiRow.chunks(events)) {
                try (PreparedStatement s = c.prepareStatement(
                        "insert into outbox_event (id, topic, event_key, type, occurred_at, payload, traceparent, tracestate) values "
                                + MultiRow.placeholders(part.size(), 8))) {
                    int i = 1;
                    for (PendingEvent e : part) {
                        s.setObject(i++, e.id());
                        s.setString(i++, e.topic());
                        s.setString(i++, e.key());
                        s.setString(i++, e.type());
                        s.setObject(i++, e.occurredAt());
                        s.setString(i++, e.payload());
                        s.setString(i++, e.traceparent());
                        s.setString(i++, e.tracestate());
                    }
                    s.executeUpdate();
                }
            }
        });
    }

    /** The relay's view of the outbox while it holds the lock. */
    public interface LockedOutbox {
        /** The oldest rows waiting, in the order they were written. */
        List<PendingEvent> pending(int limit);

        /**
         * Deleted rather than marked: the topic is the record of what was sent, and an update would write every
         * sent row (and its index entries) a second time.
         */
        void delete(List<Long> seqs);
    }

    /**
     * Runs {@code work} on a connection of the current transaction if it gets the relay's advisory lock (one
     * relay per database sends, so events leave in the order they were written); empty when another holds it.
     */
    public <T> Optional<T> underRelayLock(long lockKey, Function<LockedOutbox, T> work) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                s.setLong(1, lockKey);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(work.apply(new LockedOutbox() {
                @Override
                public List<PendingEvent> pending(int limit) {
                    return sql(() -> OutboxRepository.pending(c, limit));
                }

                @Override
                public void delete(List<Long> seqs) {
                    sql(() -> {
                        OutboxRepository.delete(c, seqs);
                        return null;
                    });
                }
            }));
        } catch (SQLException e) {
            throw new IllegalStateException("outbox: " + e.getMessage(), e);
        }
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private static <T> T sql(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new IllegalStateException("outbox: " + e.getMessage(), e);
        }
    }

    private static List<PendingEvent> pending(Connection c, int limit) throws SQLException {
        List<PendingEvent> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select seq, id, topic, event_key, type, occurred_at, payload, traceparent, tracestate from outbox_event"
                        + " order by seq limit ?")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PendingEvent(
                            rs.getLong("seq"),
                            rs.getObject("id", UUID.class),
                            rs.getString("topic"),
                            rs.getString("event_key"),
                            rs.getString("type"),
                            rs.getObject("occurred_at", OffsetDateTime.class),
                            rs.getString("payload"),
                            rs.getString("traceparent"),
                            rs.getString("tracestate")));
                }
            }
        }
        return rows;
    }

    private static void delete(Connection c, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("delete from outbox_event where seq = any(?)")) {
            Array arr = c.createArrayOf("bigint", seqs.toArray());
            s.setArray(1, arr);
            s.executeUpdate();
        }
    }

    /** Whether the database answers at all, for readiness. */
    public boolean reachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    public Backlog backlog() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) as waiting, coalesce(extract(epoch from now() - min(occurred_at)), 0) as age "
                                + "from outbox_event");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return new Backlog(rs.getLong("waiting"), (long) rs.getDouble("age"));
        } catch (SQLException e) {
            return new Backlog(-1, -1);
        }
    }
}
