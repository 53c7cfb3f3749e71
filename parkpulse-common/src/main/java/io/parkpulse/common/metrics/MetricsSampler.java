package io.parkpulse.common.metrics;

import io.parkpulse.common.config.MetricsSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** One thread per service refreshes every {@link Sampled} gauge at {@code parkpulse.metrics.sample-interval}. */
@ApplicationScoped
public class MetricsSampler {

    private static final Logger LOG = Logger.getLogger(MetricsSampler.class);

    @Inject
    Instance<Sampled> gauges;

    @Inject
    MetricsSettings settings;

    private ScheduledExecutorService executor;

    void start(@Observes StartupEvent ev) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "metrics-sampler");
            t.setDaemon(true);
            return t;
        });
        long ms = settings.sampleInterval().toMillis();
        executor.scheduleWithFixedDelay(this::sampleAll, 0, ms, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent ev) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    void sampleAll() {
        for (Sampled g : gauges) {
            try {
                g.sample();
            } catch (RuntimeException e) {
                // A scheduled task that throws is never run again; one bad gauge must not freeze the others.
                LOG.debugf("sampling %s failed: %s", g.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
