package io.parkpulse.projects.service;

import io.parkpulse.common.parks.ParkReplica;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.common.projects.ProjectStage;
import io.parkpulse.common.projects.ScheduleRules;
import io.parkpulse.projects.domain.KeyLevel;
import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.repository.ProjectRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a bureau reads off a park's projects for a period (项目建设情况). */
@ApplicationScoped
public class SummaryService {

    @Inject
    StatusService status;

    @Inject
    ProjectRepository projectQueries;

    @Inject
    ProblemService problems;

    public record Flagged(UUID id, String name, ScheduleRules.Colour colour, List<ScheduleRules.Reason> reasons) {}

    public record Investment(
            int year,
            BigDecimal yearPlanned,
            BigDecimal completedThisYear,
            BigDecimal completionRate,
            BigDecimal timeElapsed,
            BigDecimal gapPoints,
            String unit) {}

    public record ParkSummary(
            String park,
            String parkName,
            String period,
            String asOf,
            long projects,
            Map<ProjectStage, Long> byStage,
            long newStarts,
            long completions,
            long productions,
            Map<KeyLevel, Long> keyProjects,
            Investment investment,
            Map<ScheduleRules.Colour, Long> byColour,
            List<Flagged> red,
            List<Flagged> stalled,
            long overdue,
            ProblemService.Counts problems) {}

    public ParkSummary summarize(String park, String parkName, ReportingPeriod period) {
        List<Project> projects = projectQueries.ofPark(park);
        Map<UUID, StatusService.Snapshot> snapshots = status.asOf(projects, period.lastMonth());
        Map<ProjectStage, Long> byStage = new LinkedHashMap<>();
        for (ProjectStage s : ProjectStage.values()) {
            byStage.put(s, 0L);
        }
        Map<KeyLevel, Long> key = new LinkedHashMap<>();
        key.put(KeyLevel.PROVINCIAL, 0L);
        key.put(KeyLevel.MUNICIPAL, 0L);
        Map<ScheduleRules.Colour, Long> byColour = new LinkedHashMap<>();
        for (ScheduleRules.Colour c : ScheduleRules.Colour.values()) {
            byColour.put(c, 0L);
        }
        long count = 0;
        long starts = 0;
        long completions = 0;
        long productions = 0;
        long overdue = 0;
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal done = BigDecimal.ZERO;
        List<Flagged> red = new ArrayList<>();
        List<Flagged> stalled = new ArrayList<>();
        for (Project p : projects) {
            StatusService.Snapshot s = snapshots.get(p.id);
            if (s.stage() == null) {
                continue;
            }
            count++;
            byStage.merge(s.stage(), 1L, Long::sum);
            if (p.keyLevel != KeyLevel.NONE) {
                key.merge(p.keyLevel, 1L, Long::sum);
            }
            starts += in(period, p.startedOn);
            completions += in(period, p.completedOn);
            productions += in(period, p.productionOn);
            BigDecimal plan = StatusService.plan(p, period.lastMonth());
            if (plan != null && s.stage() != ProjectStage.TERMINATED) {
                planned = planned.add(plan);
                if (s.status().yearCompletionRate() != null
                        && s.report() != null
                        && s.report().id.period().startsWith(period.lastMonth().getYear() + "-")) {
                    done = done.add(s.report().investmentThisYear);
                }
            }
            ScheduleRules.Status st = s.status();
            byColour.merge(st.colour(), 1L, Long::sum);
            if (st.colour() == ScheduleRules.Colour.RED) {
                red.add(new Flagged(p.id, p.name, st.colour(), st.reasons()));
            }
            if (st.stalled()) {
                stalled.add(new Flagged(p.id, p.name, st.colour(), st.reasons()));
            }
            if (st.overdue()) {
                overdue++;
            }
        }
        BigDecimal elapsed = BigDecimal.valueOf(period.lastMonth().getMonthValue() * 100L)
                .divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
        BigDecimal rate = planned.signum() == 0
                ? null
                : done.multiply(BigDecimal.valueOf(100)).divide(planned, 2, RoundingMode.HALF_UP);
        Investment investment = new Investment(
                period.lastMonth().getYear(),
                planned,
                done,
                rate,
                elapsed,
                rate == null ? null : rate.subtract(elapsed),
                "万元");
        return new ParkSummary(
                park,
                parkName,
                period.text(),
                period.lastMonth().toString(),
                count,
                byStage,
                starts,
                completions,
                productions,
                key,
                investment,
                byColour,
                red,
                stalled,
                overdue,
                problems.counts(park, period));
    }

    public List<ParkSummary> summarize(List<ParkReplica> parks, ReportingPeriod period) {
        return parks.stream().map(p -> summarize(p.code, p.name, period)).toList();
    }

    private static long in(ReportingPeriod period, LocalDate day) {
        return period.contains(day) ? 1 : 0;
    }
}
