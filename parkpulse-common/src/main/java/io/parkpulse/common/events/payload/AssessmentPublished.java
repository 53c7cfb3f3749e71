package io.parkpulse.common.events.payload;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The results of a quarterly assessment run (or of a correcting revision), as stored: never changed
 * afterwards. City-wide, key and subject {@code CITY}. Scores in points, rank change positive when a
 * park moved up against the previous quarter.
 */
public record AssessmentPublished(
        UUID assessmentId,
        String quarter,
        int revision,
        String schemeCode,
        int schemeVersion,
        String asOf,
        List<ParkResult> results) {

    public record ParkResult(
            String park, BigDecimal total, Integer rank, Integer rankChange, String tier, boolean disqualified) {}
}
