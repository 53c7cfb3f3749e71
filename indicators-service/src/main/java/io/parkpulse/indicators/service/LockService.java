package io.parkpulse.indicators.service;

import io.parkpulse.indicators.domain.PeriodLock;
import io.parkpulse.indicators.repository.LockRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Months locked by the publication of their quarter's assessment. */
@ApplicationScoped
public class LockService {

    @Inject
    LockRepository locks;

    public List<PeriodLock> all() {
        return locks.all();
    }

    /**
     * Locks the months for the assessment. A month already locked keeps the date it was first locked (the date a
     * park was told); a later revision moves its revision and the moment this service learned of it, because the
     * revision assessed every park registered by then, which can no longer load the month as onboarding.
     */
    @Transactional
    public void lock(List<String> months, String quarter, UUID assessmentId, int revision, OffsetDateTime lockedAt) {
        for (String period : months) {
            PeriodLock lock = locks.find(period);
            if (lock == null) {
                lock = new PeriodLock();
                lock.period = period;
                lock.quarter = quarter;
                lock.assessmentId = assessmentId;
                lock.revision = revision;
                lock.lockedAt = lockedAt;
                lock.recordedAt = OffsetDateTime.now();
                lock.persist();
            } else if (!lock.assessmentId.equals(assessmentId) || revision > lock.revision) {
                lock.assessmentId = assessmentId;
                lock.revision = revision;
                lock.recordedAt = OffsetDateTime.now();
            }
        }
    }
}
