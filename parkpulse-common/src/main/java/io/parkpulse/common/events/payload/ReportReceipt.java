package io.parkpulse.common.events.payload;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The day the bureau received a park's report for a month, registered by a bureau admin: reports still arrive
 * on paper or by mail, and whether a park reported on time is judged on that day, not on the day the values were
 * keyed in. Every registration is a new {@code version}.
 */
public record ReportReceipt(
        String park,
        String period,
        LocalDate receivedOn,
        String note,
        long version,
        String recordedBy,
        OffsetDateTime recordedAt) {}
