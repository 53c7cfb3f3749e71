package io.parkpulse.indicators.rest;

import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.IndicatorValue;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

public final class ValueDtos {

    /**
     * One value. {@code unit} names the unit the number is written in (元, 万元, 亿元 for money);
     * omitted, it is the indicator's canonical unit.
     */
    public record RecordValue(BigDecimal value, String unit) {
    }

    public record ValueView(String park, String indicator, String indicatorName, String period, BigDecimal value,
            String unit, long version, OffsetDateTime recordedAt, String recordedBy, String source, String outcome) {

        static ValueView of(IndicatorValue v, Indicator i, String outcome) {
            return new ValueView(v.id.park(), v.id.indicator(), i == null ? null : i.nameZh, v.id.period(),
                    v.value.stripTrailingZeros().scale() < 0 ? v.value.setScale(0) : v.value.stripTrailingZeros(),
                    i == null ? null : i.unit, v.version, v.recordedAt, v.recordedBy, v.source, outcome);
        }
    }

    private ValueDtos() {
    }
}
