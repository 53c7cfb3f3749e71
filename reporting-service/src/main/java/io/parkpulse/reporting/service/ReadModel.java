package io.parkpulse.reporting.service;

import io.parkpulse.common.consumer.EventConsumer;
import io.parkpulse.common.error.ProblemException;
import io.parkpulse.reporting.repository.ReadModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
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

    @Inject
    ReadModelRepository repository;

    @Inject
    EventConsumer consumer;

    @Inject
    ReportingMetrics metrics;

    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : ReadModelRepository.TABLES) {
            out.put(t, repository.count(t));
        }
        out.put("processed_event", repository.count("processed_event"));
        return out;
    }

    /** Clears the read model and replays every topic; returns once the replay has begun. */
    public void rebuild() {
        try {
            consumer.replayFromStart(repository::truncateAll).get(60, TimeUnit.SECONDS);
            metrics.rebuildStarted();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.conflict(
                    "rebuild_interrupted", "数据重建被中断，请稍后重试", "the rebuild was interrupted", null);
        } catch (ExecutionException | TimeoutException e) {
            throw ProblemException.conflict(
                    "rebuild_not_started",
                    "数据重建未能启动，请稍后重试" + (e.getMessage() == null ? "" : "（" + e.getMessage() + "）"),
                    "the rebuild could not start: " + e.getMessage(),
                    null);
        }
    }
}
