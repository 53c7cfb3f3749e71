package io.parkpulse.indicators.rest;

import io.parkpulse.indicators.domain.FlagState;
import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.ValueFlag;
import io.parkpulse.indicators.domain.ValueRow;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

public final class ValueDtos {

    /**
     * One value. {@code unit} names the unit the number is written in (元, 万元, 亿元 for money);
     * omitted, it is the indicator's canonical unit.
     */
    public record RecordValue(BigDecimal value, String unit) {}

    /**
     * A month's report of many indicators: {@code {"period": "2026-10", "rows": [{"indicator": ..., "value": ..., "unit": ...}]}};
     * a row with its own {@code "period"} belongs to that month instead.
     */
    public record Batch(String period, java.util.List<io.parkpulse.indicators.service.BatchService.Row> rows) {}

    public record AuditView(
            String park,
            String indicator,
            String period,
            BigDecimal oldValue,
            BigDecimal newValue,
            long version,
            String source,
            String changedBy,
            OffsetDateTime changedAt) {

        static AuditView of(io.parkpulse.indicators.domain.ValueAudit a) {
            return new AuditView(
                    a.park,
                    a.indicator,
                    a.period,
                    a.oldValue,
                    a.newValue,
                    a.version,
                    a.source,
                    a.changedBy,
                    a.changedAt);
        }
    }

    /** {@code flags}: why the value, though stored, waits for a bureau analyst's review. */
    public record ValueView(
            String park,
            String indicator,
            String indicatorName,
            String period,
            BigDecimal value,
            String unit,
            long version,
            OffsetDateTime recordedAt,
            String recordedBy,
            String source,
            String outcome,
            java.util.List<FlagView> flags) {

        static ValueView of(ValueRow v, Indicator i, String outcome, java.util.List<FlagView> flags) {
            return new ValueView(
                    v.id().park(),
                    v.id().indicator(),
                    i == null ? null : i.nameZh,
                    v.id().period(),
                    v.value(),
                    i == null ? null : i.unit,
                    v.version(),
                    v.recordedAt(),
                    v.recordedBy(),
                    v.source(),
                    outcome,
                    flags);
        }
    }

    public record FlagView(
            long id,
            String park,
            String indicator,
            String period,
            long version,
            String reason,
            String message,
            OffsetDateTime flaggedAt,
            String clearedBy,
            OffsetDateTime clearedAt,
            String clearNote,
            FlagState status,
            String statusLabel,
            String explanation,
            String explainedBy,
            OffsetDateTime explainedAt,
            String rejectedBy,
            OffsetDateTime rejectedAt,
            String rejectNote) {

        public static FlagView of(ValueFlag f) {
            return new FlagView(
                    f.id,
                    f.park,
                    f.indicator,
                    f.period,
                    f.version,
                    f.reason,
                    f.message,
                    f.flaggedAt,
                    f.clearedBy,
                    f.clearedAt,
                    f.clearNote,
                    f.status,
                    f.status.label,
                    f.explanation,
                    f.explainedBy,
                    f.explainedAt,
                    f.rejectedBy,
                    f.rejectedAt,
                    f.rejectNote);
        }
    }

    private ValueDtos() {}
}
