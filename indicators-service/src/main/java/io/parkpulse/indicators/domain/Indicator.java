package io.parkpulse.indicators.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of the indicator catalog. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    public static final String CUMULATIVE = "CUMULATIVE";
    public static final String STOCK = "STOCK";

    @Id
    public String code;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String direction;

    @Column(name = "allow_negative", nullable = false)
    public boolean allowNegative;

    @Column(nullable = false)
    public short decimals;

    @Column(nullable = false)
    public boolean mandatory;

    @Column(nullable = false)
    public String status;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    public boolean isCumulative() {
        return CUMULATIVE.equals(kind);
    }
}
