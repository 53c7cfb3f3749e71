package io.parkpulse.projects.domain;

import io.parkpulse.common.domain.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** An entry of the problem ledger (问题台账): what an enterprise raised, who must act, and when it was resolved. */
@Entity
@Table(name = "project_problem")
public class Problem extends AuditedEntity {

    public enum Status {
        OPEN,
        RESOLVED
    }

    @Id
    public UUID id;

    @Column(name = "project_id", nullable = false)
    public UUID projectId;

    @Column(name = "park_code", nullable = false)
    public String park;

    @Column(nullable = false)
    public String description;

    @Column(name = "raised_on", nullable = false)
    public LocalDate raisedOn;

    /** 责任部门. */
    public String department;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String resolution;

    @Column(name = "resolved_on")
    public LocalDate resolvedOn;
}
