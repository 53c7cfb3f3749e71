package io.parkpulse.common.events.payload;

import java.util.List;

/**
 * The values one batch request recorded or changed in a park (unchanged and rejected rows are not in
 * it), each exactly as a single {@link IndicatorValueRecorded} would carry it. One event per request
 * instead of one per value: a month's report of 21 indicators, or a year of history, reaches the
 * broker and every consumer as one record.
 */
public record IndicatorValuesRecorded(String park, List<IndicatorValueRecorded> values) {

    /** Values per event, so that a record stays well under the broker's 1 MB limit (about 350 bytes each). */
    public static final int MAX_VALUES = 500;
}
