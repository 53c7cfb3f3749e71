package io.parkpulse.reporting.messaging;

import io.parkpulse.common.consumer.JsonEventHandler;
import io.parkpulse.common.events.Event;
import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.MalformedEventException;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.NarrativeReportState;
import io.parkpulse.reporting.service.ReadModelUpdates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps each narrative report's latest state and the figures it states, so that those other services own can be
 * checked against this read model (docs/reporting.md, "Narrative reports against the platform's figures").
 */
@ApplicationScoped
public class NarrativeReportEventsHandler extends JsonEventHandler<NarrativeReportState> {

    @Inject
    ReadModelUpdates updates;

    public NarrativeReportEventsHandler() {
        super(
                Topics.INDICATORS,
                NarrativeReportState.class,
                EventTypes.NARRATIVE_REPORT_UPLOADED,
                EventTypes.NARRATIVE_REPORT_CONFIRMED);
    }

    @Override
    protected void apply(NarrativeReportState r, Event event) {
        if (r.id() <= 0 || r.park() == null || r.status() == null || r.uploadedAt() == null || r.version() < 1) {
            throw new MalformedEventException(
                    "narrative report event without id, park, status, upload time or version");
        }
        for (NarrativeReportState.StatedFigure f : r.statedFigures()) {
            if (f == null
                    || f.code() == null
                    || f.owner() == null
                    || f.value() == null
                    || f.unit() == null
                    || f.rounding() == null
                    || f.stated() == null
                    || f.sentence() == null) {
                throw new MalformedEventException("narrative report " + r.id()
                        + " states a figure without code, owner, value, unit, rounding, text" + " or sentence");
            }
        }
        updates.narrativeReport(r);
    }
}
