package io.parkpulse.indicators.domain;

import io.parkpulse.common.domain.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The bureau's target for a park, indicator and year. Quarterly targets are year to date at the
 * end of the quarter, like the figures they are compared with.
 */
@Entity
@Table(name = "indicator_target")
public class IndicatorTarget extends AuditedEntity {

    @EmbeddedId
    public Key id;

    @Column(nullable = false)
    public BigDecimal annual;

    public BigDecimal q1;
    public BigDecimal q2;
    public BigDecimal q3;

    @Column(name = "planned_growth_pct")
    public BigDecimal plannedGrowthPct;

    @Embeddable
    public record Key(
            @Column(name = "park_code") String park,
            @Column(name = "indicator_code") String indicator,
            @Column(name = "year") int year)
            implements Serializable {}

    /** The year-to-date target at the end of quarter 1–4 (4 = the annual target), if set. */
    public BigDecimal quarter(int q) {
        return switch (q) {
            case 1 -> q1;
            case 2 -> q2;
            case 3 -> q3;
            case 4 -> annual;
            default -> throw new IllegalArgumentException("quarter " + q);
        };
    }
}
