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
import io.parkpulse.reporting.domain.Quarters;
import io.parkpulse.reporting.domain.Refusal;
import io.parkpulse.reporting.domain.Scheme;
import io.parkpulse.reporting.domain.Scoring;
import io.parkpulse.reporting.domain.export.ExportNames;
import io.parkpulse.reporting.repository.AssessmentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    Rebuilds rebuilds;

    @Inject
    AssessmentRepository repository;

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
        return Quarters.lastClosed(CityTime.thisMonth());
    }

    @Transactional
    public Run run(String quarter, String schemeCode, String trigger, String reason, String user) {
        YearMonth last = lastMonth(quarter, "quarter");
        if (!Quarters.closed(last, CityTime.today())) {
            throw ProblemException.unprocessable(
                    "quarter",
                    "quarter_not_closed",
                    ExportNames.period(quarter) + "尚未结束（" + last.atEndOfMonth() + "结束），季度结束后方可考核",
                    quarter + " has not ended yet (it ends on " + last.atEndOfMonth()
                            + "); a quarter is assessed after it closes");
        }
        // Scores from part of the read model would be published for good: not while a rebuild empties it.
        rebuilds.refuseRunWhileIncomplete();
        // One run of a quarter at a time, across instances: the second waits, then sees the first.
        repository.lockQuarter(quarter);
        Run previousRevision = latest(quarter);
        boolean correction = reason != null && !reason.isBlank();
        if (previousRevision != null && !correction) {
            throw ProblemException.conflict(
                    "already_published",
                    ExportNames.period(quarter) + "考核结果已发布（第" + previousRevision.revision()
                            + "次发布），发布后不再更改；如需更正，请说明更正原因，重新考核另行发布",
                    quarter + " was assessed and published as revision " + previousRevision.revision()
                            + "; its results never change. To correct them, run a new revision with a reason",
                    Map.of("revision", previousRevision.revision(), "assessmentId", previousRevision.id()));
        }
        if (previousRevision == null && correction) {
            throw ProblemException.unprocessable(
                    "reason",
                    "nothing_to_correct",
                    ExportNames.period(quarter) + "尚未考核，没有可更正的结果",
                    quarter + " has not been assessed yet");
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
        repository.insertRun(new AssessmentRepository.RunRow(
                id,
                quarter,
                revision,
                scheme.code(),
                scheme.version(),
                last.toString(),
                trigger,
                correction ? reason : null,
                null,
                user));
        List<AssessmentPublished.ParkResult> published = new ArrayList<>();
        for (Scoring.ParkResult r : scored) {
            Integer before = previousRanks.get(r.park());
            Integer change = before == null || r.rank() == null ? null : before - r.rank();
            repository.insertResult(
                    id,
                    new AssessmentRepository.ResultRow(
                            r.park(),
                            r.name(),
                            r.peerGroup(),
                            r.total(),
                            r.rank(),
                            change,
                            r.tier(),
                            r.disqualified(),
                            write(new Breakdown(r.dimensions(), r.items(), r.adjustments()))));
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
                    ExportNames.period(quarter) + "尚未开始（" + first.atDay(1) + "开始），只能预览进行中或已结束季度的考核得分",
                    quarter + " has not begun yet (it begins on " + first.atDay(1)
                            + "); a preview scores a quarter that is under way or closed");
        }
        return compute(
                quarter, schemeCode == null ? schemes.latest(SchemeService.DEFAULT) : schemes.latest(schemeCode));
    }

    private List<Scoring.ParkResult> compute(String quarter, SchemeService.Stored scheme) {
        YearMonth last = lastMonth(quarter, "quarter");

        List<AssessmentRepository.ActivePark> parks = repository.activeParks();
        if (parks.isEmpty()) {
            throw ProblemException.unprocessable(
                    "quarter", "no_parks", "目前没有在运行的园区，没有可考核的对象", "no active park is known: nothing to assess");
        }
        List<Scheme.Item> items = scheme.scheme().items();
        Map<Figure, Map<String, BigDecimal>> values = figures.of(
                items.stream().map(i -> Figure.parse(i.figure())).distinct().toList(), last);
        Map<String, Map<String, Integer>> adjustments = new HashMap<>();
        for (AdjustmentEntry a : adjustments(quarter)) {
            adjustments.computeIfAbsent(a.park(), k -> new HashMap<>()).merge(a.code(), a.count(), Integer::sum);
        }
        List<Scoring.ParkInput> inputs = new ArrayList<>();
        for (AssessmentRepository.ActivePark p : parks) {
            String code = p.code();
            Map<String, BigDecimal> v = new HashMap<>();
            for (Scheme.Item i : items) {
                BigDecimal x = values.get(Figure.parse(i.figure())).get(code);
                if (x != null) {
                    v.put(i.code(), x);
                }
            }
            inputs.add(
                    new Scoring.ParkInput(code, p.name(), p.peerGroup(), v, adjustments.getOrDefault(code, Map.of())));
        }
        return Scoring.score(scheme.scheme(), inputs);
    }

    /** The latest revision of a quarter, or null when it was never assessed. */
    public Run latest(String quarter) {
        return repository.latestRevision(quarter).map(r -> get(quarter, r)).orElse(null);
    }

    public Run get(String quarter, int revision) {
        return repository
                .findRun(quarter, revision)
                .map(h -> run(
                        h,
                        repository.results(h.id()).stream()
                                .map(r -> new Result(
                                        r.park(),
                                        r.parkName(),
                                        r.peerGroup(),
                                        r.total(),
                                        r.rank(),
                                        r.rankChange(),
                                        r.tier(),
                                        r.disqualified(),
                                        read(r.breakdown())))
                                .toList()))
                .orElse(null);
    }

    public List<Run> list() {
        return repository.runs().stream().map(h -> run(h, List.of())).toList();
    }

    private static Run run(AssessmentRepository.RunRow h, List<Result> results) {
        return new Run(
                h.id(),
                h.quarter(),
                h.revision(),
                h.schemeCode(),
                h.schemeVersion(),
                h.asOf(),
                h.trigger(),
                h.reason(),
                h.runAt(),
                h.runBy(),
                results);
    }

    /**
     * One quarter of a park's history: its place in the quarter's latest revision. {@code ranked} is how many
     * parks that revision ranked, so that a rank reads as "第3名/共15个".
     */
    public record ParkQuarter(
            String quarter,
            int revision,
            String parkName,
            BigDecimal total,
            Integer rank,
            Integer rankChange,
            String tier,
            boolean disqualified,
            int ranked) {}

    public List<ParkQuarter> parkHistory(String park) {
        return repository.parkHistory(park).stream()
                .map(r -> new ParkQuarter(
                        r.quarter(),
                        r.revision(),
                        r.parkName(),
                        r.total(),
                        r.rank(),
                        r.rankChange(),
                        r.tier(),
                        r.disqualified(),
                        r.ranked()))
                .toList();
    }

    /** Replaces the adjustments recorded for a quarter; they count in its next run or revision. */
    @Transactional
    public List<AdjustmentEntry> setAdjustments(String quarter, List<AdjustmentEntry> entries) {
        lastMonth(quarter, "quarter");
        Scheme scheme = schemes.latest(SchemeService.DEFAULT).scheme();
        // Sorted, so that a refusal lists them the same way every time.
        java.util.Set<String> known = new java.util.TreeSet<>();
        if (scheme.adjustments() != null) {
            scheme.adjustments().forEach(a -> known.add(a.code()));
        }
        List<Refusal> errors = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            AdjustmentEntry e = entries.get(i);
            if (!known.contains(e.code())) {
                errors.add(new Refusal(
                        "[" + i + "].code",
                        "unknown_adjustment",
                        "考核方案中没有编码为“" + e.code() + "”的加减分事项，现有：" + String.join("、", known),
                        "the scheme has no adjustment '" + e.code() + "'; it has " + known));
            }
            if (!repository.parkKnown(e.park())) {
                errors.add(new Refusal(
                        "[" + i + "].park",
                        "unknown_park",
                        "没有编码为“" + e.park() + "”的园区",
                        "park '" + e.park() + "' is not known"));
            }
        }
        if (!errors.isEmpty()) {
            Refusal first = errors.get(0);
            throw Refusal.all(422, first.code(), first.chinese(), first.english(), errors);
        }
        repository.replaceAdjustments(
                quarter,
                entries.stream()
                        .map(e -> new AssessmentRepository.AdjustmentRow(e.park(), e.code(), e.count(), e.note()))
                        .toList());
        return adjustments(quarter);
    }

    public List<AdjustmentEntry> adjustments(String quarter) {
        return repository.adjustments(quarter).stream()
                .map(r -> new AdjustmentEntry(r.park(), r.code(), r.count(), r.note()))
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
