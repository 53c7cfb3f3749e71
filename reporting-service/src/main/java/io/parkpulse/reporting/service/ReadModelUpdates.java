package io.parkpulse.reporting.service;

import io.parkpulse.common.events.payload.FundsReported;
import io.parkpulse.common.events.payload.IndicatorValueRecorded;
import io.parkpulse.common.events.payload.LeadState;
import io.parkpulse.common.events.payload.NarrativeReportState;
import io.parkpulse.common.events.payload.ProjectProblem;
import io.parkpulse.common.events.payload.ProjectProgress;
import io.parkpulse.common.events.payload.ProjectState;
import io.parkpulse.common.events.payload.TargetState;
import io.parkpulse.reporting.repository.ReadModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies validated event payloads to the read model. The consumer's transaction, which also marks the event
 * processed, wraps each call, so an event is applied exactly once or not at all.
 */
@ApplicationScoped
@Transactional
public class ReadModelUpdates {

    @Inject
    ReadModelRepository repository;

    /** Applies values in as few statements as possible (one read-model change, not one per value). */
    public void indicatorValues(List<IndicatorValueRecorded> values) {
        // One statement may not touch a row twice: of one value, the newest version is the one that counts.
        Map<String, IndicatorValueRecorded> newest = new LinkedHashMap<>();
        for (IndicatorValueRecorded v : values) {
            newest.merge(
                    v.park() + "|" + v.indicator() + "|" + v.period(), v, (a, b) -> a.version() >= b.version() ? a : b);
        }
        repository.upsertIndicatorValues(new ArrayList<>(newest.values()));
    }

    public void target(TargetState t) {
        repository.upsertTarget(t);
    }

    public void project(ProjectState p) {
        repository.upsertProject(p);
    }

    public void progress(ProjectProgress p) {
        repository.upsertProgress(p);
    }

    public void lead(LeadState l) {
        repository.upsertLead(l);
    }

    public void funds(FundsReported f) {
        repository.upsertFunds(f);
    }

    public void problem(ProjectProblem p) {
        repository.upsertProblem(p);
    }

    public void narrativeReport(NarrativeReportState r) {
        repository.upsertNarrativeReport(r);
    }
}
