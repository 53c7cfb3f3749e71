package io.parkpulse.common.deadletters;

import io.parkpulse.common.consumer.EventApplier;
import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.events.CloudEventHeaders;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.TopicNames;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.paging.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Dead letters as an operator's work items: look at them, re-process them once the cause is fixed, or discard
 * them with a reason (kept as the audit).
 *
 * <p>Re-processing runs the stored record through {@link EventApplier}, the consumer's own path: the same
 * handlers, in one transaction with the processed-event mark, so a record the consumer applied meanwhile is not
 * applied twice. It may run while the consumer applies the same park's later events: every handler keeps the
 * newest version it has seen (a version or revision compared in the upsert, a stage history keyed by version, a
 * park replaced only by a newer version, a month locked once, a landed lead made a project once), so an older
 * state applied late changes nothing a newer one set, and the consumer need not pause.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    /** The longest reason an operator writes for a discard. */
    public static final int MAX_REASON = 500;

    /** How many dead letters one pass of "re-process all" reads at a time. */
    static final int BATCH = 100;

    @Inject
    DeadLetterRepository repository;

    @Inject
    EventApplier applier;

    @Inject
    TopicNames topicNames;

    /** One dead letter as the API shows it; {@code topic} without the deployment's prefix. */
    public record View(
            long id,
            String topic,
            int partition,
            long offset,
            String key,
            String eventId,
            String eventType,
            String error,
            OffsetDateTime firstAttemptAt,
            OffsetDateTime lastAttemptAt,
            int attempts,
            DeadLetterStatus status,
            OffsetDateTime resolvedAt,
            String resolvedBy,
            String discardReason,
            Map<String, String> headers,
            String payload) {}

    /**
     * What a re-processing did: {@code APPLIED}, {@code ALREADY_APPLIED} (the consumer or an earlier attempt had
     * applied the event; nothing was applied again) or {@code ALREADY_REPROCESSED} (nothing to do).
     */
    public record Outcome(String outcome, View deadLetter) {}

    /** A pass over the open dead letters: how many were resolved, and which are still open. */
    public record Summary(int succeeded, int failed, List<Long> stillOpen) {}

    @Transactional
    public Page<View> list(DeadLetterStatus status, String topic, int page, int size) {
        String onBroker = topic == null ? null : topicNames.onBroker(known(topic));
        return Page.of(
                repository.page(status, onBroker, page, size).stream()
                        .map(this::view)
                        .toList(),
                page,
                size,
                repository.count(status, onBroker));
    }

    @Transactional
    public View get(long id) {
        return view(repository.find(id).orElseThrow(() -> notFound(id)));
    }

    /** How many records went to the dead letters since the instant (a rebuild's report: "N events dead-lettered"). */
    @Transactional
    public long countSince(Instant since) {
        return repository.countSince(since);
    }

    @Transactional
    public List<View> listSince(Instant since, int limit) {
        return repository.listSince(since, limit).stream().map(this::view).toList();
    }

    /**
     * Applies the stored record as the consumer would have. If it still fails, the dead letter stays open with
     * the new error and one more attempt, and the caller gets a 422 saying why.
     */
    public Outcome reprocess(long id, String by) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                DeadLetterRepository.Row row = repository.lock(id).orElseThrow(() -> notFound(id));
                if (row.status() == DeadLetterStatus.REPROCESSED) {
                    return new Outcome("ALREADY_REPROCESSED", view(row));
                }
                if (row.status() == DeadLetterStatus.DISCARDED) {
                    throw ProblemException.conflict(
                            "dead_letter_discarded",
                            "死信" + id + "已作废，不能再重新处理",
                            "dead letter " + id + " was discarded and cannot be re-processed",
                            Map.of("id", id));
                }
                if (row.eventId() == null || row.payload() == null) {
                    throw new ProblemException(
                            422,
                            "dead_letter_not_reprocessable",
                            "死信" + id + "没有可读的事件信封或内容，无法重新处理，只能说明原因后作废",
                            "dead letter " + id + " has no readable event envelope or payload: it cannot be"
                                    + " re-processed, only discarded with a reason",
                            List.of(),
                            Map.of("id", id));
                }
                boolean applied = applier.apply(topicNames.plain(row.topic()), event(row));
                repository.markReprocessed(id, by);
                return new Outcome(
                        applied ? "APPLIED" : "ALREADY_APPLIED",
                        view(repository.find(id).orElseThrow()));
            });
        } catch (RuntimeException e) {
            ProblemException problem = problem(e);
            if (problem != null) {
                throw problem;
            }
            String reason = truncate(EventApplier.describe(e), 1000);
            QuarkusTransaction.requiringNew().run(() -> repository.failedAgain(id, reason));
            LOG.warnf("dead letter %d still fails: %s", id, reason);
            throw new ProblemException(
                    422,
                    "reprocess_failed",
                    "死信" + id + "重新处理仍然失败，保持待处理：" + reason,
                    "dead letter " + id + " failed again and stays open: " + reason,
                    List.of(),
                    Map.of("id", id, "error", reason));
        }
    }

    /** Re-processes every open dead letter (of one topic, or all), oldest first, each in its own transaction. */
    public Summary reprocessAll(String topic, String by) {
        String onBroker = topic == null ? null : topicNames.onBroker(known(topic));
        int succeeded = 0;
        int failed = 0;
        List<Long> stillOpen = new ArrayList<>();
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> repository.openIds(onBroker, from, BATCH));
            if (ids.isEmpty()) {
                return new Summary(succeeded, failed, stillOpen);
            }
            for (long id : ids) {
                try {
                    reprocess(id, by);
                    succeeded++;
                } catch (ProblemException e) {
                    failed++;
                    if (stillOpen.size() < BATCH) {
                        stillOpen.add(id);
                    }
                }
            }
            after = ids.get(ids.size() - 1);
        }
    }

    /** Gives the dead letter up, with who, when and why kept on its row (which is never deleted). */
    @Transactional
    public View discard(long id, String by, String reason) {
        DeadLetterRepository.Row row = repository.lock(id).orElseThrow(() -> notFound(id));
        if (row.status() != DeadLetterStatus.OPEN) {
            throw ProblemException.conflict(
                    "dead_letter_resolved",
                    "死信" + id + "已" + (row.status() == DeadLetterStatus.DISCARDED ? "作废" : "重新处理") + "，不能再作废",
                    "dead letter " + id + " is already " + row.status().name().toLowerCase()
                            + " and cannot be discarded",
                    Map.of("id", id, "status", row.status().name()));
        }
        repository.discard(id, by, reason.strip());
        return view(repository.find(id).orElseThrow());
    }

    /** The record as the consumer read it, so the envelope is checked exactly as the first time. */
    private static Event event(DeadLetterRepository.Row row) {
        ConsumerRecord<String, String> r =
                new ConsumerRecord<>(row.topic(), row.partition(), row.offset(), row.key(), row.payload());
        row.headers().forEach((k, v) -> CloudEventHeaders.put(r.headers(), k, v));
        return CloudEventHeaders.fromRecord(r);
    }

    private static String known(String topic) {
        if (!Topics.ALL.contains(topic)) {
            throw ProblemException.badRequest(
                    "topic",
                    "invalid_topic",
                    "主题应为以下之一：" + String.join("、", Topics.ALL),
                    "topic is one of " + String.join(", ", Topics.ALL));
        }
        return topic;
    }

    private View view(DeadLetterRepository.Row r) {
        return new View(
                r.id(),
                topicNames.plain(r.topic()),
                r.partition(),
                r.offset(),
                r.key(),
                r.eventId(),
                r.eventType(),
                r.reason(),
                r.firstAttemptAt(),
                r.lastAttemptAt(),
                r.attempts(),
                r.status(),
                r.resolvedAt(),
                r.resolvedBy(),
                r.discardReason(),
                r.headers(),
                r.payload());
    }

    private static ProblemException notFound(long id) {
        return ProblemException.notFound("死信", "dead letter", String.valueOf(id));
    }

    private static ProblemException problem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemException p) {
                return p;
            }
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
