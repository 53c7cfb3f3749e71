package io.parkpulse.common.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The names this deployment uses on the Kafka cluster. */
@ConfigMapping(prefix = "parkpulse.kafka")
public interface TopicSettings {

    /**
     * Put before every topic and consumer-group name (default none), so that several deployments, or the test
     * JVMs of one build, share a Kafka cluster without seeing each other's events.
     */
    Optional<String> topicPrefix();
}
