package io.parkpulse.indicators.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A park's reported value of one indicator for one month, in the indicator's canonical unit. A row
 * that does not exist is "not reported", which is different from a reported zero.
 */
@Entity
@Table(name = "indicator_value")
public class IndicatorValue extends PanacheEntityBase {

    @EmbeddedId
    public Key id;

    @Column(nullable = false, precision = 24, scale = 6)
    public BigDecimal value;

    /** Grows by one with every change; events carry it so consumers can drop stale ones. */
    @Column(nullable = false)
    public long version;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(nullable = false)
    public String source;

    /** The same value as recording handles it. */
    public ValueRow row() {
        return new ValueRow(id, value, version, recordedAt, recordedBy, source);
    }

    @Embeddable
    public record Key(
            @Column(name = "park_code") String park,
            @Column(name = "indicator_code") String indicator,
            @Column(name = "period") String period)
            implements Serializable {}
}
