package io.parkpulse.indicators.domain;

/** A retired indicator keeps its history readable and takes no new values or targets. */
public enum IndicatorStatus {
    ACTIVE,
    RETIRED
}
