package io.parkpulse.infra;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What tests do with the real broker: publish an event as another service would (CloudEvents
 * headers, key = park code), read a topic from its start, and wait for a condition with a bound.
 */
public final class TestEvents {

    /**
     * The system property {@link InfraTestResource} sets to this test JVM's topic prefix, which the
     * service under test is configured with too: tests name topics plainly and meet the service's.
     */
    public static final String PREFIX_PROPERTY = "parkpulse.kafka.topic-prefix";

    /** A topic as the broker names it for this JVM's service. */
    public static String onBroker(String topic) {
        return System.getProperty(PREFIX_PROPERTY, "") + topic;
    }

    /** Publishes one event and waits for the broker's acknowledgement. Returns its id. */
    public static UUID publish(String bootstrap, String topic, String park, String type, String json, UUID id) {
        UUID eventId = id == null ? UUID.randomUUID() : id;
        ProducerRecord<String, String> r = new ProducerRecord<>(onBroker(topic), park, json);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", eventId.toString());
        header(r, "ce_source", "/parkpulse/tests");
        header(r, "ce_type", type);
        header(r, "ce_subject", park);
        header(r, "ce_time", OffsetDateTime.now().toString());
        header(r, "content-type", "application/json");
        return send(bootstrap, r) ? eventId : null;
    }

    /** Publishes a raw record without any CloudEvents header (a poison message). */
    public static void publishRaw(String bootstrap, String topic, String key, String value) {
        send(bootstrap, new ProducerRecord<>(onBroker(topic), key, value));
    }

    private static boolean send(String bootstrap, ProducerRecord<String, String> r) {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                new StringSerializer(),
                new StringSerializer())) {
            p.send(r).get(30, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            throw new IllegalStateException("publishing to " + r.topic() + " failed", e);
        }
    }

    private static void header(ProducerRecord<String, String> r, String k, String v) {
        r.headers().add(k, v.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a topic from the start until {@code expected} matching records arrived or the wait ends. */
    public static List<ConsumerRecord<String, String>> read(
            String bootstrap,
            String topic,
            Predicate<ConsumerRecord<String, String>> match,
            int expected,
            Duration wait) {
        Map<String, Object> props = Map.of(
                "bootstrap.servers",
                bootstrap,
                "group.id",
                "test-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest",
                "enable.auto.commit",
                "false");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(onBroker(topic)));
            Instant deadline = Instant.now().plus(wait);
            while (Instant.now().isBefore(deadline) && out.size() < expected) {
                c.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (match.test(r)) {
                        out.add(r);
                    }
                });
            }
            // Keep reading briefly so that a duplicate would be seen too.
            Instant settle = Instant.now().plusMillis(1500);
            while (Instant.now().isBefore(settle)) {
                c.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (match.test(r)) {
                        out.add(r);
                    }
                });
            }
        }
        return out;
    }

    /** Polls until the condition holds; fails with the message when the bound is reached. */
    public static void await(String what, Duration bound, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(bound);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out after " + bound + " waiting for " + what);
    }

    private TestEvents() {}

    /** A new park as indicators-service publishes it on parkpulse.parks, for services that keep a registry copy; returns its code. */
    /**
     * An active provincial park of 3,000 mu, as indicators-service publishes one. Written out rather than made
     * from parkpulse-common's record, so that parkpulse-cli's tests, which run packaged services and have no
     * parkpulse-common on their classpath, can use it.
     */
    public static String publishNewPark(String bootstrap, String prefix, String name) {
        String code = prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        publish(
                bootstrap,
                "parkpulse.parks",
                code,
                "parkpulse.parks.park-registered.v1",
                "{\"code\":\"" + code
                        + "\",\"name\":\"" + name
                        + "\",\"level\":\"PROVINCIAL\",\"kind\":\"INDUSTRIAL_PARK\",\"district\":\"江南区\","
                        + "\"developedLandMu\":3000,\"peerGroup\":\"PROVINCIAL\",\"status\":\"ACTIVE\",\"version\":0}",
                null);
        return code;
    }

    /** Publishes a payload record as the owning service's outbox writes it. Returns the event's id. */
    public static UUID publish(String bootstrap, String topic, String key, String type, Object payload) {
        return publish(bootstrap, topic, key, type, payload, null);
    }

    /** The same with a given event id, to deliver one event twice. */
    public static UUID publish(String bootstrap, String topic, String key, String type, Object payload, UUID id) {
        try {
            return publish(bootstrap, topic, key, type, PAYLOADS.writeValueAsString(payload), id);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload cannot be written: " + payload, e);
        }
    }

    /** As the services write payloads: ISO dates and times, exact numbers. */
    private static final ObjectMapper PAYLOADS = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
}
