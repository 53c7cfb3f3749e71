package io.parkpulse.common.events.payload;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A quarterly assessment was published: its quarter ({@code YYYY-Qn}) is closed and the quarter's
 * months are locked in indicators-service. City-wide, so the key and subject are {@code CITY}.
 */
public record QuarterClosed(String quarter, UUID assessmentId, int revision, OffsetDateTime closedAt) {

    public static final String KEY = "CITY";
}
