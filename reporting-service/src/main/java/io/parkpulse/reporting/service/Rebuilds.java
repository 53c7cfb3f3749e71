package io.parkpulse.reporting.service;

import io.parkpulse.common.consumer.ApplyGate;
import io.parkpulse.common.consumer.ConsumedEventRepository;
import io.parkpulse.common.consumer.EventConsumer;
import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.KafkaSettings;
import io.parkpulse.common.events.TopicNames;
import io.parkpulse.reporting.config.RebuildSettings;
import io.parkpulse.reporting.repository.ReadModelRepository;
import io.parkpulse.reporting.repository.RebuildRepository;
import io.parkpulse.reporting.repository.RebuildRepository.PartitionRow;
import io.parkpulse.reporting.repository.RebuildRepository.RebuildRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilding the read model as one operation of every instance on this database (docs/architecture.md, "Rebuilding
 * the read model"). The claim's transaction takes an exclusive advisory lock, inserts the one RUNNING row, and
 * empties the read model with the processed-event ids; every group consumer's record transaction takes the same
 * lock shared and is held while the latest rebuild is not DONE ({@link #admits()}). So a group transaction either
 * committed before the claim (its effect is emptied and replayed) or runs after the rebuild ended. The claiming
 * instance then reads every partition of every topic with a consumer of its own, from the start to the end
 * offsets captured after the claim, and applies each record as the group would. When it is DONE the group
 * consumers carry on from their committed offsets, which lie at or before those ends: the records in between
 * are already in processed_event and skipped, the ones after are new and applied once.
 */
@ApplicationScoped
public class Rebuilds implements ApplyGate {

    private static final Logger LOG = Logger.getLogger(Rebuilds.class);

    /** Seconds a client is asked to wait before reading again while the read model is rebuilt. */
    static final int RETRY_AFTER_SECONDS = 15;

    public static final String INSTANCE = instanceName();

    @Inject
    RebuildRepository repository;

    @Inject
    ReadModelRepository readModel;

    @Inject
    ConsumedEventRepository consumed;

    @Inject
    EventConsumer consumer;

    @Inject
    TopicNames topicNames;

    @Inject
    RebuildSettings settings;

    @Inject
    ReportingMetrics metrics;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "read-model-rebuild");
        t.setDaemon(true);
        return t;
    });

    private volatile boolean stopping;

    public record TopicProgress(String topic, long replayed, long total) {}

    public record Report(long applied, long duplicatesSkipped, long deadLettered, double durationSeconds) {}

    /** A rebuild as GET shows it; {@code report} counts so far while it runs. */
    public record Status(
            UUID id,
            String state,
            String instance,
            String requestedBy,
            UUID takesOver,
            OffsetDateTime startedAt,
            OffsetDateTime heartbeatAt,
            OffsetDateTime finishedAt,
            List<TopicProgress> topics,
            Report report,
            String error) {}

    void stop(@Observes ShutdownEvent ev) {
        stopping = true;
        worker.shutdownNow();
    }

    @Override
    public boolean admits() {
        repository.lockShared();
        return incomplete().isEmpty();
    }

    /** The latest rebuild when it left the read model not whole: RUNNING, or FAILED and not yet followed. */
    public Optional<RebuildRow> incomplete() {
        return repository.latest().filter(r -> !"DONE".equals(r.state()));
    }

    /** 503 with Retry-After while the read model is not whole, so nobody reads part of it for the whole. */
    public void refuseReadsWhileIncomplete() {
        Optional<RebuildRow> r = incomplete();
        if (r.isPresent()) {
            boolean running = "RUNNING".equals(r.get().state());
            throw ProblemException.unavailable(
                    running ? "read_model_rebuilding" : "read_model_incomplete",
                    running ? "数据重建中，请稍后再试" : "上次数据重建未完成，数据不完整，请管理员重新发起数据重建",
                    running
                            ? "the read model is being rebuilt; try again shortly"
                            : "the last rebuild of the read model did not finish and the data is incomplete; an"
                                    + " administrator must start a rebuild again",
                    RETRY_AFTER_SECONDS,
                    Map.of(
                            "rebuildId",
                            r.get().id().toString(),
                            "state",
                            r.get().state()));
        }
    }

    /**
     * Inside an assessment's transaction: 409 while the read model is not whole. Takes the lock shared, so a
     * rebuild cannot empty the read model under a run that has begun.
     */
    public void refuseRunWhileIncomplete() {
        repository.lockShared();
        Optional<RebuildRow> r = incomplete();
        if (r.isPresent()) {
            throw ProblemException.conflict(
                    "read_model_rebuilding",
                    "数据重建中，请在重建完成后再进行考核",
                    "the read model is being rebuilt (or its last rebuild failed); assess after it is whole again",
                    Map.of(
                            "rebuildId",
                            r.get().id().toString(),
                            "state",
                            r.get().state()));
        }
    }

    /** Claims the rebuild for this instance and starts it; 409 with the running one's status when one runs. */
    public Status start(String requestedBy) {
        Optional<UUID> abandoned =
                QuarkusTransaction.requiringNew().call(() -> repository.abandonExpired(settings.lease()));
        return claim(requestedBy, abandoned.orElse(null)).orElseThrow(() -> {
            Status running = repository
                    .latest()
                    .filter(r -> "RUNNING".equals(r.state()))
                    .map(this::status)
                    .orElse(null);
            return ProblemException.conflict(
                    "rebuild_running",
                    "数据重建正在进行中" + (running == null ? "" : "（由" + running.instance() + "执行）") + "，请等待其完成",
                    "a rebuild of the read model is already running"
                            + (running == null ? "" : " on " + running.instance()),
                    running);
        });
    }

    /**
     * Takes over a rebuild whose instance stopped renewing its lease (killed, cut off): marks it FAILED and starts
     * over here. Every instance checks; the unique RUNNING row lets one win.
     */
    @Scheduled(
            identity = "read-model-rebuild-lease",
            every = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void takeOverAbandoned() {
        Optional<UUID> abandoned =
                QuarkusTransaction.requiringNew().call(() -> repository.abandonExpired(settings.lease()));
        abandoned.ifPresent(id -> {
            LOG.warnf("rebuild %s lost its lease; starting it over on %s", id, INSTANCE);
            claim("takeover", id);
        });
    }

    private Optional<Status> claim(String requestedBy, UUID takesOver) {
        UUID id = UUID.randomUUID();
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> {
            repository.lockExclusive();
            if (!repository.claim(id, INSTANCE, requestedBy, takesOver)) {
                return false;
            }
            readModel.truncateAll();
            consumed.forgetProcessed();
            return true;
        });
        if (!claimed) {
            return Optional.empty();
        }
        LOG.infof("rebuild %s of the read model claimed by %s", id, INSTANCE);
        metrics.rebuildStarted();
        worker.submit(() -> run(id));
        return Optional.of(status(id).orElseThrow());
    }

    public Optional<Status> latest() {
        return repository.latest().map(this::status);
    }

    /** The last twenty rebuilds, newest first. */
    public List<Status> recent() {
        return repository.recent(20).stream().map(this::status).toList();
    }

    public Optional<Status> status(UUID id) {
        return repository.find(id).map(this::status);
    }

    private Status status(RebuildRow r) {
        Map<String, long[]> perTopic = new LinkedHashMap<>();
        for (PartitionRow p : repository.partitions(r.id())) {
            long[] t = perTopic.computeIfAbsent(p.topic(), k -> new long[2]);
            t[0] += p.position() - p.start();
            t[1] += p.end() - p.start();
        }
        List<TopicProgress> topics = perTopic.entrySet().stream()
                .map(e -> new TopicProgress(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
        boolean running = "RUNNING".equals(r.state());
        OffsetDateTime end = r.finishedAt() != null ? r.finishedAt() : OffsetDateTime.now();
        double seconds = Duration.between(r.startedAt(), end).toMillis() / 1000.0;
        long dead = running ? repository.deadLetteredSince(r.startedAt()) : r.deadLettered();
        return new Status(
                r.id(),
                r.state(),
                r.instance(),
                r.requestedBy(),
                r.takesOver(),
                r.startedAt(),
                r.heartbeatAt(),
                r.finishedAt(),
                topics,
                new Report(r.applied(), r.duplicates(), dead, seconds),
                r.error());
    }

    /** The rebuild itself, on its own thread of the claiming instance. */
    void run(UUID id) {
        long applied = 0;
        long duplicates = 0;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(ownConsumer())) {
            List<TopicPartition> all = new ArrayList<>();
            for (String topic : consumer.topics()) {
                List<PartitionInfo> parts = c.partitionsFor(topicNames.onBroker(topic));
                if (parts != null) {
                    parts.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            c.assign(all);
            // Captured after the claim committed: every record a group consumer applied before it lies below.
            Map<TopicPartition, Long> begin = c.beginningOffsets(all);
            Map<TopicPartition, Long> end = c.endOffsets(all);
            QuarkusTransaction.requiringNew().run(() -> {
                for (TopicPartition tp : all) {
                    repository.addPartition(
                            id,
                            new PartitionRow(
                                    topicNames.plain(tp.topic()),
                                    tp.partition(),
                                    begin.get(tp),
                                    end.get(tp),
                                    begin.get(tp)));
                }
            });
            c.seekToBeginning(all);
            Set<TopicPartition> done = new HashSet<>();
            Map<String, Integer> attempts = new HashMap<>();
            Instant lastRead = Instant.now();
            Instant lastBeat = Instant.now();
            while (!stopping) {
                for (TopicPartition tp : all) {
                    if (!done.contains(tp) && c.position(tp) >= end.get(tp)) {
                        done.add(tp);
                        c.pause(List.of(tp));
                    }
                }
                if (done.size() == all.size()) {
                    break;
                }
                ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                partitions:
                for (TopicPartition tp : records.partitions()) {
                    for (ConsumerRecord<String, String> r : records.records(tp)) {
                        if (r.offset() >= end.get(tp)) {
                            // Published after the capture: the group consumers apply it once the rebuild is DONE.
                            c.seek(tp, end.get(tp));
                            continue partitions;
                        }
                        EventConsumer.Outcome o = consumer.applyOutsideGroup(r, attempts);
                        if (o == EventConsumer.Outcome.RETRY) {
                            c.seek(tp, r.offset());
                            Thread.sleep(500);
                            continue partitions;
                        }
                        lastRead = Instant.now();
                        if (o == EventConsumer.Outcome.APPLIED) {
                            applied++;
                        } else if (o == EventConsumer.Outcome.DUPLICATE) {
                            duplicates++;
                        }
                    }
                }
                if (Duration.between(lastRead, Instant.now()).compareTo(settings.stallTimeout()) > 0) {
                    throw new IllegalStateException("nothing could be read or applied for "
                            + settings.stallTimeout().toSeconds() + " s (is the broker reachable?)");
                }
                if (Duration.between(lastBeat, Instant.now()).toMillis() >= 1000) {
                    lastBeat = Instant.now();
                    if (!beat(id, c, all, applied, duplicates)) {
                        LOG.warnf("rebuild %s is no longer this instance's (its lease expired); stopping", id);
                        return;
                    }
                }
            }
            if (stopping) {
                // Shutting down: the lease runs out and another instance starts over.
                return;
            }
            beat(id, c, all, applied, duplicates);
            long a = applied;
            long d = duplicates;
            boolean ended =
                    QuarkusTransaction.requiringNew().call(() -> repository.finish(id, INSTANCE, "DONE", a, d, null));
            LOG.infof("rebuild %s %s: %d events applied, %d duplicates skipped", id, ended ? "done" : "lost", a, d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (stopping) {
                // Interrupted by the shutdown: left RUNNING, so the lease runs out and another instance starts over.
                return;
            }
            LOG.errorf(e, "rebuild %s failed", id);
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            long a = applied;
            long d = duplicates;
            try {
                QuarkusTransaction.requiringNew()
                        .run(() -> repository.finish(
                                id,
                                INSTANCE,
                                "FAILED",
                                a,
                                d,
                                message.length() > 2000 ? message.substring(0, 2000) : message));
            } catch (RuntimeException again) {
                // The database is gone too: the lease runs out and the rebuild is marked abandoned.
                LOG.errorf("cannot record the failure of rebuild %s: %s", id, again.toString());
            }
        }
    }

    private boolean beat(
            UUID id, KafkaConsumer<String, String> c, List<TopicPartition> all, long applied, long duplicates) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (TopicPartition tp : all) {
            positions.put(tp, c.position(tp));
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!repository.heartbeat(id, INSTANCE, applied, duplicates)) {
                return false;
            }
            positions.forEach((tp, p) -> repository.position(id, topicNames.plain(tp.topic()), tp.partition(), p));
            return true;
        });
    }

    /** Reads partitions it assigns itself: no group, so no rebalance with the group consumers and no commits. */
    private Properties ownConsumer() {
        Properties p = KafkaSettings.consumer(bootstrap, "unused", serviceName + "-rebuild");
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return p;
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
