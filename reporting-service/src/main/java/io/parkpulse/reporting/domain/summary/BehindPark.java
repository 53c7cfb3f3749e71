package io.parkpulse.reporting.domain.summary;

import java.math.BigDecimal;

/** An active park's value of an indicator that has a positive annual target this year. */
public record BehindPark(
        String indicatorCode, String indicatorName, String parkName, BigDecimal value, BigDecimal annual) {}
