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
    private final java.util.concurrent.atomic.AtomicReference<Replay> replay =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** A request to clear what the handlers built and read every topic again from its start. */
    private record Replay(Runnable clear, java.util.concurrent.CompletableFuture<Void> done) {}

    private KafkaProducer<String, String> dlqProducer;
    private final Map<String, Integer> attempts = new HashMap<>();
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
                Replay pending = replay.getAndSet(null);
                if (pending != null) {
                    rewind(c, pending);
                }
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
     * Clears what the handlers built and replays every topic from its start. Runs on the consumer's own
     * thread between polls, so no record is being applied meanwhile; the processed-event ids go with the
     * cleared state, or the replay would skip everything as duplicates. Rewinds the partitions this
     * instance is assigned: run it with one instance of the service.
     */
    public java.util.concurrent.CompletableFuture<Void> replayFromStart(Runnable clear) {
        Replay r = new Replay(clear, new java.util.concurrent.CompletableFuture<>());
        if (!replay.compareAndSet(null, r)) {
            return java.util.concurrent.CompletableFuture.failedFuture(
                    new IllegalStateException("a replay is already pending"));
        }
        return r.done();
    }

    private void rewind(KafkaConsumer<String, String> c, Replay r) {
        if (c.assignment().isEmpty()) {
            // Not yet part of the group: ask again after the next poll has brought the partitions.
            replay.compareAndSet(null, r);
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                r.clear().run();
                consumed.forgetProcessed();
            });
            c.seekToBeginning(c.assignment());
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (TopicPartition tp : c.assignment()) {
                start.put(tp, new OffsetAndMetadata(c.position(tp)));
            }
            commit(c, start);
            LOG.infof("replaying %s from the start", c.assignment());
            r.done().complete(null);
        } catch (RuntimeException e) {
            r.done().completeExceptionally(e);
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
        String key = r.topic() + "/" + r.partition() + "/" + r.offset();
        Event event;
        try {
            event = CloudEventHeaders.fromRecord(r);
        } catch (MalformedEventException e) {
            return deadLetter(r, null, e.getMessage());
        }
        try (EventTracing.Handling handling = tracing.handling(r, event)) {
            return process(r, key, event);
        }
    }

    private boolean process(ConsumerRecord<String, String> r, String key, Event event) {
        try {
            boolean applied =
                    QuarkusTransaction.requiringNew().call(() -> applier.apply(topicNames.plain(r.topic()), event));
            if (applied) {
                processed.incrementAndGet();
            } else {
                duplicates.incrementAndGet();
            }
            metrics.consumed(r, event, applied ? ConsumerMetrics.Outcome.PROCESSED : ConsumerMetrics.Outcome.DUPLICATE);
            attempts.remove(key);
            return true;
        } catch (Exception e) {
            if (EventApplier.isPoison(e)) {
                return deadLetter(r, event, EventApplier.describe(e));
            }
            int n = attempts.merge(key, 1, Integer::sum);
            if (n >= settings.maxAttempts()) {
                LOG.errorf(e, "event %s failed %d times; dead-lettering it", event.id(), n);
                attempts.remove(key);
                return deadLetter(r, event, "failed " + n + " times: " + EventApplier.describe(e));
            }
            LOG.warnf(
                    "event %s failed (attempt %d of %d), will retry: %s",
                    event.id(), n, settings.maxAttempts(), e.toString());
            return false;
        }
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
        return attempts.getOrDefault(r.topic() + "/" + r.partition() + "/" + r.offset(), 1);
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
