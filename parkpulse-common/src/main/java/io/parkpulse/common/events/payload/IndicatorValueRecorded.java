package io.parkpulse.common.events.payload;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A monthly value was recorded or changed. {@code indicatorName} is the catalog's Chinese name, so
 * that a consumer can label it without calling indicators-service. {@code value} is in the indicator's canonical
 * {@code unit}; {@code previousValue} is null for a first report; {@code version} grows by one with
 * every change of this (park, indicator, period), so a consumer can drop anything older than it holds.
 */
public record IndicatorValueRecorded(
        String park,
        String indicator,
        String indicatorName,
        String period,
        BigDecimal value,
        String unit,
        BigDecimal previousValue,
        long version,
        String source,
        String recordedBy,
        OffsetDateTime recordedAt) {}
