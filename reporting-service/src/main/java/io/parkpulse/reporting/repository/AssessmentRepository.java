package io.parkpulse.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Assessment runs, their per-park results and the adjustments recorded for a quarter. */
@ApplicationScoped
public class AssessmentRepository {

    /** A run's head row; {@code asOf} is the month whose figures were used. */
    public record RunRow(
            UUID id,
            String quarter,
            int revision,
            String schemeCode,
            int schemeVersion,
            String asOf,
            String trigger,
            String reason,
            OffsetDateTime runAt,
            String runBy) {}

    /** One park's stored result; {@code breakdown} is JSON. */
    public record ResultRow(
            String park,
            String parkName,
            String peerGroup,
            BigDecimal total,
            Integer rank,
            Integer rankChange,
            String tier,
            boolean disqualified,
            String breakdown) {}

    public record AdjustmentRow(String park, String code, int count, String note) {}

    public record ActivePark(String code, String name, String peerGroup) {}

    @Inject
    EntityManager em;

    /** Serialises runs of one quarter across instances until the transaction ends: the second waits, then sees the first. */
    public void lockQuarter(String quarter) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "assessment:" + quarter)
                .getSingleResult();
    }

    public void insertRun(RunRow run) {
        em.createNativeQuery("""
                insert into assessment (id, quarter, revision, scheme_code, scheme_version, as_of, trigger, reason, run_at, run_by)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, now(), ?9)
                """)
                .setParameter(1, run.id())
                .setParameter(2, run.quarter())
                .setParameter(3, run.revision())
                .setParameter(4, run.schemeCode())
                .setParameter(5, run.schemeVersion())
                .setParameter(6, run.asOf())
                .setParameter(7, run.trigger())
                .setParameter(8, run.reason())
                .setParameter(9, run.runBy())
                .executeUpdate();
    }

    public void insertResult(UUID assessmentId, ResultRow r) {
        em.createNativeQuery("""
                insert into assessment_result (assessment_id, park_code, park_name, peer_group, total, rank, rank_change, tier,
                                               disqualified, breakdown)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                """)
                .setParameter(1, assessmentId)
                .setParameter(2, r.park())
                .setParameter(3, r.parkName())
                .setParameter(4, r.peerGroup())
                .setParameter(5, r.total())
                .setParameter(6, r.rank())
                .setParameter(7, r.rankChange())
                .setParameter(8, r.tier())
                .setParameter(9, r.disqualified())
                .setParameter(10, r.breakdown())
                .executeUpdate();
    }

    public List<ActivePark> activeParks() {
        return em.createNativeQuery(
                        "select code, name, peer_group from park_replica where status = 'ACTIVE' order by code",
                        Tuple.class)
                .getResultStream()
                .map(o -> {
                    Tuple t = (Tuple) o;
                    return new ActivePark(
                            t.get("code", String.class),
                            t.get("name", String.class),
                            t.get("peer_group", String.class));
                })
                .toList();
    }

    public boolean parkKnown(String code) {
        return !em.createNativeQuery("select 1 from park_replica where code = ?1")
                .setParameter(1, code)
                .getResultList()
                .isEmpty();
    }

    public Optional<Integer> latestRevision(String quarter) {
        List<?> r = em.createNativeQuery("select max(revision) from assessment where quarter = ?1")
                .setParameter(1, quarter)
                .getResultList();
        return r.isEmpty() || r.get(0) == null ? Optional.empty() : Optional.of(((Number) r.get(0)).intValue());
    }

    public Optional<RunRow> findRun(String quarter, int revision) {
        return em.createNativeQuery("""
                        select id, quarter, revision, scheme_code, scheme_version, as_of, trigger, reason, run_at, run_by
                          from assessment where quarter = ?1 and revision = ?2
                        """, Tuple.class)
                .setParameter(1, quarter)
                .setParameter(2, revision)
                .getResultStream()
                .findFirst()
                .map(o -> run((Tuple) o));
    }

    /** Every run, newest quarter and revision first. */
    public List<RunRow> runs() {
        return em.createNativeQuery("""
                        select id, quarter, revision, scheme_code, scheme_version, as_of, trigger, reason, run_at, run_by
                          from assessment order by quarter desc, revision desc
                        """, Tuple.class)
                .getResultStream()
                .map(o -> run((Tuple) o))
                .toList();
    }

    /** A run's results, ranked parks first by rank, then the disqualified, each by park code. */
    public List<ResultRow> results(UUID assessmentId) {
        return em.createNativeQuery("""
                        select park_code, park_name, peer_group, total, rank, rank_change, tier, disqualified, breakdown
                          from assessment_result where assessment_id = ?1 order by rank nulls last, park_code
                        """, Tuple.class)
                .setParameter(1, assessmentId)
                .getResultStream()
                .map(o -> {
                    Tuple t = (Tuple) o;
                    return new ResultRow(
                            t.get("park_code", String.class),
                            t.get("park_name", String.class),
                            t.get("peer_group", String.class),
                            t.get("total", BigDecimal.class),
                            integer(t.get("rank")),
                            integer(t.get("rank_change")),
                            t.get("tier", String.class),
                            t.get("disqualified", Boolean.class),
                            t.get("breakdown", String.class));
                })
                .toList();
    }

    /** One park's result in the latest revision of a quarter, with how many parks that revision ranked. */
    public record ParkHistoryRow(
            String quarter,
            int revision,
            String parkName,
            BigDecimal total,
            Integer rank,
            Integer rankChange,
            String tier,
            boolean disqualified,
            int ranked) {}

    /** A park's results, newest quarter first: only each quarter's latest revision counts, as in every other read. */
    public List<ParkHistoryRow> parkHistory(String park) {
        return em.createNativeQuery("""
                        select a.quarter, a.revision, r.park_name, r.total, r.rank, r.rank_change, r.tier, r.disqualified,
                               (select count(*) from assessment_result x
                                 where x.assessment_id = a.id and x.rank is not null) as ranked
                          from assessment a
                          join assessment_result r on r.assessment_id = a.id and r.park_code = ?1
                         where a.revision = (select max(b.revision) from assessment b where b.quarter = a.quarter)
                         order by a.quarter desc
                        """, Tuple.class)
                .setParameter(1, park)
                .getResultStream()
                .map(o -> {
                    Tuple t = (Tuple) o;
                    return new ParkHistoryRow(
                            t.get("quarter", String.class),
                            t.get("revision", Number.class).intValue(),
                            t.get("park_name", String.class),
                            t.get("total", BigDecimal.class),
                            integer(t.get("rank")),
                            integer(t.get("rank_change")),
                            t.get("tier", String.class),
                            t.get("disqualified", Boolean.class),
                            t.get("ranked", Number.class).intValue());
                })
                .toList();
    }

    public List<AdjustmentRow> adjustments(String quarter) {
        return em.createNativeQuery("""
                        select park_code, code, count, note from assessment_adjustment where quarter = ?1 order by park_code, code
                        """, Tuple.class)
                .setParameter(1, quarter)
                .getResultStream()
                .map(o -> {
                    Tuple t = (Tuple) o;
                    return new AdjustmentRow(
                            t.get("park_code", String.class),
                            t.get("code", String.class),
                            t.get("count", Number.class).intValue(),
                            t.get("note", String.class));
                })
                .toList();
    }

    /** Replaces the quarter's adjustments; entries of the same park and code add up. */
    public void replaceAdjustments(String quarter, List<AdjustmentRow> entries) {
        em.createNativeQuery("delete from assessment_adjustment where quarter = ?1")
                .setParameter(1, quarter)
                .executeUpdate();
        for (AdjustmentRow e : entries) {
            em.createNativeQuery("""
                    insert into assessment_adjustment (quarter, park_code, code, count, note) values (?1, ?2, ?3, ?4, ?5)
                    on conflict (quarter, park_code, code) do update set count = assessment_adjustment.count + excluded.count
                    """)
                    .setParameter(1, quarter)
                    .setParameter(2, e.park())
                    .setParameter(3, e.code())
                    .setParameter(4, e.count())
                    .setParameter(5, e.note())
                    .executeUpdate();
        }
    }

    private static RunRow run(Tuple t) {
        return new RunRow(
                t.get("id", UUID.class),
                t.get("quarter", String.class),
                t.get("revision", Number.class).intValue(),
                t.get("scheme_code", String.class),
                t.get("scheme_version", Number.class).intValue(),
                t.get("as_of", String.class),
                t.get("trigger", String.class),
                t.get("reason", String.class),
                SchemeRepository.toOffset(t.get("run_at")),
                t.get("run_by", String.class));
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }
}
