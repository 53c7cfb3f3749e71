package io.parkpulse.investment.domain;

/** What was signed: 协议 (a framework agreement) or 合同 (a contract). */
public enum AgreementType {
    AGREEMENT("协议"),
    CONTRACT("合同");

    public final String label;

    AgreementType(String label) {
        this.label = label;
    }
}
