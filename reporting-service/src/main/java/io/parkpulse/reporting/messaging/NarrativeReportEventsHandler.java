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
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps each narrative report's latest state and the figures it states, so that those other services own can be
 * checked against this read model (docs/reporting.md, "Narrative reports against the platform's figures").
 *
 * <p>An event the tables cannot hold is malformed, not failing: a park code longer than its column or a period that
 * is no month would fail the insert on every retry and hold up its partition before reaching the dead letters, so
 * it is refused here and dead-lettered at once.
 */
@ApplicationScoped
public class NarrativeReportEventsHandler extends JsonEventHandler<NarrativeReportState> {

    /** narrative_report_fact.park_code, as every park code of the read model. */
    static final int PARK_LENGTH = 32;

    static final Set<String> STATUSES = Set.of("DRAFT", "CONFIRMED");

    static final Set<String> OWNERS = Set.of("indicators", "investment", "projects");

    /** A month as the period columns (varchar(7)) and the checks read it. */
    static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

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
        if (r.park().isBlank() || r.park().length() > PARK_LENGTH) {
            throw new MalformedEventException("narrative report " + r.id() + ": park code '" + cut(r.park())
                    + "' is blank or longer than " + PARK_LENGTH + " characters");
        }
        if (!STATUSES.contains(r.status())) {
            throw new MalformedEventException(
                    "narrative report " + r.id() + ": status '" + cut(r.status()) + "' is neither DRAFT nor CONFIRMED");
        }
        if (r.period() != null && !MONTH.matcher(r.period()).matches()) {
            throw new MalformedEventException(
                    "narrative report " + r.id() + ": period '" + cut(r.period()) + "' is not a month (YYYY-MM)");
        }
        if (r.sha256() != null && !SHA256.matcher(r.sha256()).matches()) {
            throw new MalformedEventException(
                    "narrative report " + r.id() + ": sha256 '" + cut(r.sha256()) + "' is not 64 hex digits");
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
            if (!OWNERS.contains(f.owner())) {
                throw new MalformedEventException("narrative report " + r.id() + ": figure " + cut(f.code())
                        + " has an unknown owner '" + cut(f.owner()) + "'");
            }
            if (f.period() != null && !MONTH.matcher(f.period()).matches()) {
                throw new MalformedEventException("narrative report " + r.id() + ": figure " + cut(f.code())
                        + " has a period '" + cut(f.period()) + "' that is not a month (YYYY-MM)");
            }
        }
        updates.narrativeReport(r);
    }

    /** The dead letter names the value, not the whole of a value that may be megabytes long. */
    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
