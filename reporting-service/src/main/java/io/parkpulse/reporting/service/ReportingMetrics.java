package io.parkpulse.reporting.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parkpulse.common.metrics.Sampled;
import io.parkpulse.reporting.repository.RankingQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/**
 * reporting-service's own meters: the read model's generation (it rises with every change the consumer applies,
 * so a flat line while lag is above zero means the consumer is stuck), rebuilds, and the scheduled quarterly
 * assessment's firings.
 */
@Startup
@ApplicationScoped
public class ReportingMetrics implements Sampled {

    /** The {@code outcome} tag of a scheduled assessment firing. */
    public enum JobOutcome {
        /** This firing ran the quarter. */
        RAN,
        /** The quarter was claimed or assessed before (another instance, a misfire, an admin's manual run). */
        ALREADY_TAKEN,
        /** The run threw; its claim rolled back and a later firing tries again. */
        FAILED
    }

    @Inject
    MeterRegistry registry;

    @Inject
    RankingQueries queries;

    @Inject
    Rebuilds rebuilds;

    private volatile double generation = Double.NaN;
    private volatile double incomplete = Double.NaN;
    private volatile long lastRebuildEpochSeconds;
    private Counter rebuildCount;
    private final Map<JobOutcome, Counter> jobRuns = new EnumMap<>(JobOutcome.class);

    @PostConstruct
    void register() {
        Gauge.builder("parkpulse.read.model.generation", this, m -> m.generation)
                .description("The read model's generation: bumped in the same transaction as every change to it")
                .register(registry);
        Gauge.builder("parkpulse.read.model.last.rebuild.timestamp.seconds", this, m -> m.lastRebuildEpochSeconds)
                .description("When this instance last began a rebuild (Unix time; 0: not since it started)")
                .register(registry);
        Gauge.builder("parkpulse.read.model.incomplete", this, m -> m.incomplete)
                .description("1 while the read model is not whole (a rebuild runs, or the last one failed), else 0:"
                        + " reads answer 503 meanwhile")
                .register(registry);
        rebuildCount = Counter.builder("parkpulse.read.model.rebuilds")
                .description("Rebuilds of the read model this instance began")
                .register(registry);
        for (JobOutcome o : JobOutcome.values()) {
            jobRuns.put(
                    o,
                    Counter.builder("parkpulse.assessment.job.runs")
                            .description("Firings of the scheduled quarterly assessment, by outcome")
                            .tag("outcome", o.name().toLowerCase())
                            .register(registry));
        }
    }

    @Override
    public void sample() {
        try {
            // Asked for changes after the newest possible generation, the query returns only the generation itself.
            generation = QuarkusTransaction.requiringNew()
                    .call(() -> queries.changesSince(Long.MAX_VALUE).generation());
        } catch (RuntimeException e) {
            generation = Double.NaN;
        }
        try {
            incomplete = QuarkusTransaction.requiringNew()
                            .call(() -> rebuilds.incomplete().isPresent())
                    ? 1
                    : 0;
        } catch (RuntimeException e) {
            incomplete = Double.NaN;
        }
    }

    public void rebuildStarted() {
        rebuildCount.increment();
        lastRebuildEpochSeconds = System.currentTimeMillis() / 1000;
    }

    public void jobRan(JobOutcome outcome) {
        jobRuns.get(outcome).increment();
    }
}
