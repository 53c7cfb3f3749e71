package io.parkpulse.common.outbox;

import io.parkpulse.common.config.OutboxSettings;
import io.parkpulse.common.events.CloudEventHeaders;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.KafkaSettings;
import io.parkpulse.common.events.TopicConfigurationException;
import io.parkpulse.common.events.TopicGuard;
import io.parkpulse.common.events.TopicNames;
import io.parkpulse.common.metrics.OutboxMetrics;
import io.parkpulse.common.outbox.OutboxRepository.PendingEvent;
import io.parkpulse.common.tracing.EventTracing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in commit order and deletes a row only after the broker acknowledged it
 * (acks=all). While Kafka is down rows wait and the API keeps accepting writes; a row sent but not
 * deleted (a crash between the two) is sent again, which consumers absorb by event id.
 * <p>
 * A transaction-scoped advisory lock makes one instance the relay at a time, so several replicas of
 * a service never interleave and reorder one park's events.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK_KEY = 0x5061726b50756c73L; // "ParkPuls"

    @Inject
    TopicNames topicNames;

    @Inject
    TopicGuard topicGuard;

    @Inject
    OutboxRepository repository;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @Inject
    OutboxSettings settings;

    @Inject
    OutboxMetrics metrics;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile KafkaProducer<String, String> producer;
    private final AtomicLong sentTotal = new AtomicLong();
    private final Semaphore wakeups = new Semaphore(0);
    private volatile String lastError;

    void start(@Observes StartupEvent ev) {
        if (!settings.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ev) {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
    }

    private void loop() {
        long backoffMs = 0;
        while (running) {
            try {
                topicGuard.ensure();
                // What committed before this point is in the batch read next; a wake-up after it is kept.
                wakeups.drainPermits();
                int sent = relayOnce();
                backoffMs = 0;
                lastError = null;
                if (sent == 0) {
                    wakeups.tryAcquire(settings.interval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (TopicConfigurationException e) {
                // Found only now because the broker was away at start. Ending the thread takes liveness
                // DOWN, so the service is restarted and then refuses to start with this message; the rows wait.
                lastError = e.getMessage();
                LOG.error(e.getMessage());
                return;
            } catch (Exception e) {
                // The broker or the database is unavailable: keep the rows, back off, try again.
                lastError = e.toString();
                metrics.publishFailed();
                if (backoffMs == 0) {
                    LOG.warnf("outbox relay paused: %s", e.toString());
                }
                closeProducer();
                backoffMs = Math.min(Math.max(backoffMs * 2, 500), 5000);
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Sends one batch; returns how many rows were acknowledged and deleted. */
    int relayOnce() {
        Batch batch = QuarkusTransaction.requiringNew()
                .timeout(60)
                .call(() ->
                        repository.underRelayLock(ADVISORY_LOCK_KEY, this::send).orElse(new Batch(0, null)));
        sentTotal.addAndGet(batch.sent);
        metrics.published(batch.sent);
        if (batch.failure != null) {
            throw new IllegalStateException("broker did not acknowledge: " + batch.failure.getMessage(), batch.failure);
        }
        return batch.sent;
    }

    private Batch send(OutboxRepository.LockedOutbox outbox) {
        List<PendingEvent> rows = outbox.pending(settings.batchSize());
        if (rows.isEmpty()) {
            return new Batch(0, null);
        }
        KafkaProducer<String, String> p = producer();
        List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
        for (PendingEvent r : rows) {
            Event e = new Event(r.id(), "/parkpulse/" + serviceName, r.type(), r.key(), r.occurredAt(), r.payload());
            ProducerRecord<String, String> record = CloudEventHeaders.toRecord(topicNames.onBroker(r.topic()), e);
            EventTracing.handOn(record, r.traceparent(), r.tracestate());
            futures.add(p.send(record));
        }
        p.flush();
        List<Long> acked = new ArrayList<>(rows.size());
        Exception failure = null;
        for (int i = 0; i < rows.size(); i++) {
            try {
                futures.get(i).get(20, TimeUnit.SECONDS);
                acked.add(rows.get(i).seq());
            } catch (Exception e) {
                // Later rows stay pending: they are retried in order after this one.
                failure = e;
                break;
            }
        }
        outbox.delete(acked);
        return new Batch(acked.size(), failure);
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            p = new KafkaProducer<>(KafkaSettings.producer(bootstrap, serviceName + "-outbox"));
            producer = p;
        }
        return p;
    }

    private void closeProducer() {
        KafkaProducer<String, String> p = producer;
        producer = null;
        if (p != null) {
            try {
                p.close(Duration.ofSeconds(2));
            } catch (Exception ignored) {
                // closing a producer whose broker is gone can only fail; nothing to keep
            }
        }
    }

    /** A transaction that wrote outbox rows committed: look now rather than after the interval. */
    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    public boolean isAlive() {
        return !settings.enabled() || (thread != null && thread.isAlive());
    }

    public long sentTotal() {
        return sentTotal.get();
    }

    public String lastError() {
        return lastError;
    }

    /** Rows waiting to be sent and the age of the oldest, for health and metrics. */
    public OutboxRepository.Backlog backlog() {
        return repository.backlog();
    }

    private record Batch(int sent, Exception failure) {}
}
