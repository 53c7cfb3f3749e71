package io.parkpulse.reporting.service;

import io.parkpulse.reporting.config.RebuildSettings;
import io.parkpulse.reporting.repository.AssessmentScheduleRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    @Inject
    Rebuilds rebuilds;

    @Inject
    RebuildSettings settings;

    /**
     * For fault-injection tests only (default PT0S): how long a scheduled run holds its transaction open after
     * scoring, before it commits. A run normally takes a fraction of a second; this makes "kill the instance in the
     * middle of the run" a moment a test can reach (TwinSchedulerIT).
     */
    @ConfigProperty(name = "parkpulse.assessment.run-pause", defaultValue = "PT0S")
    Duration runPause;

    @Scheduled(
            identity = "quarterly-assessment",
            cron = "{parkpulse.assessment.cron}",
            timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fire() {
        String quarter = AssessmentService.lastClosedQuarter();
        if (!awaitWholeReadModel(quarter)) {
            return;
        }
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

    /**
     * A firing during a rebuild waits for it here, on the scheduler's thread (later firings are skipped meanwhile),
     * rather than being dropped: the next firing of a quarterly cron is a quarter away. The run itself checks again
     * under the rebuild's lock, so a rebuild that starts between this check and the run refuses it and rolls its
     * claim back for a later firing.
     */
    boolean awaitWholeReadModel(String quarter) {
        Instant deadline = Instant.now().plus(settings.scheduleWait());
        boolean logged = false;
        while (rebuilds.incomplete().isPresent()) {
            if (Instant.now().isAfter(deadline)) {
                LOG.errorf(
                        "scheduled assessment of %s: the read model is still not whole after %s; left to a later firing"
                                + " or a manual run",
                        quarter, settings.scheduleWait());
                return false;
            }
            if (!logged) {
                LOG.infof("scheduled assessment of %s: waiting for the read model rebuild", quarter);
                logged = true;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Runs the quarter unless it was claimed or assessed before; true when this call ran it. */
    @Transactional
    public boolean runOnce(String quarter, String instance) {
        if (!guard.claim(quarter, instance) || assessments.latest(quarter) != null) {
            return false;
        }
        assessments.run(quarter, null, "SCHEDULED", null, instance);
        if (!runPause.isZero()) {
            LOG.infof("scheduled assessment of %s: scored, committing in %s", quarter, runPause);
            try {
                Thread.sleep(runPause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted before committing the run of " + quarter, e);
            }
        }
        return true;
    }
}
