package io.parkpulse.common.deadletters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The table {@code dead_lettered_event}: the records a consumer could not apply, as an operator's work items. */
@ApplicationScoped
public class DeadLetterRepository {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** A record the consumer gives up on, with all it needs to be applied later without Kafka. */
    public record Failure(
            String eventId,
            String eventType,
            String topic,
            int partition,
            long offset,
            String key,
            Map<String, String> headers,
            String payload,
            String reason) {}

    /** One dead letter; {@code topic} is the name on the broker (with the deployment's prefix). */
    public record Row(
            long id,
            String eventId,
            String eventType,
            String topic,
            int partition,
            long offset,
            String key,
            Map<String, String> headers,
            String payload,
            String reason,
            OffsetDateTime firstAttemptAt,
            OffsetDateTime lastAttemptAt,
            int attempts,
            DeadLetterStatus status,
            OffsetDateTime resolvedAt,
            String resolvedBy,
            String discardReason) {}

    private static final String COLUMNS = "id, event_id, event_type, topic, partition_no, record_offset, record_key,"
            + " headers, payload, reason, first_attempt_at, last_attempt_at, attempts, status, resolved_at,"
            + " resolved_by, discard_reason";

    /**
     * Records a dead letter once per event: the same event dead-lettered again (a rebuild replays its record, the
     * relay re-sent it) counts another attempt on its row. A re-processed one is reopened, as the read model
     * lacks it again; a discarded one stays discarded, as an operator decided it is not wanted.
     */
    public void record(Failure f) {
        Query find = f.eventId() != null
                ? em.createNativeQuery(
                                "select id from dead_lettered_event where event_id = ?1 order by id desc limit 1 for update")
                        .setParameter(1, f.eventId())
                : em.createNativeQuery("select id from dead_lettered_event where event_id is null and topic = ?1"
                                + " and partition_no = ?2 and record_offset = ?3 order by id desc limit 1 for update")
                        .setParameter(1, f.topic())
                        .setParameter(2, f.partition())
                        .setParameter(3, f.offset());
        @SuppressWarnings("unchecked")
        List<Number> found = find.getResultList();
        if (!found.isEmpty()) {
            em.createNativeQuery("""
                    update dead_lettered_event
                       set attempts = attempts + 1, last_attempt_at = now(), reason = ?2,
                           resolved_at = case when status = 'REPROCESSED' then null else resolved_at end,
                           resolved_by = case when status = 'REPROCESSED' then null else resolved_by end,
                           status = case when status = 'REPROCESSED' then 'OPEN' else status end
                     where id = ?1
                    """)
                    .setParameter(1, found.get(0).longValue())
                    .setParameter(2, f.reason())
                    .executeUpdate();
            return;
        }
        em.createNativeQuery("""
                insert into dead_lettered_event (event_id, event_type, topic, partition_no, record_offset, record_key,
                                                 headers, payload, reason, first_attempt_at, last_attempt_at, attempts,
                                                 status)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, now(), now(), 1, 'OPEN')
                """)
                .setParameter(1, f.eventId())
                .setParameter(2, f.eventType())
                .setParameter(3, f.topic())
                .setParameter(4, f.partition())
                .setParameter(5, f.offset())
                .setParameter(6, f.key())
                .setParameter(7, write(f.headers()))
                .setParameter(8, f.payload())
                .setParameter(9, f.reason())
                .executeUpdate();
    }

    /** One page, newest first; {@code status} and {@code topic} (on the broker) are optional. */
    public List<Row> page(DeadLetterStatus status, String topic, int page, int size) {
        Query q = em.createNativeQuery(
                        "select " + COLUMNS + " from dead_lettered_event" + where(status, topic) + " order by id desc")
                .setFirstResult(page * size)
                .setMaxResults(size);
        bind(q, status, topic);
        return rows(q);
    }

    public long count(DeadLetterStatus status, String topic) {
        Query q = em.createNativeQuery("select count(*) from dead_lettered_event" + where(status, topic));
        bind(q, status, topic);
        return ((Number) q.getSingleResult()).longValue();
    }

    public Optional<Row> find(long id) {
        return rows(em.createNativeQuery("select " + COLUMNS + " from dead_lettered_event where id = ?1")
                        .setParameter(1, id))
                .stream()
                .findFirst();
    }

