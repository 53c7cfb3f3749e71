package io.parkpulse.projects.domain;

import io.parkpulse.common.domain.AuditedEntity;
import io.parkpulse.common.projects.ProjectStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A construction project of one park. Money in 万元, land in 亩, floor area in ㎡. The latest progress
 * report's figures are copied here so that status, search and summaries read one row per project.
 */
@Entity
@Table(name = "project")
public class Project extends AuditedEntity {

    @Id
    public UUID id;

    @Column(name = "park_code", nullable = false)
    public String park;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectKind kind;

    public String industry;

    public String enterprise;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_level", nullable = false)
    public KeyLevel keyLevel = KeyLevel.NONE;

    @Column(name = "total_investment", nullable = false)
    public BigDecimal totalInvestment;

    /** The year {@link #yearPlannedInvestment} applies to (年度计划投资). */
    @Column(name = "plan_year")
    public Integer planYear;

    @Column(name = "year_planned_investment")
    public BigDecimal yearPlannedInvestment;

    @Column(name = "land_mu")
    public BigDecimal landMu;

    @Column(name = "floor_area_m2")
    public BigDecimal floorAreaM2;

    @Column(name = "planned_start")
    public LocalDate plannedStart;

    @Column(name = "planned_completion")
    public LocalDate plannedCompletion;

    /** 包挂领导. */
    public String leader;

    public String liaison;

    @Column(name = "liaison_phone")
    public String liaisonPhone;

    @Column(name = "lead_id")
    public UUID leadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectStage stage;

    @Column(name = "stage_since", nullable = false)
    public LocalDate stageSince;

    @Enumerated(EnumType.STRING)
    @Column(name = "suspended_from")
    public ProjectStage suspendedFrom;

    @Column(name = "signed_on", nullable = false)
    public LocalDate signedOn;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "completed_on")
    public LocalDate completedOn;

    @Column(name = "production_on")
    public LocalDate productionOn;

    @Column(name = "terminated_reason")
    public String terminatedReason;

    @Column(name = "investment_completed")
    public BigDecimal investmentCompleted;

    @Column(name = "investment_this_year")
    public BigDecimal investmentThisYear;

    @Column(name = "physical_progress")
    public BigDecimal physicalProgress;

    /** YYYY-MM of the latest progress report. */
    @Column(name = "progress_period")
    public String progressPeriod;
}
