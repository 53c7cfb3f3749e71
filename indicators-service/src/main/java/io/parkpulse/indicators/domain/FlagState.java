package io.parkpulse.indicators.domain;

/**
 * Where a review flag stands. Open until the bureau clears it or a new version of the value replaces the
 * one it was raised on; in between the park may explain the value and the bureau may reject the explanation,
 * after which the park explains again or corrects the value.
 */
public enum FlagState {
    OPEN("待说明"),
    EXPLAINED("已说明待审核"),
    REJECTED("说明未通过"),
    CLEARED("已核销"),
    SUPERSEDED("已被新数值取代");

    /** How the state reads in the console and in exports. */
    public final String label;

    FlagState(String label) {
        this.label = label;
    }

    public boolean isClosed() {
        return this == CLEARED || this == SUPERSEDED;
    }

    public boolean canBeExplained() {
        return this == OPEN || this == REJECTED;
    }

    public boolean canBeRejected() {
        return this == OPEN || this == EXPLAINED;
    }
}
