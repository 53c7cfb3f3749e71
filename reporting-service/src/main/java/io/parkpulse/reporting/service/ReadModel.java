package io.parkpulse.reporting.service;

import io.parkpulse.reporting.repository.ReadModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read model is only ever built from events, so it can be dropped and rebuilt by replaying every topic from
 * the start ({@link Rebuilds}). Assessment results are not part of it: they are the record of what was published
 * and stay as they are.
 */
@ApplicationScoped
public class ReadModel {

    @Inject
    ReadModelRepository repository;

    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String t : ReadModelRepository.TABLES) {
            out.put(t, repository.count(t));
        }
        out.put("processed_event", repository.count("processed_event"));
        return out;
    }
}
