package io.parkpulse.reporting.domain.summary;

import java.math.BigDecimal;

/** One of the parks with the most of an indicator in the month. */
public record Leader(String parkName, String indicatorName, BigDecimal value, String unit) {}
