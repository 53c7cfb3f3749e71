package io.parkpulse.indicators.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of the indicator catalog. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(nullable = false)
    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IndicatorKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    @Column(name = "allow_negative", nullable = false)
    public boolean allowNegative;

    @Column(nullable = false)
    public short decimals;

    @Column(nullable = false)
    public boolean mandatory;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IndicatorStatus status;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    public boolean isActive() {
        return status == IndicatorStatus.ACTIVE;
    }

    public boolean isCumulative() {
        return kind == IndicatorKind.CUMULATIVE;
    }
}
