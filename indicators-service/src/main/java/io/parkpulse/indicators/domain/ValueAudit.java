package io.parkpulse.indicators.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One change of one value, kept forever. */
@Entity
@Table(name = "value_audit")
public class ValueAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "value_audit_id")
    @SequenceGenerator(name = "value_audit_id", sequenceName = "value_audit_id_seq", allocationSize = 1)
    public Long id;

    @Column(name = "park_code", nullable = false)
    public String park;

    @Column(name = "indicator_code", nullable = false)
    public String indicator;

    @Column(nullable = false)
    public String period;

    @Column(name = "old_value")
    public BigDecimal oldValue;

    @Column(name = "new_value", nullable = false)
    public BigDecimal newValue;

    @Column(nullable = false)
    public long version;

    /** API, FILE or CORRECTION. */
    @Column(nullable = false)
    public String source;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;
}
