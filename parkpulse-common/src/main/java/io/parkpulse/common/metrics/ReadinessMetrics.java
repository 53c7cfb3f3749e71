package io.parkpulse.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Readiness as Prometheus can see it: the same checks as {@code /q/health/ready}, sampled. Kubernetes' own probe
 * results are not visible to Prometheus without kube-state-metrics, and {@code up} only says the port answers; a
 * pod whose database comes and goes answers every scrape while it leaves and rejoins its Service.
 */
@Startup
@ApplicationScoped
public class ReadinessMetrics implements Sampled {

    @Inject
    MeterRegistry registry;

    @Inject
    SmallRyeHealthReporter health;

    /** -1 until the first sample, then 1 or 0. */
    private volatile int ready = -1;

    private Counter changes;

    @PostConstruct
    void register() {
        Gauge.builder("parkpulse.ready", this, m -> m.ready < 0 ? Double.NaN : m.ready)
                .description("1 when the readiness checks (/q/health/ready) pass, 0 when not")
                .register(registry);
        changes = Counter.builder("parkpulse.readiness.changes")
                .description("Times readiness went from ready to not ready or back")
                .register(registry);
    }

    @Override
    public void sample() {
        int now = health.getReadiness().isDown() ? 0 : 1;
        int before = ready;
        ready = now;
        if (before >= 0 && before != now) {
            changes.increment();
        }
    }
}
