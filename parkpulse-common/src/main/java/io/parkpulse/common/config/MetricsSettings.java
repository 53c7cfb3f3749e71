package io.parkpulse.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the gauges at /q/metrics that need a database round trip are kept current. */
@ConfigMapping(prefix = "parkpulse.metrics")
public interface MetricsSettings {

    /**
     * How often the outbox backlog, readiness and reporting's read-model generation are sampled (ISO-8601
     * duration, default PT10S). A scrape reads the last sample, so scrapes never query the database.
     */
    @WithDefault("PT10S")
    Duration sampleInterval();
}
