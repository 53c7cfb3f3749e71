package io.parkpulse.projects.repository;

import io.parkpulse.projects.domain.StageChange;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The stage history of projects. */
@ApplicationScoped
public class StageChangeRepository {

    public List<StageChange> history(UUID projectId) {
        return StageChange.list("projectId = ?1 order by changedOn, id", projectId);
    }

    /** The changes of many projects up to a day, oldest first, so the last one per project is its stage then. */
    public List<StageChange> upTo(Collection<UUID> projectIds, LocalDate end) {
        return StageChange.list("projectId in ?1 and changedOn <= ?2 order by changedOn, id", projectIds, end);
    }
}
