package io.parkpulse.indicators.domain;

/** 经开区 / 高新区 / 工业园区. */
public enum ParkKind {
    ECONOMIC_DEVELOPMENT_ZONE("经开区"),
    HIGH_TECH_ZONE("高新区"),
    INDUSTRIAL_PARK("工业园区");

    public final String label;

    ParkKind(String label) {
        this.label = label;
    }
}
