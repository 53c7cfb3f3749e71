package io.parkpulse.indicators.domain;

import io.parkpulse.common.domain.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "park")
public class Park extends AuditedEntity {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParkLevel level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParkKind kind;

    @Column(nullable = false)
    public String district;

    @Column(name = "planned_area_km2")
    public BigDecimal plannedAreaKm2;

    @Column(name = "peer_group", nullable = false)
    public String peerGroup;

    @Column(nullable = false)
    public String status = "ACTIVE";
}
