package io.parkpulse.indicators.repository;

import io.parkpulse.indicators.domain.PeriodLock;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Months locked by a published assessment. */
@ApplicationScoped
public class LockRepository {

    public PeriodLock find(String period) {
        return PeriodLock.findById(period);
    }

    public List<PeriodLock> all() {
        return PeriodLock.listAll(Sort.by("period"));
    }
}
