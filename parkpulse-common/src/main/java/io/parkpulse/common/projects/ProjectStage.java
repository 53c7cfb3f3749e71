package io.parkpulse.common.projects;

import java.util.ArrayList;
import java.util.List;

/**
 * The lifecycle: 签约 → 供地 → 在建 → 竣工 → 试生产 → 投产, with 停工 (and 复工 back to the stage it
 * stopped in) and 终止 on the side. Two steps may be skipped because real projects do: a project
 * moving into an existing standard factory gets no land (签约 → 在建), and a plant may go straight
 * into production without a trial run (竣工 → 投产).
 */
public enum ProjectStage {
    SIGNED("签约"),
    LAND_SUPPLIED("供地"),
    UNDER_CONSTRUCTION("在建"),
    COMPLETED("竣工"),
    TRIAL_PRODUCTION("试生产"),
    IN_PRODUCTION("投产"),
    SUSPENDED("停工"),
    TERMINATED("终止");

    public final String label;

    ProjectStage(String label) {
        this.label = label;
    }

    /** Stages in which work is still going on: these can be suspended or terminated. */
    public boolean isActive() {
        return this == SIGNED
                || this == LAND_SUPPLIED
                || this == UNDER_CONSTRUCTION
                || this == COMPLETED
                || this == TRIAL_PRODUCTION;
    }

    /** Not yet under construction. */
    public boolean isBeforeStart() {
        return this == SIGNED || this == LAND_SUPPLIED;
    }

    /** Construction finished (竣工 or later on the main line). */
    public boolean isBuilt() {
        return this == COMPLETED || this == TRIAL_PRODUCTION || this == IN_PRODUCTION;
    }

    /**
     * Where a project may go from {@code this}; {@code suspendedFrom} is the stage a suspended project
     * resumes to.
     */
    public List<ProjectStage> next(ProjectStage suspendedFrom) {
        List<ProjectStage> out = new ArrayList<>();
        switch (this) {
            case SIGNED -> out.addAll(List.of(LAND_SUPPLIED, UNDER_CONSTRUCTION));
            case LAND_SUPPLIED -> out.add(UNDER_CONSTRUCTION);
            case UNDER_CONSTRUCTION -> out.add(COMPLETED);
            case COMPLETED -> out.addAll(List.of(TRIAL_PRODUCTION, IN_PRODUCTION));
            case TRIAL_PRODUCTION -> out.add(IN_PRODUCTION);
            case SUSPENDED -> {
                if (suspendedFrom != null) {
                    out.add(suspendedFrom);
                }
                out.add(TERMINATED);
            }
            case IN_PRODUCTION, TERMINATED -> {}
        }
        if (isActive()) {
            out.add(SUSPENDED);
            out.add(TERMINATED);
        }
        return out;
    }
}
