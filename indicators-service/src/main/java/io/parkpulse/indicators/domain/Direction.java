package io.parkpulse.indicators.domain;

/** Whether a larger value is better (产值, 税收) or worse (单位能耗) in rankings and plausibility notes. */
public enum Direction {
    HIGHER_BETTER,
    LOWER_BETTER
}
