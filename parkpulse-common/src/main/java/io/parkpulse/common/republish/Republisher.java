package io.parkpulse.common.republish;

import io.parkpulse.common.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Publishes the current state of everything a service owns again, as the events it publishes on every change,
 * so a read model can be rebuilt when Kafka's history is lost (docs/operations.md, "Kafka history lost"). Each
 * page of {@link #PAGE_SIZE} rows is one transaction writing its events to the outbox: the relay sends them in
 * order, and no transaction holds a whole table. Consumers keep the newest version they have seen, so the
 * events are harmless to whoever has them already: running it twice publishes twice and changes nothing.
 *
 * <p>It runs in the background, one run at a time per instance: a registry of national size is millions of rows,
 * longer than any HTTP request should wait. The run's progress is kept for the operator to watch.
 */
@ApplicationScoped
public class Republisher {

    private static final Logger LOG = Logger.getLogger(Republisher.class);

    public static final int PAGE_SIZE = 500;

    @Inject
    Instance<SnapshotSource> sources;

    @Inject
    Outbox outbox;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "republish");
        t.setDaemon(true);
        return t;
    });

    private final AtomicReference<Run> current = new AtomicReference<>();

    public enum State {
        IDLE,
        RUNNING,
        DONE,
        FAILED
    }

    /**
     * The latest run: rows read per kind of state and events written to the outbox per event type so far. IDLE
     * when none ran since start.
     */
    public record Progress(
            State state,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt,
            Map<String, Long> rows,
            Map<String, Long> events,
            String error) {}

    private static final class Run {
        final OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        final Map<String, Long> rows = new ConcurrentHashMap<>();
        final Map<String, Long> events = new ConcurrentHashMap<>();
        volatile State state = State.RUNNING;
        volatile OffsetDateTime finishedAt;
        volatile String error;

        Progress progress() {
            return new Progress(state, startedAt, finishedAt, new TreeMap<>(rows), new TreeMap<>(events), error);
        }
    }

    /** Starts a run unless one is running; either way answers the running one. */
    public Progress start() {
        Run run = new Run();
        Run before = current.get();
        if (before != null && before.state == State.RUNNING) {
            return before.progress();
        }
        if (!current.compareAndSet(before, run)) {
            return current.get().progress();
        }
        worker.submit(() -> run(run));
        return run.progress();
    }

    public Progress progress() {
        Run run = current.get();
        return run == null ? new Progress(State.IDLE, null, null, Map.of(), Map.of(), null) : run.progress();
    }

    /** Publishes everything now, on the caller's thread (tests, and the background run). */
    public Progress republishNow() {
        Run run = new Run();
        run(run);
        return run.progress();
    }

    private void run(Run run) {
        try {
            List<SnapshotSource> ordered = sources.stream()
                    .sorted(Comparator.comparing(SnapshotSource::name))
                    .toList();
            for (SnapshotSource source : ordered) {
                run.rows.put(source.name(), 0L);
                for (int page = 0; ; page++) {
                    int p = page;
                    SnapshotSource.Snapshot s = QuarkusTransaction.requiringNew()
                            .call(() -> {
                                SnapshotSource.Snapshot snapshot = source.page(p, PAGE_SIZE);
                                if (!snapshot.events().isEmpty()) {
                                    outbox.publishAll(snapshot.events());
                                }
                                return snapshot;
                            });
                    run.rows.merge(source.name(), (long) s.rows(), Long::sum);
                    s.events().forEach(e -> run.events.merge(e.type(), 1L, Long::sum));
                    if (s.rows() < PAGE_SIZE) {
                        break;
                    }
                }
                LOG.infof("re-published %d %s", run.rows.get(source.name()), source.name());
            }
            run.state = State.DONE;
        } catch (RuntimeException e) {
            LOG.error("re-publishing stopped", e);
            run.error = e.getClass().getSimpleName() + ": " + e.getMessage();
            run.state = State.FAILED;
        } finally {
            run.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        worker.shutdownNow();
    }
}
