package io.parkpulse.reporting.service;

import io.parkpulse.reporting.repository.AssessmentScheduleRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Runs the quarterly assessment on schedule (parkpulse.assessment.cron, default the 15th day after a
 * quarter ends at 02:00 China time). Quartz is clustered on this service's database, so one instance
 * fires; the guard row claimed in the run's own transaction makes a misfire, a recovery or a second
 * scheduler find the quarter taken. A quarter a bureau admin already ran by hand is left as it is.
 */
@ApplicationScoped
public class QuarterlySchedule {

    private static final Logger LOG = Logger.getLogger(QuarterlySchedule.class);

    @Inject
    AssessmentService assessments;

    @Inject
    AssessmentScheduleRepository guard;

    @Inject
    ReportingMetrics metrics;

    @Scheduled(
            identity = "quarterly-assessment",
            cron = "{parkpulse.assessment.cron}",
            timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fire() {
        String quarter = AssessmentService.lastClosedQuarter();
        boolean ran;
        try {
            ran = runOnce(quarter, "scheduler");
        } catch (RuntimeException e) {
            metrics.jobRan(ReportingMetrics.JobOutcome.FAILED);
            throw e;
        }
        metrics.jobRan(ran ? ReportingMetrics.JobOutcome.RAN : ReportingMetrics.JobOutcome.ALREADY_TAKEN);
        LOG.infof("scheduled assessment of %s: %s", quarter, ran ? "ran" : "already taken");
    }

    /** Runs the quarter unless it was claimed or assessed before; true when this call ran it. */
    @Transactional
    public boolean runOnce(String quarter, String instance) {
        if (!guard.claim(quarter, instance) || assessments.latest(quarter) != null) {
            return false;
        }
        assessments.run(quarter, null, "SCHEDULED", null, instance);
        return true;
    }
}
