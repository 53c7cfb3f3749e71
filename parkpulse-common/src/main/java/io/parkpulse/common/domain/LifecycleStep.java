package io.parkpulse.common.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One step of an aggregate's lifecycle history (a project's stages, a lead's pipeline), never changed
 * once written: the date it happened as the park reports it, and who recorded it when. Each service
 * adds the owner and its own stage type.
 */
@MappedSuperclass
public abstract class LifecycleStep extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "changed_on", nullable = false)
    public LocalDate changedOn;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /** Dates the step and records who made it now, then stores it. */
    public void record(LocalDate on, String user) {
        changedOn = on;
        changedBy = user;
        recordedAt = OffsetDateTime.now();
        persist();
    }
}
