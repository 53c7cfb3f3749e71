package io.parkpulse.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The names this deployment uses on the Kafka cluster, and the shape of the topics a service creates. */
@ConfigMapping(prefix = "parkpulse.kafka")
public interface TopicSettings {

    /**
     * Put before every topic and consumer-group name (default none), so that several deployments, or the test
     * JVMs of one build, share a Kafka cluster without seeing each other's events.
     */
    Optional<String> topicPrefix();

    /**
     * Partitions of each event topic (default 3): the most consumer instances of one service that share the
     * work. A service creates a missing topic with this many and refuses to start on an existing one with fewer.
     * Dead-letter topics have one.
     */
    @WithDefault("3")
    int partitions();

    /**
     * Replicas of each topic a service creates (default -1: the broker's {@code default.replication.factor}).
     * Production clusters: 3, with {@code min.insync.replicas=2} on the broker.
     */
    @WithDefault("-1")
    short replicationFactor();
}
