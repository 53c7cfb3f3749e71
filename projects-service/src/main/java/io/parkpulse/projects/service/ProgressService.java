package io.parkpulse.projects.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.ProjectProgress;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.projects.ProjectStage;
import io.parkpulse.projects.domain.ProgressReport;
import io.parkpulse.projects.domain.ProgressRevision;
import io.parkpulse.projects.domain.Project;
import io.parkpulse.projects.domain.Wording;
import io.parkpulse.projects.repository.ProgressRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Monthly progress reports. Investment completed to date never falls from one month to a later one,
 * nor does this year's within a year, unless the park says it is a correction and why.
 */
@ApplicationScoped
public class ProgressService {

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public record Report(
            BigDecimal investmentCompleted,
            BigDecimal investmentCompletedThisYear,
            BigDecimal physicalProgress,
            String milestones,
            String correctionReason) {}

    public record Filed(ProgressReport report, Outcome outcome) {}

    @Inject
    Outbox outbox;

    @Inject
    ProgressRepository progress;

    @Transactional
    public Filed report(UUID projectId, YearMonth period, Report r, String user) {
        // One filer per project at a time, so that two filings of one month are an insert and an update, never a clash.
        Project p = Project.findById(projectId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("项目", "project", String.valueOf(projectId));
        }
        check(p, period, r);
        ProgressReport existing = ProgressReport.findById(new ProgressReport.Key(projectId, period.toString()));
        BigDecimal previous;
        Outcome outcome;
        ProgressReport report;
        if (existing == null) {
            ProgressReport before = progress.before(projectId, period);
            previous = before == null ? null : before.investmentCompleted;
            report = new ProgressReport();
            report.id = new ProgressReport.Key(projectId, period.toString());
            report.revision = 1;
            outcome = Outcome.CREATED;
        } else {
            if (same(existing, r)) {
                return new Filed(existing, Outcome.UNCHANGED);
            }
            previous = existing.investmentCompleted;
            report = existing;
            report.revision = existing.revision + 1;
            outcome = Outcome.UPDATED;
        }
        report.investmentCompleted = r.investmentCompleted();
        report.investmentThisYear = r.investmentCompletedThisYear();
        report.physicalProgress = r.physicalProgress();
        report.milestones = r.milestones();
        report.reportedBy = user;
        report.reportedAt = OffsetDateTime.now();
        if (existing == null) {
            report.persist();
        }
        audit(report, r.correctionReason());

        boolean latest = p.progressPeriod == null || period.toString().compareTo(p.progressPeriod) >= 0;
        if (latest) {
            p.progressPeriod = period.toString();
            p.investmentCompleted = report.investmentCompleted;
            p.investmentThisYear = report.investmentThisYear;
            p.physicalProgress = report.physicalProgress;
            p.stampUpdated();
        }
        Project.flush();
        outbox.publish(
                Topics.PROJECTS,
                EventTypes.PROGRESS_REPORTED,
                p.park,
                new ProjectProgress(
                        p.id,
                        p.park,
                        period.toString(),
                        report.investmentCompleted,
                        report.investmentThisYear,
                        report.physicalProgress,
                        report.milestones,
                        previous,
                        r.correctionReason() != null && !r.correctionReason().isBlank(),
                        report.revision));
        if (latest) {
            outbox.publish(Topics.PROJECTS, EventTypes.PROJECT_UPDATED, p.park, ProjectService.state(p));
        }
        return new Filed(report, outcome);
    }

    public List<ProgressReport> list(UUID projectId) {
        return progress.reports(projectId);
    }

    public List<ProgressRevision> history(UUID projectId, YearMonth period) {
        return progress.revisions(projectId, period);
    }

