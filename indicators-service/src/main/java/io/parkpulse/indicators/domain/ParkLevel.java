package io.parkpulse.indicators.domain;

/** 国家级 / 省级 / 市级. */
public enum ParkLevel {
    NATIONAL("国家级"),
    PROVINCIAL("省级"),
    MUNICIPAL("市级");

    public final String label;

    ParkLevel(String label) {
        this.label = label;
    }
}
