package io.parkpulse.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.AssessmentPublished;
import io.parkpulse.common.events.payload.QuarterClosed;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.reporting.domain.Figure;
import io.parkpulse.reporting.domain.Scheme;
import io.parkpulse.reporting.domain.Scoring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The quarterly assessment: figures as of the quarter's last month, scored by a scheme version, stored
 * once and never changed. A correction is a new revision beside the old one. Every run publishes its
 * results and closes the quarter (indicators-service then locks the quarter's months).
 */
@ApplicationScoped
public class AssessmentService {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    SchemeService schemes;

    @Inject
    FigureValues figures;

    @Inject
    Outbox outbox;

    public record Breakdown(
            List<Scoring.DimensionScore> dimensions,
            List<Scoring.ItemScore> items,
            List<Scoring.AdjustmentScore> adjustments) {}

    public record Result(
            String park,
            String parkName,
            String peerGroup,
            BigDecimal total,
            Integer rank,
            Integer rankChange,
            String tier,
            boolean disqualified,
            Breakdown breakdown) {}

    public record Run(
            UUID id,
            String quarter,
            int revision,
            String schemeCode,
            int schemeVersion,
            String asOf,
            String trigger,
            String reason,
            OffsetDateTime runAt,
            String runBy,
            List<Result> results) {}

    public record AdjustmentEntry(String park, String code, int count, String note) {}

    /** The quarter's last month, for a {@code YYYY-Qn}. */
    public static YearMonth lastMonth(String quarter, String field) {
        return ReportingPeriod.quarter(quarter, field);
    }

    /** The last quarter that has ended by today. */
    public static String lastClosedQuarter() {
        YearMonth m = CityTime.thisMonth().minusMonths(3);
        return m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1);
    }

    @Transactional
    public Run run(String quarter, String schemeCode, String trigger, String reason, String user) {
        YearMonth last = lastMonth(quarter, "quarter");
        if (!last.atEndOfMonth().isBefore(CityTime.today())) {
            throw ProblemException.unprocessable(
                    "quarter",
                    "quarter_not_closed",
                    quarter + " has not ended yet (it ends on " + last.atEndOfMonth()
                            + "); a quarter is assessed after it closes");
        }
        // One run of a quarter at a time, across instances: the second waits, then sees the first.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "assessment:" + quarter)
                .getSingleResult();
        Run previousRevision = latest(quarter);
        boolean correction = reason != null && !reason.isBlank();
        if (previousRevision != null && !correction) {
            throw ProblemException.conflict(
                    "already_published",
                    quarter + " was assessed and published as revision " + previousRevision.revision()
                            + "; its results never change. To correct them, run a new revision with a reason",
                    Map.of("revision", previousRevision.revision(), "assessmentId", previousRevision.id()));
        }
        if (previousRevision == null && correction) {
            throw ProblemException.unprocessable(
                    "reason", "nothing_to_correct", quarter + " has not been assessed yet");
        }
        SchemeService.Stored scheme =
                schemeCode == null ? schemes.latest(SchemeService.DEFAULT) : schemes.latest(schemeCode);
        List<Scoring.ParkResult> scored = compute(quarter, scheme);
        Map<String, Integer> previousRanks = new HashMap<>();
        Run previousQuarter = latest(previousQuarter(quarter));
        if (previousQuarter != null) {
            previousQuarter.results().forEach(r -> previousRanks.put(r.park(), r.rank()));
        }
        UUID id = UUID.randomUUID();
        int revision = previousRevision == null ? 1 : previousRevision.revision() + 1;
        em.createNativeQuery("""
                insert into assessment (id, quarter, revision, scheme_code, scheme_version, as_of, trigger, reason, run_at, run_by)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, now(), ?9)
                """)
                .setParameter(1, id)
                .setParameter(2, quarter)
                .setParameter(3, revision)
                .setParameter(4, scheme.code())
                .setParameter(5, scheme.version())
                .setParameter(6, last.toString())
                .setParameter(7, trigger)
                .setParameter(8, correction ? reason : null)
                .setParameter(9, user)
                .executeUpdate();
        List<AssessmentPublished.ParkResult> published = new ArrayList<>();
        for (Scoring.ParkResult r : scored) {
            Integer before = previousRanks.get(r.park());
            Integer change = before == null || r.rank() == null ? null : before - r.rank();
            em.createNativeQuery("""
                    insert into assessment_result (assessment_id, park_code, park_name, peer_group, total, rank, rank_change, tier,
                                                   disqualified, breakdown)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                    """)
                    .setParameter(1, id)
                    .setParameter(2, r.park())
                    .setParameter(3, r.name())
                    .setParameter(4, r.peerGroup())
                    .setParameter(5, r.total())
                    .setParameter(6, r.rank())
                    .setParameter(7, change)
                    .setParameter(8, r.tier())
                    .setParameter(9, r.disqualified())
                    .setParameter(10, write(new Breakdown(r.dimensions(), r.items(), r.adjustments())))
                    .executeUpdate();
            published.add(new AssessmentPublished.ParkResult(
                    r.park(), r.total(), r.rank(), change, r.tier(), r.disqualified()));
        }
        outbox.publish(
                Topics.ASSESSMENTS,
                EventTypes.ASSESSMENT_PUBLISHED,
                QuarterClosed.KEY,
                new AssessmentPublished(
                        id, quarter, revision, scheme.code(), scheme.version(), last.toString(), published));
        outbox.publish(
                Topics.ASSESSMENTS,
                EventTypes.QUARTER_CLOSED,
                QuarterClosed.KEY,
                new QuarterClosed(quarter, id, revision, OffsetDateTime.now(CityTime.ZONE)));
        return get(quarter, revision);
    }

    /** Scores a quarter as a run would, without storing or publishing anything (a preview, or a check after a rebuild). */
    @Transactional
    public List<Scoring.ParkResult> preview(String quarter, String schemeCode) {
        YearMonth first = lastMonth(quarter, "quarter").minusMonths(2);
        if (first.isAfter(CityTime.thisMonth())) {
            // Scoring a quarter with no data yet would rank every park first with 0 points.
            throw ProblemException.unprocessable(
                    "quarter",
                    "quarter_not_started",
                    quarter + " 尚未开始（" + first.atDay(1) + " 开始）；预览只对进行中或已结束的季度评分",
                    quarter + " has not begun yet (it begins on " + first.atDay(1)
                            + "); a preview scores a quarter that is under way or closed");
        }
        return compute(
                quarter, schemeCode == null ? schemes.latest(SchemeService.DEFAULT) : schemes.latest(schemeCode));
    }

    private List<Scoring.ParkResult> compute(String quarter, SchemeService.Stored scheme) {
        YearMonth last = lastMonth(quarter, "quarter");

        @SuppressWarnings("unchecked")
        List<Object[]> parks = em.createNativeQuery("""
                select code, name, peer_group from park_replica where status = 'ACTIVE' order by code
                """).getResultList();
        if (parks.isEmpty()) {
            throw ProblemException.unprocessable("quarter", "no_parks", "no active park is known: nothing to assess");
        }
        List<Scheme.Item> items = scheme.scheme().items();
        Map<Figure, Map<String, BigDecimal>> values = figures.of(
                items.stream().map(i -> Figure.parse(i.figure())).distinct().toList(), last);
        Map<String, Map<String, Integer>> adjustments = new HashMap<>();
        for (AdjustmentEntry a : adjustments(quarter)) {
            adjustments.computeIfAbsent(a.park(), k -> new HashMap<>()).merge(a.code(), a.count(), Integer::sum);
        }
        List<Scoring.ParkInput> inputs = new ArrayList<>();
        for (Object[] p : parks) {
            String code = (String) p[0];
            Map<String, BigDecimal> v = new HashMap<>();
            for (Scheme.Item i : items) {
                BigDecimal x = values.get(Figure.parse(i.figure())).get(code);
                if (x != null) {
                    v.put(i.code(), x);
                }
            }
            inputs.add(new Scoring.ParkInput(
                    code, (String) p[1], (String) p[2], v, adjustments.getOrDefault(code, Map.of())));
        }
        return Scoring.score(scheme.scheme(), inputs);
    }

    /** The latest revision of a quarter, or null when it was never assessed. */
    public Run latest(String quarter) {
        List<?> r = em.createNativeQuery("select max(revision) from assessment where quarter = ?1")
                .setParameter(1, quarter)
                .getResultList();
        return r.isEmpty() || r.get(0) == null ? null : get(quarter, ((Number) r.get(0)).intValue());
    }

    @SuppressWarnings("unchecked")
    public Run get(String quarter, int revision) {
        List<Object[]> head = em.createNativeQuery("""
                select id, scheme_code, scheme_version, as_of, trigger, reason, run_at, run_by
                  from assessment where quarter = ?1 and revision = ?2
                """)
                .setParameter(1, quarter)
                .setParameter(2, revision)
                .getResultList();
        if (head.isEmpty()) {
            return null;
        }
        Object[] h = head.get(0);
        List<Object[]> rows = em.createNativeQuery("""
                select park_code, park_name, peer_group, total, rank, rank_change, tier, disqualified, breakdown
                  from assessment_result where assessment_id = ?1 order by rank nulls last, park_code
                """).setParameter(1, h[0]).getResultList();
        List<Result> results = rows.stream()
                .map(r -> new Result(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (BigDecimal) r[3],
                        r[4] == null ? null : ((Number) r[4]).intValue(),
                        r[5] == null ? null : ((Number) r[5]).intValue(),
                        (String) r[6],
                        (Boolean) r[7],
                        read((String) r[8])))
                .toList();
        return new Run(
                (UUID) h[0],
                quarter,
                revision,
                (String) h[1],
                ((Number) h[2]).intValue(),
                (String) h[3],
                (String) h[4],
                (String) h[5],
                SchemeService.toOffset(h[6]),
                (String) h[7],
                results);
    }

    @SuppressWarnings("unchecked")
    public List<Run> list() {
        List<Object[]> rows = em.createNativeQuery("""
                select id, quarter, revision, scheme_code, scheme_version, as_of, trigger, reason, run_at, run_by
                  from assessment order by quarter desc, revision desc
                """).getResultList();
        return rows.stream()
                .map(h -> new Run(
                        (UUID) h[0],
                        (String) h[1],
                        ((Number) h[2]).intValue(),
                        (String) h[3],
                        ((Number) h[4]).intValue(),
                        (String) h[5],
                        (String) h[6],
                        (String) h[7],
                        SchemeService.toOffset(h[8]),
                        (String) h[9],
                        List.of()))
                .toList();
    }

    /** Replaces the adjustments recorded for a quarter; they count in its next run or revision. */
    @Transactional
    public List<AdjustmentEntry> setAdjustments(String quarter, List<AdjustmentEntry> entries) {
        lastMonth(quarter, "quarter");
        Scheme scheme = schemes.latest(SchemeService.DEFAULT).scheme();
        java.util.Set<String> known = new java.util.HashSet<>();
        if (scheme.adjustments() != null) {
            scheme.adjustments().forEach(a -> known.add(a.code()));
        }
        List<io.parkpulse.common.error.Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            AdjustmentEntry e = entries.get(i);
            if (!known.contains(e.code())) {
                errors.add(new io.parkpulse.common.error.Problem.FieldError(
                        "[" + i + "].code",
                        "unknown_adjustment",
                        "the scheme has no adjustment '" + e.code() + "'; it has " + known));
            }
            if (em.createNativeQuery("select 1 from park_replica where code = ?1")
                    .setParameter(1, e.park())
                    .getResultList()
                    .isEmpty()) {
                errors.add(new io.parkpulse.common.error.Problem.FieldError(
                        "[" + i + "].park", "unknown_park", "park '" + e.park() + "' is not known"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, errors.get(0).code(), errors.get(0).message(), errors, null);
        }
        em.createNativeQuery("delete from assessment_adjustment where quarter = ?1")
                .setParameter(1, quarter)
                .executeUpdate();
        for (AdjustmentEntry e : entries) {
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
        return adjustments(quarter);
    }

    @SuppressWarnings("unchecked")
    public List<AdjustmentEntry> adjustments(String quarter) {
        List<Object[]> rows = em.createNativeQuery("""
                select park_code, code, count, note from assessment_adjustment where quarter = ?1 order by park_code, code
                """).setParameter(1, quarter).getResultList();
        return rows.stream()
                .map(r -> new AdjustmentEntry((String) r[0], (String) r[1], ((Number) r[2]).intValue(), (String) r[3]))
                .toList();
    }

    static String previousQuarter(String quarter) {
        YearMonth m = lastMonth(quarter, "quarter").minusMonths(3);
        return m.getYear() + "-Q" + (m.getMonthValue() / 3);
    }

    private String write(Breakdown b) {
        try {
            return json.writeValueAsString(b);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Breakdown read(String s) {
        try {
            return json.readValue(s, Breakdown.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored breakdown no longer reads", e);
        }
    }
}
