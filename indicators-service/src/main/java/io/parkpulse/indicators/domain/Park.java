package io.parkpulse.indicators.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

@Entity
@Table(name = "park")
public class Park extends PanacheEntityBase {

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

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
