package io.parkpulse.investment.domain;

/** The maintained list of reasons a lead is dropped; OTHER needs a note. */
public enum DropReason {
    INVESTOR_WITHDREW("企业放弃投资"),
    LOST_TO_OTHER_REGION("落户其他地区"),
    LAND_UNAVAILABLE("用地条件不具备"),
    POLICY_MISMATCH("不符合产业政策"),
    ENVIRONMENTAL("环保能耗不达标"),
    FUNDING_FAILED("企业资金不足"),
    OTHER("其他");

    public final String label;

    DropReason(String label) {
        this.label = label;
    }
}
