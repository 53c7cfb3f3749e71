package io.parkpulse.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a rebuild of the read model is claimed, watched and waited for. */
@ConfigMapping(prefix = "parkpulse.reporting.rebuild")
public interface RebuildSettings {

    /**
     * How long a rebuild's claim holds without a heartbeat (the rebuilding instance renews it every second); past
     * it the instance is taken for gone, the rebuild is marked FAILED and another instance starts over (default
     * PT30S).
     */
    @WithDefault("PT30S")
    Duration lease();

    /**
     * How long a rebuild may read nothing while records remain before it gives up as FAILED (the broker is gone;
     * default PT2M).
     */
    @WithDefault("PT2M")
    Duration stallTimeout();

    /**
     * How long the scheduled quarterly assessment waits for a rebuild to end before it leaves the quarter to a
     * later firing or a manual run (default PT2H).
     */
    @WithDefault("PT2H")
    Duration scheduleWait();
}
