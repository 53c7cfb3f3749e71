package io.parkpulse.investment.domain;

import io.parkpulse.common.domain.AuditedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** One investment-attraction activity of a park, linked to the leads it concerned. */
@Entity
@Table(name = "activity")
public class Activity extends AuditedEntity {

    @Id
    public UUID id;

    @Column(name = "park_code", nullable = false)
    public String park;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivityKind kind;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Column(nullable = false)
    public String title;

    public String location;

    /** Who led it; for a 主要领导带队 trip, the leader. */
    @Column(name = "led_by")
    public String ledBy;

    public String notes;

    @ElementCollection
    @CollectionTable(name = "activity_lead", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "lead_id")
    public Set<UUID> leadIds = new LinkedHashSet<>();
}
