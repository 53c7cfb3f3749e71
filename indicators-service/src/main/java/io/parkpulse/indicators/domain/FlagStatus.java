package io.parkpulse.indicators.domain;

/** Which review flags a list shows: the open ones, the cleared ones or all. */
public enum FlagStatus {
    OPEN,
    CLEARED,
    ALL
}