    /** The row, locked until the transaction ends: two operators cannot resolve one dead letter twice. */
    public Optional<Row> lock(long id) {
        return rows(em.createNativeQuery("select " + COLUMNS + " from dead_lettered_event where id = ?1 for update")
                        .setParameter(1, id))
                .stream()
                .findFirst();
    }

    /** Ids of open dead letters after {@code afterId}, oldest first (the order they failed in). */
    @SuppressWarnings("unchecked")
    public List<Long> openIds(String topic, long afterId, int limit) {
        Query q = em.createNativeQuery("select id from dead_lettered_event where status = 'OPEN' and id > :after"
                        + (topic == null ? "" : " and topic = :topic")
                        + " order by id")
                .setParameter("after", afterId)
                .setMaxResults(limit);
        if (topic != null) {
            q.setParameter("topic", topic);
        }
        return ((List<Number>) q.getResultList())
                .stream().map(Number::longValue).toList();
    }

    public void markReprocessed(long id, String by) {
        em.createNativeQuery("update dead_lettered_event set status = 'REPROCESSED', resolved_at = now(),"
                        + " resolved_by = ?2, last_attempt_at = now(), attempts = attempts + 1 where id = ?1")
                .setParameter(1, id)
                .setParameter(2, by)
                .executeUpdate();
    }

    /** A re-processing that failed again: it stays open, with the new reason. */
    public void failedAgain(long id, String reason) {
        em.createNativeQuery("update dead_lettered_event set attempts = attempts + 1, last_attempt_at = now(),"
                        + " reason = ?2 where id = ?1 and status = 'OPEN'")
                .setParameter(1, id)
                .setParameter(2, reason)
                .executeUpdate();
    }

    public void discard(long id, String by, String reason) {
        em.createNativeQuery("update dead_lettered_event set status = 'DISCARDED', resolved_at = now(),"
                        + " resolved_by = ?2, discard_reason = ?3 where id = ?1")
                .setParameter(1, id)
                .setParameter(2, by)
                .setParameter(3, reason)
                .executeUpdate();
    }

    /** How many records failed (first or again) since the instant: a rebuild's report counts its own. */
    public long countSince(Instant since) {
        return ((Number) em.createNativeQuery("select count(*) from dead_lettered_event where last_attempt_at >= ?1")
                        .setParameter(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                        .getSingleResult())
                .longValue();
    }

    /** The records that failed (first or again) since the instant, oldest first, at most {@code limit}. */
    public List<Row> listSince(Instant since, int limit) {
        return rows(em.createNativeQuery("select " + COLUMNS
                        + " from dead_lettered_event where last_attempt_at >= ?1 order by last_attempt_at, id")
                .setParameter(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .setMaxResults(limit));
    }

    private static String where(DeadLetterStatus status, String topic) {
        if (status == null && topic == null) {
            return "";
        }
        if (status == null) {
            return " where topic = :topic";
        }
        return topic == null ? " where status = :status" : " where status = :status and topic = :topic";
    }

    private static void bind(Query q, DeadLetterStatus status, String topic) {
        if (status != null) {
            q.setParameter("status", status.name());
        }
        if (topic != null) {
            q.setParameter("topic", topic);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Row> rows(Query q) {
        return ((List<Object[]>) q.getResultList())
                .stream()
                        .map(r -> new Row(
                                ((Number) r[0]).longValue(),
                                (String) r[1],
                                (String) r[2],
                                (String) r[3],
                                ((Number) r[4]).intValue(),
                                ((Number) r[5]).longValue(),
                                (String) r[6],
                                read((String) r[7]),
                                (String) r[8],
                                (String) r[9],
                                time(r[10]),
                                time(r[11]),
                                ((Number) r[12]).intValue(),
                                DeadLetterStatus.valueOf((String) r[13]),
                                time(r[14]),
                                (String) r[15],
                                (String) r[16]))
                        .toList();
    }

    private static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (o instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + o.getClass());
    }

    private String write(Map<String, String> headers) {
        try {
            return headers == null ? null : json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers cannot be written as JSON", e);
        }
    }

    private Map<String, String> read(String headers) {
        try {
            return headers == null
                    ? Map.of()
                    : json.readerForMapOf(String.class).readValue(headers);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
