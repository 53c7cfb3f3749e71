package io.parkpulse.common.consumer;

import io.parkpulse.common.config.ConsumerSettings;
import io.parkpulse.common.deadletters.DeadLetterRepository;
import io.parkpulse.common.events.CloudEventHeaders;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.KafkaSettings;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.TopicConfigurationException;
import io.parkpulse.common.events.TopicGuard;
import io.parkpulse.common.events.TopicNames;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.metrics.ConsumerMetrics;
import io.parkpulse.common.repository.DatabaseOutage;
import io.parkpulse.common.tracing.EventTracing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one consumer loop of a service. For each record, in one transaction: record the event id in
 * {@code processed_event} (a redelivered event stops there) and let the topic's handlers apply it.
 * Offsets are committed only after that transaction. A record that can never be processed goes to
 * {@code <topic>.dlq} with the reason in headers; a transient failure (database down) is retried
 * from the same offset, so one park's events are never applied out of order.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    Instance<EventHandler> handlers;

    @Inject
    ConsumedEventRepository consumed;

    @Inject
    EventApplier applier;

    @Inject
    DeadLetterRepository deadLetters;

    @Inject
    TopicNames topicNames;

    @Inject
    TopicGuard topicGuard;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @Inject
    ConsumerSettings settings;

    @Inject
    EventTracing tracing;

    @Inject
    ConsumerMetrics metrics;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile KafkaConsumer<String, String> consumer;

    @Inject
    Instance<ApplyGate> gates;

    /** What became of one record. */
    public enum Outcome {
        APPLIED,
        DUPLICATE,
        DEAD_LETTERED,
        /** Not finished with: read it again from the same offset. */
        RETRY
    }

    /** Thrown inside a record's transaction when a gate holds the group consumer; rolls the mark back. */
    private static final class Held extends RuntimeException {
        Held() {
            super("held by an apply gate", null, false, false);
        }
    }

    private KafkaProducer<String, String> dlqProducer;
    private final Map<String, Integer> attempts = new HashMap<>();
    /** Tries of a record that failed because the database was unreachable: they pace the retries, never end them. */
    // Concurrent: a rebuild applies records from its own thread through the same path.
    private final Map<String, Integer> outageWaits = new java.util.concurrent.ConcurrentHashMap<>();

    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    void start(@Observes StartupEvent ev) {
        if (!settings.enabled() || topics().isEmpty()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "event-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (dlqProducer != null) {
            dlqProducer.close(Duration.ofSeconds(2));
        }
    }

    public List<String> topics() {
        return handlers.stream().map(EventHandler::topic).distinct().sorted().toList();
    }

    private void loop() {
        while (running) {
            try {
                topicGuard.ensure();
                break;
            } catch (TopicConfigurationException e) {
                // Found only now because the broker was away at start. Ending the thread takes liveness
                // DOWN, so the service is restarted and then refuses to start with this message.
                LOG.error(e.getMessage());
                return;
            } catch (Exception e) {
                LOG.debugf("waiting for Kafka to check topics: %s", e.toString());
                sleep(1000);
            }
        }
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerProps())) {
            consumer = c;
            c.subscribe(topicNames.onBroker(topics()));
            while (running) {
                holdWhileGated(c);
                ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                metrics.polled(c);
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                partitions:
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<String, String> r : records.records(tp)) {
                        if (!process(r)) {
                            // Retry this record first; the other partitions' records are polled again too.
                            c.seek(tp, r.offset());
                            for (TopicPartition other : records.partitions()) {
                                if (!other.equals(tp) && !done.containsKey(other)) {
                                    c.seek(other, records.records(other).get(0).offset());
                                }
                            }
                            commit(c, done);
                            sleep(Math.min(500L * attemptsOf(r), 5000));
                            break partitions;
                        }
                        done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                    }
                }
                commit(c, done);
            }
        } catch (WakeupException e) {
            // shutdown
        } catch (Exception e) {
            LOG.error("event consumer stopped", e);
        } finally {
            consumer = null;
        }
    }

    /**
     * While a gate is closed the assignment is paused and polls only keep the group membership; the
     * authoritative check is the one inside each record's transaction ({@link ApplyGate}).
     */
    private void holdWhileGated(KafkaConsumer<String, String> c) {
        boolean open = gatesAdmit();
        if (!open && c.paused().size() < c.assignment().size()) {
            c.pause(c.assignment());
        } else if (open && !c.paused().isEmpty()) {
            c.resume(c.paused());
        }
    }

    private boolean gatesAdmit() {
        if (gates.isUnsatisfied()) {
            return true;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> gates.stream().allMatch(ApplyGate::admits));
        } catch (RuntimeException e) {
            // The database is away: the record's own transaction will find out and retry.
            return true;
        }
    }

    private void commit(KafkaConsumer<String, String> c, Map<TopicPartition, OffsetAndMetadata> done) {
        if (!done.isEmpty()) {
            c.commitSync(done);
            done.clear();
        }
    }

    /** Returns true when the record is finished with (applied, duplicate or dead-lettered). */
    boolean process(ConsumerRecord<String, String> r) {
        return handle(r, true, attempts) != Outcome.RETRY;
    }

    /**
     * Applies a record read outside the group (a rebuild reading every partition with a consumer of its own),
     * exactly as the loop does — processed-event mark, handlers, dead-lettering — but not held by the gates,
     * with the caller's own attempt counts. Safe beside the loop: each record is its own transaction.
     */
    public Outcome applyOutsideGroup(ConsumerRecord<String, String> r, Map<String, Integer> attemptsOfCaller) {
        return handle(r, false, attemptsOfCaller);
    }

    private Outcome handle(ConsumerRecord<String, String> r, boolean gated, Map<String, Integer> attempts) {
        String key = r.topic() + "/" + r.partition() + "/" + r.offset();
        Event event;
        try {
            event = CloudEventHeaders.fromRecord(r);
        } catch (MalformedEventException e) {
            return deadLettered(deadLetter(r, null, e.getMessage()));
        }
        try (EventTracing.Handling handling = tracing.handling(r, event)) {
            return handle(r, key, event, gated, attempts);
        }
    }

    private Outcome handle(
            ConsumerRecord<String, String> r, String key, Event event, boolean gated, Map<String, Integer> attempts) {
        try {
            boolean applied =
                    QuarkusTransaction.requiringNew().call(() -> apply(topicNames.plain(r.topic()), event, gated));
            if (applied) {
                processed.incrementAndGet();
            } else {
                duplicates.incrementAndGet();
            }
            metrics.consumed(r, event, applied ? ConsumerMetrics.Outcome.PROCESSED : ConsumerMetrics.Outcome.DUPLICATE);
            attempts.remove(key);
            outageWaits.remove(key);
            return applied ? Outcome.APPLIED : Outcome.DUPLICATE;
        } catch (Exception e) {
            if (causedBy(e, Held.class)) {
                return Outcome.RETRY;
            }
            if (EventApplier.isPoison(e)) {
                return deadLettered(deadLetter(r, event, EventApplier.describe(e)));
            }
            if (DatabaseOutage.causedBy(e)) {
                // Our own database is down: the event is good and must wait, however long the outage lasts.
                // Counting these tries towards maxAttempts dead-lettered every event that arrived during an
                // outage of more than a few seconds (FaultInjectionIT stops the database for 20 s).
                if (outageWaits.merge(key, 1, Integer::sum) == 1) {
                    LOG.warnf("event %s waits for the database: %s", event.id(), EventApplier.describe(e));
                }
                return Outcome.RETRY;
            }
            int n = attempts.merge(key, 1, Integer::sum);
            if (n >= settings.maxAttempts()) {
                LOG.errorf(e, "event %s failed %d times; dead-lettering it", event.id(), n);
                attempts.remove(key);
                return deadLettered(deadLetter(r, event, "failed " + n + " times: " + EventApplier.describe(e)));
            }
            LOG.warnf(
                    "event %s failed (attempt %d of %d), will retry: %s",
                    event.id(), n, settings.maxAttempts(), e.toString());
            return Outcome.RETRY;
        }
    }

    private static Outcome deadLettered(boolean done) {
        return done ? Outcome.DEAD_LETTERED : Outcome.RETRY;
    }

    /** Held while a gate is shut (a rebuild elsewhere), checked inside the record's own transaction. */
    private boolean apply(String topic, Event event, boolean gated) throws Exception {
        if (gated && !gates.stream().allMatch(ApplyGate::admits)) {
            throw new Held();
        }
        return applier.apply(topic, event);
    }

    private boolean deadLetter(ConsumerRecord<String, String> r, Event event, String reason) {
        try {
            ProducerRecord<String, String> out = new ProducerRecord<>(
                    topicNames.onBroker(Topics.deadLetter(topicNames.plain(r.topic()))), r.key(), r.value());
            r.headers().forEach(h -> out.headers().add(h));
            String shortReason =
                    reason == null ? "unknown" : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
            CloudEventHeaders.put(out.headers(), "parkpulse_dlq_reason", shortReason);
            CloudEventHeaders.put(out.headers(), "parkpulse_dlq_consumer", serviceName);
            CloudEventHeaders.put(
                    out.headers(), "parkpulse_dlq_source", r.topic() + "/" + r.partition() + "/" + r.offset());
            dlq().send(out).get(20, TimeUnit.SECONDS);
            QuarkusTransaction.requiringNew().run(() -> deadLetters.record(failure(r, event, shortReason)));
            deadLettered.incrementAndGet();
            metrics.consumed(r, event, ConsumerMetrics.Outcome.DEAD_LETTERED);
            LOG.errorf("dead-lettered %s/%d/%d: %s", r.topic(), r.partition(), r.offset(), shortReason);
            return true;
        } catch (Exception e) {
            LOG.warnf("cannot dead-letter %s/%d/%d yet: %s", r.topic(), r.partition(), r.offset(), e.toString());
            return false;
        }
    }

    /** What re-processing needs later without Kafka: the record's key, headers and value as they came. */
    private static DeadLetterRepository.Failure failure(ConsumerRecord<String, String> r, Event event, String reason) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        r.headers().forEach(h -> headers.put(h.key(), CloudEventHeaders.get(r.headers(), h.key())));
        return new DeadLetterRepository.Failure(
                event == null ? null : event.id().toString(),
                event == null ? CloudEventHeaders.get(r.headers(), CloudEventHeaders.TYPE) : event.type(),
                r.topic(),
                r.partition(),
                r.offset(),
                r.key(),
                headers,
                r.value(),
                reason);
    }

    private synchronized KafkaProducer<String, String> dlq() {
        if (dlqProducer == null) {
            dlqProducer = new KafkaProducer<>(KafkaSettings.producer(bootstrap, serviceName + "-dlq"));
        }
        return dlqProducer;
    }

    private Properties consumerProps() {
        return KafkaSettings.consumer(
                bootstrap,
                topicNames.prefix() + settings.group().filter(g -> !g.isBlank()).orElse(serviceName),
                serviceName + "-consumer");
    }

    private int attemptsOf(ConsumerRecord<String, String> r) {
        String key = r.topic() + "/" + r.partition() + "/" + r.offset();
        return Math.max(attempts.getOrDefault(key, 1), outageWaits.getOrDefault(key, 1));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return !settings.enabled() || topics().isEmpty() || (thread != null && thread.isAlive());
    }

    public long processedCount() {
        return processed.get();
    }

    public long duplicateCount() {
        return duplicates.get();
    }

    public long deadLetteredCount() {
        return deadLettered.get();
    }
}
