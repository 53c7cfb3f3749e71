package io.parkpulse.projects.domain;

/** The lifecycle: 签约 → 供地 → 在建 → 竣工 → 试生产 → 投产, with 停工 and 终止 on the side. */
public enum ProjectStage {
    SIGNED("签约"), LAND_SUPPLIED("供地"), UNDER_CONSTRUCTION("在建"), COMPLETED("竣工"),
    TRIAL_PRODUCTION("试生产"), IN_PRODUCTION("投产"), SUSPENDED("停工"), TERMINATED("终止");

    public final String label;

    ProjectStage(String label) {
        this.label = label;
    }
}
