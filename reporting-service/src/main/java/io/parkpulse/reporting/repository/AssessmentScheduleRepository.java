package io.parkpulse.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The guard rows that let exactly one scheduler run a quarter's assessment. */
@ApplicationScoped
public class AssessmentScheduleRepository {

    @Inject
    EntityManager em;

    /** Claims the quarter in the current transaction; false when it was claimed before. */
    public boolean claim(String quarter, String instance) {
        return em.createNativeQuery("""
                        insert into assessment_schedule_guard (quarter, claimed_at, claimed_by) values (?1, now(), ?2)
                        on conflict (quarter) do nothing
                        """)
                        .setParameter(1, quarter)
                        .setParameter(2, instance)
                        .executeUpdate()
                > 0;
    }
}
