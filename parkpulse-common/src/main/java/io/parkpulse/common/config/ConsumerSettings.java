package io.parkpulse.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How a service consumes the events of others. */
@ConfigMapping(prefix = "parkpulse.consumer")
public interface ConsumerSettings {

    /** Whether this instance consumes at all (default true). */
    @WithDefault("true")
    boolean enabled();

    /**
     * The Kafka consumer group (default: the service's name, so that every service reads every event it needs
     * once).
     */
    Optional<String> group();

    /**
     * How often an event that fails with anything but a malformed payload is tried before it is dead-lettered
     * (attempts, default 5).
     */
    @WithDefault("5")
    int maxAttempts();
}
