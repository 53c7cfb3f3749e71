package io.parkpulse.indicators.domain;

/**
 * How an indicator's monthly value is reported: a year-to-date total (工业总产值 1–n月累计) or the level at
 * the month's end (在库项目数, 从业人员).
 */
public enum IndicatorKind {
    CUMULATIVE,
    STOCK
}
