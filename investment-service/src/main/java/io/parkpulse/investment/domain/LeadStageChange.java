package io.parkpulse.investment.domain;

import io.parkpulse.common.domain.LifecycleStep;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** One step of a lead through the pipeline: when it happened, who recorded it and when. */
@Entity
@Table(name = "lead_stage_change")
public class LeadStageChange extends LifecycleStep {

    @Column(name = "lead_id", nullable = false)
    public UUID leadId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    public LeadStage fromStage;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage", nullable = false)
    public LeadStage toStage;

    public String note;
}
