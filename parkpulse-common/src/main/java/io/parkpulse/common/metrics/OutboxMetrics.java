package io.parkpulse.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parkpulse.common.outbox.OutboxRepository;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What waits in the outbox and what the relay sends. The backlog is sampled, not read per scrape. The age of the
 * oldest row is worked out at scrape time from that row's time, so a stuck outbox's age keeps rising between
 * samples instead of standing still at the last one.
 */
@Startup
@ApplicationScoped
public class OutboxMetrics implements Sampled {

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxRepository outbox;

    private record Sample(long pending, long oldestEpochMillis) {}

    private volatile Sample last = new Sample(-1, 0);
    private Counter published;
    private Counter failures;

    @PostConstruct
    void register() {
        Gauge.builder("parkpulse.outbox.pending", this, m -> m.last.pending() < 0 ? Double.NaN : m.last.pending())
                .description("Events written but not yet acknowledged by the broker (NaN: the outbox cannot be read)")
                .register(registry);
        Gauge.builder("parkpulse.outbox.oldest.age.seconds", this, OutboxMetrics::oldestAgeSeconds)
                .description("Age of the oldest event waiting in the outbox, 0 when it is empty")
                .register(registry);
        published = Counter.builder("parkpulse.outbox.published")
                .description("Events the broker acknowledged (acks=all) and the relay deleted from the outbox")
                .register(registry);
        failures = Counter.builder("parkpulse.outbox.publish.failures")
                .description("Relay rounds that failed (broker or database unavailable); the rows stay and are retried")
                .register(registry);
    }

    @Override
    public void sample() {
        OutboxRepository.Backlog b = outbox.backlog();
        last = b.count() < 0
                ? new Sample(-1, 0)
                : new Sample(b.count(), System.currentTimeMillis() - b.oldestAgeSeconds() * 1000);
    }

    private double oldestAgeSeconds() {
        Sample s = last;
        if (s.pending() < 0) {
            return Double.NaN;
        }
        return s.pending() == 0 ? 0 : Math.max(0, (System.currentTimeMillis() - s.oldestEpochMillis()) / 1000.0);
    }

    /** After each relay round that reached the broker: how many events it acknowledged. */
    public void published(int events) {
        published.increment(events);
    }

    /** After a relay round that failed. */
    public void publishFailed() {
        failures.increment();
    }
}
