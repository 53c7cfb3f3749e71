package io.parkpulse.projects.domain;

/** 省重点 / 市重点 / 一般 project. */
public enum KeyLevel {
    PROVINCIAL("省重点"),
    MUNICIPAL("市重点"),
    NONE("一般");

    public final String label;

    KeyLevel(String label) {
        this.label = label;
    }
}
