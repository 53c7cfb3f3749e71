package io.parkpulse.projects.service;

import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.projects.ProjectStage;
import io.parkpulse.common.projects.ScheduleRules;
import io.parkpulse.common.projects.ScheduleSettings;
import io.parkpulse.projects.domain.ProgressReport;
import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.domain.StageChange;
import io.parkpulse.projects.repository.ProgressRepository;
import io.parkpulse.projects.repository.StageChangeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Projects as they stood at the end of a month (stage from the lifecycle history, figures from the
 * latest progress report up to that month) and their schedule status then. For this month the
 * project row already holds all of it.
 */
@ApplicationScoped
public class StatusService {

    @Inject
    ScheduleSettings settings;

    @Inject
    StageChangeRepository stageChanges;

    @Inject
    ProgressRepository progress;

    /** A project at the end of {@code asOf}: null stage when it was not yet signed. */
    public record Snapshot(
            Project project,
            YearMonth asOf,
            ProjectStage stage,
            LocalDate stageSince,
            ProgressReport report,
            ScheduleRules.Facts facts,
            ScheduleRules.Status status) {}

    /**
     * A project's status as of a month with its exact investment gap, for lists that filter or order on them; null
     * status (and gap) when it had no stage yet then.
     */
    public record Judged(Project project, YearMonth asOf, ScheduleRules.Status status, ScheduleRules.Gap gap) {}

    public ScheduleRules.Status now(Project p) {
        return evaluate(nowFacts(p), CityTime.thisMonth());
    }

    /**
     * The projects as of {@code asOf} (from their history, two queries), or this month when it is null (from their
     * rows, no query), in the order given.
     */
    public List<Judged> judge(List<Project> projects, YearMonth asOf) {
        if (asOf == null) {
            YearMonth month = CityTime.thisMonth();
            return projects.stream()
                    .map(p -> {
                        ScheduleRules.Facts f = nowFacts(p);
                        return new Judged(p, month, evaluate(f, month), ScheduleRules.exactGap(f, month));
                    })
                    .toList();
        }
        Map<UUID, Snapshot> then = asOf(projects, asOf);
        return projects.stream()
                .map(p -> {
                    Snapshot s = then.get(p.id);
                    return new Judged(
                            p, asOf, s.status(), s.facts() == null ? null : ScheduleRules.exactGap(s.facts(), asOf));
                })
                .toList();
    }

    private ScheduleRules.Facts nowFacts(Project p) {
        YearMonth asOf = CityTime.thisMonth();
        YearMonth last = p.progressPeriod == null ? null : YearMonth.parse(p.progressPeriod);
        boolean sameYear = last != null && last.getYear() == asOf.getYear();
        return new ScheduleRules.Facts(
                p.stage,
                p.stageSince,
                p.plannedStart,
                p.plannedCompletion,
                p.totalInvestment,
                plan(p, asOf),
                p.investmentCompleted,
                sameYear ? p.investmentThisYear : null,
                p.physicalProgress,
                last);
    }

    private ScheduleRules.Status evaluate(ScheduleRules.Facts f, YearMonth asOf) {
        return ScheduleRules.evaluate(f, asOf, ScheduleRules.cutoff(asOf), settings.thresholds());
    }

    public Snapshot asOf(Project p, YearMonth asOf) {
        return asOf(List.of(p), asOf).get(p.id);
    }

    /** Snapshots of many projects with two queries, whatever their number. */
    public Map<UUID, Snapshot> asOf(Collection<Project> projects, YearMonth asOf) {
        Map<UUID, Snapshot> out = new HashMap<>();
        if (projects.isEmpty()) {
            return out;
        }
        List<UUID> ids = projects.stream().map(p -> p.id).toList();
        LocalDate end = asOf.atEndOfMonth();
        Map<UUID, StageChange> lastChange = new HashMap<>();
        for (StageChange c : stageChanges.upTo(ids, end)) {
            lastChange.put(c.projectId, c);
        }
        Map<UUID, ProgressReport> lastReport = new HashMap<>();
        for (ProgressReport r : progress.upTo(ids, asOf)) {
            lastReport.put(r.id.projectId(), r);
        }
        for (Project p : projects) {
            StageChange c = lastChange.get(p.id);
            if (c == null) {
                out.put(p.id, new Snapshot(p, asOf, null, null, null, null, null));
                continue;
            }
            ProgressReport r = lastReport.get(p.id);
            YearMonth reported = r == null ? null : YearMonth.parse(r.id.period());
            boolean sameYear = reported != null && reported.getYear() == asOf.getYear();
            ScheduleRules.Facts facts = new ScheduleRules.Facts(
                    c.toStage,
                    c.changedOn,
                    p.plannedStart,
                    p.plannedCompletion,
                    p.totalInvestment,
                    plan(p, asOf),
                    r == null ? null : r.investmentCompleted,
                    sameYear ? r.investmentThisYear : null,
                    r == null ? null : r.physicalProgress,
                    reported);
            out.put(p.id, new Snapshot(p, asOf, c.toStage, c.changedOn, r, facts, evaluate(facts, asOf)));
        }
        return out;
    }

    /** The year's planned investment, if the project's plan is for the year of {@code asOf}. */
    static BigDecimal plan(Project p, YearMonth asOf) {
        return p.planYear != null && p.planYear == asOf.getYear() ? p.yearPlannedInvestment : null;
    }
}
