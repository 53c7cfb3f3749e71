package io.parkpulse.projects.domain;

import io.parkpulse.common.domain.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** A construction project of one park. Money in 万元. */
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
    @Column(nullable = false)
    public ProjectStage stage;

    @Column(name = "total_investment", nullable = false)
    public BigDecimal totalInvestment;
}
