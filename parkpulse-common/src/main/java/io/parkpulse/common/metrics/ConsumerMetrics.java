package io.parkpulse.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.parkpulse.common.config.ConsumerSettings;
import io.parkpulse.common.consumer.EventHandler;
import io.parkpulse.common.events.CloudEventHeaders;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.TopicNames;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * What the consumer loop did with each event, by topic, event type and outcome, and how far behind the end of
 * each assigned partition it is. Tag values come only from fixed lists (the topics this service reads, the
 * types of {@link EventTypes}), never from a record's content, so a producer cannot grow the series.
 */
@Startup
@ApplicationScoped
public class ConsumerMetrics {

    /** The {@code outcome} tag. */
    public enum Outcome {
        PROCESSED,
        DUPLICATE,
        DEAD_LETTERED;

        String tag() {
            return name().toLowerCase();
        }
    }

    /** The {@code type} tag of a record whose type is missing or not one of {@link EventTypes}. */
    static final String OTHER_TYPE = "other";

    static final Set<String> KNOWN_TYPES = knownTypes();

    @Inject
    MeterRegistry registry;

    @Inject
    TopicNames topicNames;

    @Inject
    Instance<EventHandler> handlers;

    @Inject
    ConsumerSettings settings;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<TopicPartition, AtomicLong> lags = new HashMap<>();
    private final Map<TopicPartition, Meter> lagGauges = new HashMap<>();

    /** Every counter this service can move exists from the start at 0, so rate() and alerts see its first event. */
    @PostConstruct
    void register() {
        if (!settings.enabled()) {
            return;
        }
        for (String topic :
                handlers.stream().map(EventHandler::topic).distinct().toList()) {
            for (String type : typesOf(topic)) {
                for (Outcome o : Outcome.values()) {
                    counter(topic, type, o);
                }
            }
        }
    }

    /** After the consumer finished with a record; {@code event} is null when the record could not be read. */
    public void consumed(ConsumerRecord<String, String> record, Event event, Outcome outcome) {
        String topic = topicNames.plain(record.topic());
        String type = event != null ? event.type() : CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE);
        // A record without an envelope has no type; Set.of refuses to look up null.
        counter(topic, type != null && KNOWN_TYPES.contains(type) ? type : OTHER_TYPE, outcome)
                .increment();
    }

    /**
     * After each poll, on the consumer's thread: the lag of every assigned partition from the last fetch (no call to
     * the broker). Gauges of partitions this instance no longer holds are removed, so two replicas do not both
     * report one partition.
     */
    public void polled(KafkaConsumer<?, ?> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition tp : assigned) {
            consumer.currentLag(tp).ifPresent(lag -> lag(tp).set(lag));
        }
        for (TopicPartition tp : new ArrayList<>(lagGauges.keySet())) {
            if (!assigned.contains(tp)) {
                registry.remove(lagGauges.remove(tp));
                lags.remove(tp);
            }
        }
    }

    private AtomicLong lag(TopicPartition tp) {
        AtomicLong value = lags.get(tp);
        if (value == null) {
            AtomicLong v = new AtomicLong();
            value = v;
            lags.put(tp, v);
            lagGauges.put(
                    tp,
                    Gauge.builder("parkpulse.consumer.lag", v, AtomicLong::get)
                            .description("Records between the consumer's position and the end of the partition")
                            .tags("topic", topicNames.plain(tp.topic()), "partition", Integer.toString(tp.partition()))
                            .register(registry));
        }
        return value;
    }

    private Counter counter(String topic, String type, Outcome outcome) {
        return counters.computeIfAbsent(
                topic + "|" + type + "|" + outcome,
                k -> Counter.builder("parkpulse.events.consumed")
                        .description(
                                "Events the consumer finished with: processed, skipped as a duplicate, or dead-lettered")
                        .tags(Tags.of("topic", topic, "type", type, "outcome", outcome.tag()))
                        .register(registry));
    }

    /** Types are named parkpulse.<domain>.<what>.v<n> and published on the topic parkpulse.<domain>. */
    static List<String> typesOf(String topic) {
        List<String> out = new ArrayList<>();
        for (String type : KNOWN_TYPES) {
            if (type.startsWith(topic + ".")) {
                out.add(type);
            }
        }
        out.add(OTHER_TYPE);
        return out;
    }

    private static Set<String> knownTypes() {
        Set<String> out = new java.util.TreeSet<>();
        for (Field f : EventTypes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    out.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Set.copyOf(out);
    }
}
