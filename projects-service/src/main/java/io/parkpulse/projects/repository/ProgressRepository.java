package io.parkpulse.projects.repository;

import io.parkpulse.projects.domain.ProgressReport;
import io.parkpulse.projects.domain.ProgressRevision;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Monthly progress reports and their revisions. */
@ApplicationScoped
public class ProgressRepository {

    public List<ProgressReport> reports(UUID projectId) {
        return ProgressReport.list("id.projectId = ?1 order by id.period", projectId);
    }

    public List<ProgressRevision> revisions(UUID projectId, YearMonth period) {
        return ProgressRevision.list("projectId = ?1 and period = ?2 order by revision", projectId, period.toString());
    }

    /** The nearest report before a month, or null. */
    public ProgressReport before(UUID projectId, YearMonth period) {
        return ProgressReport.<ProgressReport>find(
                        "id.projectId = ?1 and id.period < ?2 order by id.period desc", projectId, period.toString())
                .firstResult();
    }

    /** The nearest report after a month, or null. */
    public ProgressReport after(UUID projectId, YearMonth period) {
        return ProgressReport.<ProgressReport>find(
                        "id.projectId = ?1 and id.period > ?2 order by id.period", projectId, period.toString())
                .firstResult();
    }

    /** The reports of many projects up to a month, oldest first, so the last one per project is its latest. */
    public List<ProgressReport> upTo(Collection<UUID> projectIds, YearMonth month) {
        return ProgressReport.list(
                "id.projectId in ?1 and id.period <= ?2 order by id.period", projectIds, month.toString());
    }

    /** A month's report with its project's park, which the report's own row does not hold. */
    public record ParkReport(ProgressReport report, String park) {}

    /** One page of every project's monthly reports, by project and month: what re-publishing reads. */
    public List<ParkReport> all(int page, int size) {
        return ProgressReport.getEntityManager()
                .createQuery(
                        "select r, p.park from ProgressReport r, Project p where p.id = r.id.projectId"
                                + " order by r.id.projectId, r.id.period",
                        Object[].class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList()
                .stream()
                .map(row -> new ParkReport((ProgressReport) row[0], (String) row[1]))
                .toList();
    }
}
