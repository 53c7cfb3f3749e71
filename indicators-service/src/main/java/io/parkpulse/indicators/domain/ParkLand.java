package io.parkpulse.indicators.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Developed industrial land (亩) from a date on: the denominator of every per-mu figure of later periods. */
@Entity
@Table(name = "park_land")
public class ParkLand extends PanacheEntityBase {

    @EmbeddedId
    public Key id;

    @Column(name = "developed_land_mu", nullable = false)
    public BigDecimal developedLandMu;

    @Embeddable
    public record Key(
            @Column(name = "park_code") String parkCode,
            @Column(name = "effective_from") LocalDate effectiveFrom) implements Serializable {}
}
