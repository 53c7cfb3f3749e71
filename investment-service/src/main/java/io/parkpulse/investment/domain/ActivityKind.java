package io.parkpulse.investment.domain;

/** What the reports count: 对接客商, 主要领导带队招商, 包装项目, 招商推介活动. */
public enum ActivityKind {
    INVESTOR_MEETING("对接客商"),
    LEADER_TRIP("主要领导带队招商"),
    PACKAGED_PROJECT("包装项目"),
    PROMOTION_EVENT("招商推介活动");

    public final String label;

    ActivityKind(String label) {
        this.label = label;
    }
}
