package io.parkpulse.indicators.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A stored value that looks suspicious, waiting for a bureau analyst's review. */
@Entity
@Table(name = "value_flag")
public class ValueFlag extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "value_flag_id")
    @SequenceGenerator(name = "value_flag_id", sequenceName = "value_flag_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "park_code", nullable = false)
    public String park;

    @Column(name = "indicator_code", nullable = false)
    public String indicator;

    @Column(nullable = false)
    public String period;

    /** The version of the value that raised the flag. */
    @Column(nullable = false)
    public long version;

    /** {@code jump_vs_previous_month} or {@code jump_vs_last_year}. */
    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String message;

    @Column(name = "flagged_at", nullable = false)
    public OffsetDateTime flaggedAt;

    @Column(name = "cleared_by")
    public String clearedBy;

    @Column(name = "cleared_at")
    public OffsetDateTime clearedAt;

    @Column(name = "clear_note")
    public String clearNote;
}
