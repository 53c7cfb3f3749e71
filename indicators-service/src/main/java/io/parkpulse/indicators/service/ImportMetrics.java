package io.parkpulse.indicators.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/**
 * Rows of monthly batches by how they were sent (source API: a JSON batch, FILE: an uploaded CSV/XLSX) and what
 * became of them. A rising share of rejected rows from FILE usually means a park uses an old template.
 */
@Startup
@ApplicationScoped
public class ImportMetrics {

    /** The sources a batch is recorded with; another source is counted as "other". */
    static final List<String> SOURCES = List.of("API", "FILE");

    static final List<String> OUTCOMES = List.of("imported", "updated", "unchanged", "rejected", "not_stored");

    @Inject
    MeterRegistry registry;

    @PostConstruct
    void register() {
        for (String source : SOURCES) {
            for (String outcome : OUTCOMES) {
                counter(source, outcome);
            }
        }
    }

    /**
     * After a batch was checked, dry runs excluded. {@code stored} false: the batch was refused as a whole
     * (atomic, or every row rejected), so its accepted rows count as not_stored.
     */
    void batch(String source, boolean stored, int imported, int updated, int unchanged, int rejected) {
        String s = SOURCES.contains(source) ? source : "other";
        if (stored) {
            counter(s, "imported").increment(imported);
            counter(s, "updated").increment(updated);
            counter(s, "unchanged").increment(unchanged);
        } else {
            counter(s, "not_stored").increment(imported + updated + unchanged);
        }
        counter(s, "rejected").increment(rejected);
    }

    private Counter counter(String source, String outcome) {
        return Counter.builder("parkpulse.import.rows")
                .description("Rows of monthly batches by source (API, FILE) and outcome")
                .tags("source", source.toLowerCase(Locale.ROOT), "outcome", outcome)
                .register(registry);
    }
}