    private void check(Project p, YearMonth period, Report r) {
        if (p.stage == ProjectStage.TERMINATED) {
            throw ProblemException.conflict(
                    "project_terminated",
                    "项目已于" + p.stageSince + "终止，不再填报月度进展",
                    "project " + p.id + " was terminated on " + p.stageSince + ": it takes no more progress reports",
                    Map.of("stage", p.stage));
        }
        YearMonth now = CityTime.thisMonth();
        if (period.isAfter(now)) {
            throw ProblemException.unprocessable(
                    "period",
                    "future_period",
                    Wording.month(period) + "尚未开始，月份开始后才能填报进度",
                    "progress for " + period + " cannot be reported before the month has begun");
        }
        if (period.isBefore(YearMonth.from(p.signedOn))) {
            throw ProblemException.unprocessable(
                    "period",
                    "before_signing",
                    "项目于" + p.signedOn + "签约，" + Wording.month(period) + "没有可填报的进度",
                    "the project was signed on " + p.signedOn + "; there is no progress to report for " + period);
        }
        if (r.investmentCompletedThisYear().compareTo(r.investmentCompleted()) > 0) {
            throw ProblemException.unprocessable(
                    "investmentCompletedThisYear",
                    "year_exceeds_to_date",
                    "本年完成投资" + r.investmentCompletedThisYear().toPlainString() + "万元不能超过累计完成投资"
                            + r.investmentCompleted().toPlainString() + "万元",
                    "this year's investment " + r.investmentCompletedThisYear().toPlainString()
                            + " 万元 cannot exceed the investment completed to date "
                            + r.investmentCompleted().toPlainString() + " 万元");
        }
        boolean correction =
                r.correctionReason() != null && !r.correctionReason().isBlank();
        if (correction) {
            return;
        }
        ProgressReport before = progress.before(p.id, period);
        if (before != null && r.investmentCompleted().compareTo(before.investmentCompleted) < 0) {
            throw ProblemException.unprocessable(
                    "investmentCompleted",
                    "investment_fell",
                    "累计完成投资" + r.investmentCompleted().toPlainString() + "万元低于"
                            + Wording.month(before.id.period()) + "已填报的"
                            + before.investmentCompleted.toPlainString() + "万元；如该月数据有误，请填写更正原因（correctionReason）",
                    "investment completed to date "
                            + r.investmentCompleted().toPlainString() + " 万元 is below "
                            + before.investmentCompleted.toPlainString()
                            + " 万元 reported for " + before.id.period() + "; if that was wrong, send correctionReason");
        }
        if (before != null
                && before.id.period().startsWith(period.getYear() + "-")
                && r.investmentCompletedThisYear().compareTo(before.investmentThisYear) < 0) {
            throw ProblemException.unprocessable(
                    "investmentCompletedThisYear",
                    "investment_fell",
                    "本年完成投资" + r.investmentCompletedThisYear().toPlainString() + "万元低于"
                            + Wording.month(before.id.period()) + "已填报的"
                            + before.investmentThisYear.toPlainString() + "万元；如该月数据有误，请填写更正原因（correctionReason）",
                    "this year's investment "
                            + r.investmentCompletedThisYear().toPlainString() + " 万元 is below "
                            + before.investmentThisYear.toPlainString()
                            + " 万元 reported for " + before.id.period() + "; if that was wrong, send correctionReason");
        }
        ProgressReport after = progress.after(p.id, period);
        if (after != null && r.investmentCompleted().compareTo(after.investmentCompleted) > 0) {
            throw ProblemException.unprocessable(
                    "investmentCompleted",
                    "investment_exceeds_later",
                    "累计完成投资" + r.investmentCompleted().toPlainString() + "万元高于其后"
                            + Wording.month(after.id.period()) + "已填报的"
                            + after.investmentCompleted.toPlainString() + "万元；如该月数据有误，请填写更正原因（correctionReason）",
                    "investment completed to date "
                            + r.investmentCompleted().toPlainString() + " 万元 is above "
                            + after.investmentCompleted.toPlainString()
                            + " 万元 already reported for the later month " + after.id.period()
                            + "; if that was wrong, send correctionReason");
        }
    }

    private static boolean same(ProgressReport e, Report r) {
        return e.investmentCompleted.compareTo(r.investmentCompleted()) == 0
                && e.investmentThisYear.compareTo(r.investmentCompletedThisYear()) == 0
                && e.physicalProgress.compareTo(r.physicalProgress()) == 0
                && Objects.equals(e.milestones, r.milestones());
    }

    private static void audit(ProgressReport report, String correctionReason) {
        ProgressRevision a = new ProgressRevision();
        a.projectId = report.id.projectId();
        a.period = report.id.period();
        a.revision = report.revision;
        a.investmentCompleted = report.investmentCompleted;
        a.investmentThisYear = report.investmentThisYear;
        a.physicalProgress = report.physicalProgress;
        a.milestones = report.milestones;
        a.correctionReason = correctionReason == null || correctionReason.isBlank() ? null : correctionReason;
        a.reportedBy = report.reportedBy;
        a.reportedAt = report.reportedAt;
        a.persist();
    }
}
