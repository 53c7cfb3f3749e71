package io.parkpulse.investment.domain;

/** Where the capital comes from: 市外 / 省外 / 境外. */
public enum CapitalOrigin {
    OUTSIDE_CITY("市外"),
    OUTSIDE_PROVINCE("省外"),
    FOREIGN("境外");

    public final String label;

    CapitalOrigin(String label) {
        this.label = label;
    }
}
