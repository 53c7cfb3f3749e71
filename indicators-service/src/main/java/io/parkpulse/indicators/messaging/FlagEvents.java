package io.parkpulse.indicators.messaging;

import io.parkpulse.common.events.EventTypes;
import io.parkpulse.common.events.Topics;
import io.parkpulse.common.events.payload.ReviewFlagsChanged;
import io.parkpulse.common.outbox.Outbox;
import io.parkpulse.indicators.domain.ValueFlag;
import java.util.List;

/** The event of a change to review flags: one per request and park, each flag as its whole new state. */
public final class FlagEvents {

    public static Outbox.Message changed(String park, List<ReviewFlagsChanged.Flag> flags) {
        return new Outbox.Message(
                Topics.INDICATORS, EventTypes.FLAGS_CHANGED, park, new ReviewFlagsChanged(park, List.copyOf(flags)));
    }

    public static ReviewFlagsChanged.Flag state(ValueFlag f) {
        return new ReviewFlagsChanged.Flag(
                f.id,
                f.indicator,
                f.period,
                f.version,
                f.reason,
                f.message,
                f.status.name(),
                f.flaggedAt,
                f.explanation,
                f.explainedBy,
                f.explainedAt,
                f.rejectNote,
                f.rejectedBy,
                f.rejectedAt,
                f.clearNote,
                f.clearedBy,
                f.clearedAt);
    }

    private FlagEvents() {}
}
