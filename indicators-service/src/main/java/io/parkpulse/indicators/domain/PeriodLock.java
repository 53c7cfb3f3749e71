package io.parkpulse.indicators.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A month locked because the assessment of its quarter was published. */
@Entity
@Table(name = "period_lock")
public class PeriodLock extends PanacheEntityBase {

    @Id
    public String period;

    @Column(nullable = false)
    public String quarter;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    @Column(nullable = false)
    public int revision;

    @Column(name = "locked_at", nullable = false)
    public OffsetDateTime lockedAt;

    /**
     * When this service stored the lock or its latest revision; parks registered later were not part of the
     * assessment that holds the month.
     */
    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /** Whether the lock came before a park registered at {@code registeredAt}, which it therefore did not assess. */
    public boolean lockedBefore(OffsetDateTime registeredAt) {
        return registeredAt.isAfter(recordedAt);
    }
}
