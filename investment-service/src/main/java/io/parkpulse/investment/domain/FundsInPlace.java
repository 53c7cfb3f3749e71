package io.parkpulse.investment.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * 到位资金: what actually arrived for one lead in one month, in 万元, and for foreign capital also in
 * 万美元 as reported. The source is the lead's capital origin at the time.
 */
@Entity
@Table(name = "funds_in_place")
public class FundsInPlace extends PanacheEntityBase {

    @Embeddable
    public record Key(
            @Column(name = "lead_id") UUID leadId,
            @Column(name = "period") String period) implements Serializable {}

    @EmbeddedId
    public Key id;

    @Column(name = "park_code", nullable = false)
    public String park;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CapitalOrigin source;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "amount_usd")
    public BigDecimal amountUsd;

    @Column(nullable = false)
    public int revision;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "reported_at", nullable = false)
    public OffsetDateTime reportedAt;
}
