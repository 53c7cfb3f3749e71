package io.parkpulse.projects.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The audit of progress reports: every filing and revision as it was, never changed. */
@Entity
@Table(name = "project_progress_audit")
public class ProgressRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(nullable = false)
    public String period;

    @Column(nullable = false)
    public int revision;

    @Column(name = "investment_completed", nullable = false)
    public BigDecimal investmentCompleted;

    @Column(name = "investment_this_year", nullable = false)
    public BigDecimal investmentThisYear;

    @Column(name = "physical_progress", nullable = false)
    public BigDecimal physicalProgress;

    public String milestones;

    @Column(name = "correction_reason")
    public String correctionReason;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "reported_at", nullable = false)
    public OffsetDateTime reportedAt;
}
