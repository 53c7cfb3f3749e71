package io.parkpulse.reporting.service;

import io.parkpulse.common.consumer.EventConsumer;
import io.parkpulse.common.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The read model is only ever built from events, so it can be dropped and rebuilt by replaying every
 * topic from the start. Assessment results are not part of it: they are the record of what was
 * published and stay as they are.
 */
@ApplicationScoped
public class ReadModel {

    static final List<String> TABLES = List.of(
            "indicator_fact", "target_fact", "project_fact", "lead_fact", "funds_fact", "problem_fact", "park_replica");

    @Inject
    EntityManager em;

    @Inject
    EventConsumer consumer;

    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : TABLES) {
            out.put(
                    t,
                    ((Number) em.createNativeQuery("select count(*) from " + t).getSingleResult()).longValue());
        }
        out.put(
                "processed_event",
                ((Number) em.createNativeQuery("select count(*) from processed_event")
                                .getSingleResult())
                        .longValue());
        return out;
    }

    /** Clears the read model and replays every topic; returns once the replay has begun. */
    public void rebuild() {
        try {
            consumer.replayFromStart(() -> em.createNativeQuery("truncate " + String.join(", ", TABLES))
                            .executeUpdate())
                    .get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.conflict("rebuild_interrupted", "the rebuild was interrupted", null);
        } catch (ExecutionException | TimeoutException e) {
            throw ProblemException.conflict(
                    "rebuild_not_started", "the rebuild could not start: " + e.getMessage(), null);
        }
    }
}
