package io.parkpulse.indicators.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A stored value that looks suspicious: the park explains it, the bureau clears it or rejects the explanation. */
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FlagState status = FlagState.OPEN;

    /** The park's explanation of the value (说明). */
    @Column
    public String explanation;

    @Column(name = "explained_by")
    public String explainedBy;

    @Column(name = "explained_at")
    public OffsetDateTime explainedAt;

    @Column(name = "rejected_by")
    public String rejectedBy;

    @Column(name = "rejected_at")
    public OffsetDateTime rejectedAt;

    @Column(name = "reject_note")
    public String rejectNote;

    public void explain(String text, String user, OffsetDateTime at) {
        status = FlagState.EXPLAINED;
        explanation = text;
        explainedBy = user;
        explainedAt = at;
    }

    public void reject(String note, String user, OffsetDateTime at) {
        status = FlagState.REJECTED;
        rejectNote = note;
        rejectedBy = user;
        rejectedAt = at;
    }

    /** Closes the flag: cleared (the value stands) or superseded (a new version replaced it). */
    public void close(FlagState how, String note, String user, OffsetDateTime at) {
        status = how;
        clearNote = note;
        clearedBy = user;
        clearedAt = at;
    }
}
