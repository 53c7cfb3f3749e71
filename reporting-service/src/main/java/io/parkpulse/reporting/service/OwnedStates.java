package io.parkpulse.reporting.service;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.AssessmentPublished;
import io.parkpulse.common.events.payload.QuarterClosed;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.periods.CityTime;
import io.parkpulse.common.republish.SnapshotSource;
import io.parkpulse.reporting.repository.AssessmentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What reporting-service re-publishes (docs/operations.md, "Kafka history lost"): every published assessment run
 * and the quarter it closed, oldest first as they were published. indicators-service locks a closed quarter's
 * months once, so a quarter closed again changes nothing there. The read model is not re-published: it is
 * itself built from the other services' events.
 */
@ApplicationScoped
public class OwnedStates implements SnapshotSource {

    @Inject
    AssessmentRepository assessments;

    @Override
    public String name() {
        return "assessments";
    }

    @Override
    public Snapshot page(int page, int size) {
        // A city has a few runs a quarter: all of them are read, and the page taken from the list.
        List<AssessmentRepository.RunRow> runs = Page.window(
                assessments.runs().stream()
                        .sorted(Comparator.comparing(AssessmentRepository.RunRow::quarter)
                                .thenComparing(AssessmentRepository.RunRow::revision))
                        .toList(),
                page,
                size);
        List<Outbox.Message> events = new ArrayList<>();
        for (AssessmentRepository.RunRow run : runs) {
            events.add(new Outbox.Message(
                    Topics.ASSESSMENTS,
                    EventTypes.ASSESSMENT_PUBLISHED,
                    QuarterClosed.KEY,
                    new AssessmentPublished(
                            run.id(),
                            run.quarter(),
                            run.revision(),
                            run.schemeCode(),
                            run.schemeVersion(),
                            run.asOf(),
                            assessments.results(run.id()).stream()
                                    .map(r -> new AssessmentPublished.ParkResult(
                                            r.park(), r.total(), r.rank(), r.rankChange(), r.tier(), r.disqualified()))
                                    .toList())));
            events.add(new Outbox.Message(
                    Topics.ASSESSMENTS,
                    EventTypes.QUARTER_CLOSED,
                    QuarterClosed.KEY,
                    new QuarterClosed(
                            run.quarter(),
                            run.id(),
                            run.revision(),
                            run.runAt() == null
                                    ? null
                                    : run.runAt()
                                            .atZoneSameInstant(CityTime.ZONE)
                                            .toOffsetDateTime())));
        }
        return new Snapshot(runs.size(), events);
    }
}
