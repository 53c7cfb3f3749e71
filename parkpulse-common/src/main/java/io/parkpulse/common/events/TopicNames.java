package io.parkpulse.common.events;

import io.parkpulse.common.config.TopicSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The platform's topics as they are named on the broker: {@link Topics} plus an optional prefix
 * ({@code parkpulse.kafka.topic-prefix}), so that several deployments, or the test JVMs of one build,
 * can share a Kafka cluster without seeing each other's events. Everything inside a service (outbox
 * rows, handlers, the processed-event table) keeps the plain names; only the Kafka clients see these.
 */
@ApplicationScoped
public class TopicNames {

    @Inject
    TopicSettings settings;

    public String prefix() {
        return settings.topicPrefix().orElse("");
    }

    public String onBroker(String topic) {
        return prefix() + topic;
    }

    /** The plain name of a topic read from the broker. */
    public String plain(String onBroker) {
        String p = prefix();
        return !p.isEmpty() && onBroker.startsWith(p) ? onBroker.substring(p.length()) : onBroker;
    }

    public List<String> onBroker(List<String> topics) {
        return topics.stream().map(this::onBroker).toList();
    }
}
