package io.parkpulse.indicators.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A value as recording reads and writes it, in plain SQL under the park's lock. Not the {@link IndicatorValue}
 * entity: nothing here is managed, so nothing is flushed behind a batch's back, and a change is a new row.
 */
public record ValueRow(
        IndicatorValue.Key id,
        BigDecimal value,
        long version,
        OffsetDateTime recordedAt,
        String recordedBy,
        String source) {

    /** The value's next version, recorded by {@code user} at {@code at}. */
    public ValueRow next(BigDecimal newValue, OffsetDateTime at, String user, String newSource) {
        return new ValueRow(id, newValue, version + 1, at, user, newSource);
    }

    /** The first version of a value not reported until now. */
    public static ValueRow first(
            IndicatorValue.Key id, BigDecimal value, OffsetDateTime at, String user, String source) {
        return new ValueRow(id, value, 1, at, user, source);
    }
}
