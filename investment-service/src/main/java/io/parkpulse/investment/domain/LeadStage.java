package io.parkpulse.investment.domain;

import java.util.List;

/**
 * The pipeline: 线索 → 洽谈 → 签约 → 落地, or 放弃 from any open stage. A lead may be signed without a
 * recorded negotiation (some are signed at the first meeting); landing needs a signature.
 */
public enum LeadStage {
    LEAD("线索"),
    NEGOTIATING("洽谈"),
    SIGNED("签约"),
    LANDED("落地"),
    DROPPED("放弃");

    public final String label;

    LeadStage(String label) {
        this.label = label;
    }

    public boolean isOpen() {
        return this == LEAD || this == NEGOTIATING || this == SIGNED;
    }

    public List<LeadStage> next() {
        return switch (this) {
            case LEAD -> List.of(NEGOTIATING, SIGNED, DROPPED);
            case NEGOTIATING -> List.of(SIGNED, DROPPED);
            case SIGNED -> List.of(LANDED, DROPPED);
            case LANDED, DROPPED -> List.of();
        };
    }
}
