package io.parkpulse.projects.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A project's progress for one month (one per project and month; a second filing revises it). */
@Entity
@Table(name = "project_progress")
public class ProgressReport extends PanacheEntityBase {

    @Embeddable
    public record Key(
            @Column(name = "project_id") UUID projectId,
            @Column(name = "period") String period) implements Serializable {}

    @EmbeddedId
    public Key id;

    /** 累计完成投资, 万元. */
    @Column(name = "investment_completed", nullable = false)
    public BigDecimal investmentCompleted;

    /** 本年完成投资, 万元. */
    @Column(name = "investment_this_year", nullable = false)
    public BigDecimal investmentThisYear;

    /** 形象进度, %. */
    @Column(name = "physical_progress", nullable = false)
    public BigDecimal physicalProgress;

    public String milestones;

    @Column(nullable = false)
    public int revision;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "reported_at", nullable = false)
    public OffsetDateTime reportedAt;
}
