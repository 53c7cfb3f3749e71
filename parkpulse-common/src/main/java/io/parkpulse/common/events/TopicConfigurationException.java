package io.parkpulse.common.events;

import java.util.List;

/** Existing topics whose configuration breaks the design: the service must not start on them. */
public class TopicConfigurationException extends IllegalStateException {

    private final List<String> problems;

    public TopicConfigurationException(List<String> problems) {
        super("Kafka topics break ParkPulse's design, so this service does not start (docs/operations.md, Kafka):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
