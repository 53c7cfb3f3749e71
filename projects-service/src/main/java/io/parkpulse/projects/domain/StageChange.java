package io.parkpulse.projects.domain;

import io.parkpulse.common.domain.LifecycleStep;
import io.parkpulse.common.projects.ProjectStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** One step of a project's lifecycle: the date it happened (as the park reports it) and who recorded it when. */
@Entity
@Table(name = "project_stage_change")
public class StageChange extends LifecycleStep {

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    public ProjectStage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false)
    public ProjectStage toStage;

    public String reason;
}
