package io.parkpulse.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The rebuild records: the claim and lease of the one rebuild that may run, its partitions and its report. */
@ApplicationScoped
public class RebuildRepository {

    /** The advisory lock that orders every read-model write of the group consumers against a rebuild's start. */
    private static final String LOCK = "read_model_rebuild";

    public record RebuildRow(
            UUID id,
            String state,
            String instance,
            String requestedBy,
            UUID takesOver,
            OffsetDateTime startedAt,
            OffsetDateTime heartbeatAt,
            OffsetDateTime finishedAt,
            long applied,
            long duplicates,
            long deadLettered,
            String error) {}

    public record PartitionRow(String topic, int partition, long start, long end, long position) {}

    @Inject
    EntityManager em;

    /** Shared: held by each group consumer's record transaction (many at once, none during a rebuild's start). */
    public void lockShared() {
        em.createNativeQuery("select pg_advisory_xact_lock_shared(hashtext(?1))")
                .setParameter(1, LOCK)
                .getSingleResult();
    }

    /** Exclusive: waits for every group transaction in flight, and keeps new ones out until the claim commits. */
    public void lockExclusive() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, LOCK)
                .getSingleResult();
    }

    /** Inserts the RUNNING row; false when another rebuild is RUNNING (the unique index refuses a second). */
    public boolean claim(UUID id, String instance, String requestedBy, UUID takesOver) {
        return em.createNativeQuery("""
                        insert into read_model_rebuild (id, state, instance, requested_by, takes_over)
                        values (?1, 'RUNNING', ?2, ?3, ?4) on conflict do nothing
                        """)
                        .setParameter(1, id)
                        .setParameter(2, instance)
                        .setParameter(3, requestedBy)
                        .setParameter(4, takesOver)
                        .executeUpdate()
                > 0;
    }

    public void addPartition(UUID id, PartitionRow p) {
        em.createNativeQuery("""
                        insert into read_model_rebuild_partition (rebuild_id, topic, partition_no, start_offset, end_offset, position)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        """)
                .setParameter(1, id)
                .setParameter(2, p.topic())
                .setParameter(3, p.partition())
                .setParameter(4, p.start())
                .setParameter(5, p.end())
                .setParameter(6, p.position())
                .executeUpdate();
    }

    /**
     * Renews the lease and records progress; false when the row is no longer this instance's RUNNING rebuild (its
     * lease expired and another instance marked it abandoned), so the caller must stop.
     */
    public boolean heartbeat(UUID id, String instance, long applied, long duplicates) {
        return em.createNativeQuery("""
                        update read_model_rebuild set heartbeat_at = now(), applied = ?3, duplicates = ?4
                         where id = ?1 and instance = ?2 and state = 'RUNNING'
                        """)
                        .setParameter(1, id)
                        .setParameter(2, instance)
                        .setParameter(3, applied)
                        .setParameter(4, duplicates)
                        .executeUpdate()
                > 0;
    }

    public void position(UUID id, String topic, int partition, long position) {
        em.createNativeQuery("""
                        update read_model_rebuild_partition set position = ?4
                         where rebuild_id = ?1 and topic = ?2 and partition_no = ?3
                        """)
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, partition)
                .setParameter(4, position)
                .executeUpdate();
    }

    /**
     * Ends this instance's RUNNING rebuild as DONE or FAILED with its final counts; the records dead-lettered
     * while it ran are counted from the ledger, whoever wrote them. False when the row was not RUNNING any more.
     */
    public boolean finish(UUID id, String instance, String state, long applied, long duplicates, String error) {
        return em.createNativeQuery("""
                        update read_model_rebuild
                           set state = ?3, finished_at = now(), heartbeat_at = now(), applied = ?4, duplicates = ?5,
                               error = ?6,
                               dead_lettered = (select count(*) from dead_lettered_event d
                                                 where d.last_attempt_at >= read_model_rebuild.started_at)
                         where id = ?1 and instance = ?2 and state = 'RUNNING'
                        """)
                        .setParameter(1, id)
                        .setParameter(2, instance)
                        .setParameter(3, state)
                        .setParameter(4, applied)
                        .setParameter(5, duplicates)
                        .setParameter(6, error)
                        .executeUpdate()
                > 0;
    }

    /** Marks a RUNNING rebuild whose lease ran out FAILED; its id, when there was one. */
    public Optional<UUID> abandonExpired(Duration lease) {
        List<?> ids = em.createNativeQuery("""
                        update read_model_rebuild
                           set state = 'FAILED', finished_at = now(),
                               error = 'abandoned: no heartbeat from ' || instance || ' since ' || heartbeat_at,
                               dead_lettered = (select count(*) from dead_lettered_event d
                                                 where d.last_attempt_at >= read_model_rebuild.started_at)
                         where state = 'RUNNING' and heartbeat_at < now() - make_interval(secs => ?1)
                        returning id
                        """)
                .setParameter(1, lease.toMillis() / 1000.0)
                .getResultList();
        return ids.stream().findFirst().map(o -> o instanceof UUID u ? u : UUID.fromString(o.toString()));
    }

    /** The latest rebuild, whose state says what the read model is: none or DONE whole, RUNNING or FAILED not. */
    public Optional<RebuildRow> latest() {
        return rows("select * from read_model_rebuild order by started_at desc, id limit 1", null).stream()
                .findFirst();
    }

    /** The latest rebuilds, newest first. */
    public List<RebuildRow> recent(int limit) {
        return rows("select * from read_model_rebuild order by started_at desc, id limit " + limit, null);
    }

    public Optional<RebuildRow> find(UUID id) {
        return rows("select * from read_model_rebuild where id = ?1", id).stream()
                .findFirst();
    }

    public List<PartitionRow> partitions(UUID id) {
        List<?> tuples = em.createNativeQuery(
                        "select topic, partition_no, start_offset, end_offset, position from read_model_rebuild_partition"
                                + " where rebuild_id = ?1 order by topic, partition_no",
                        Tuple.class)
                .setParameter(1, id)
                .getResultList();
        return tuples.stream()
                .map(Tuple.class::cast)
                .map(t -> new PartitionRow(
                        t.get("topic", String.class),
                        ((Number) t.get("partition_no")).intValue(),
                        ((Number) t.get("start_offset")).longValue(),
                        ((Number) t.get("end_offset")).longValue(),
                        ((Number) t.get("position")).longValue()))
                .toList();
    }

    /** Records dead-lettered since the rebuild started, by any instance (the group consumers are held meanwhile). */
    public long deadLetteredSince(OffsetDateTime from) {
        return ((Number) em.createNativeQuery("select count(*) from dead_lettered_event where last_attempt_at >= ?1")
                        .setParameter(1, from)
                        .getSingleResult())
                .longValue();
    }

    private List<RebuildRow> rows(String sql, UUID id) {
        var q = em.createNativeQuery(sql, Tuple.class);
        if (id != null) {
            q.setParameter(1, id);
        }
        List<?> tuples = q.getResultList();
        return tuples.stream()
                .map(Tuple.class::cast)
                .map(t -> new RebuildRow(
                        uuid(t.get("id")),
                        t.get("state", String.class),
                        t.get("instance", String.class),
                        t.get("requested_by", String.class),
                        uuid(t.get("takes_over")),
                        SchemeRepository.toOffset(t.get("started_at")),
                        SchemeRepository.toOffset(t.get("heartbeat_at")),
                        SchemeRepository.toOffset(t.get("finished_at")),
                        ((Number) t.get("applied")).longValue(),
                        ((Number) t.get("duplicates")).longValue(),
                        ((Number) t.get("dead_lettered")).longValue(),
                        t.get("error", String.class)))
                .toList();
    }

    private static UUID uuid(Object o) {
        return o == null ? null : o instanceof UUID u ? u : UUID.fromString(o.toString());
    }
}
