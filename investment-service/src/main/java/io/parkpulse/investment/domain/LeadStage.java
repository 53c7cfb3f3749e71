package io.parkpulse.investment.domain;

/** 线索 → 洽谈 → 签约 → 落地, or 放弃. */
public enum LeadStage {
    LEAD("线索"), NEGOTIATING("洽谈"), SIGNED("签约"), LANDED("落地"), DROPPED("放弃");

    public final String label;

    LeadStage(String label) {
        this.label = label;
    }
}
