package io.parkpulse.common.events.payload;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The review flags (数据核查提示) of one park that one request changed, each as its whole new state: raised with
 * a value, explained by the park, cleared or rejected by the bureau, or superseded by a new version of the value.
 * A consumer keeps, per flag id, the state of the latest event.
 */
public record ReviewFlagsChanged(String park, List<Flag> flags) {

    public record Flag(
            long id,
            String indicator,
            String period,
            long version,
            String reason,
            String message,
            String status,
            OffsetDateTime flaggedAt,
            String explanation,
            String explainedBy,
            OffsetDateTime explainedAt,
            String rejectNote,
            String rejectedBy,
            OffsetDateTime rejectedAt,
            String clearNote,
            String clearedBy,
            OffsetDateTime clearedAt) {}
}
