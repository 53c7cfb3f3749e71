package io.parkpulse.projects.repository;

import io.parkpulse.common.paging.Where;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.projects.domain.Problem;
import io.parkpulse.projects.domain.ProblemFilter;
import io.parkpulse.projects.domain.ProblemRules;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The problem ledger. */
@ApplicationScoped
public class ProblemRepository {

    /** How many problems of a park (or of every park) were in each state for a period. */
    public record PeriodCounts(long raised, long resolvedOfRaised, long resolvedInPeriod, long open, long overdue) {}

    /** Open on {@code :cutoff}: raised by then and not resolved by then. */
    static final String OPEN = "raisedOn <= :cutoff and (resolvedOn is null or resolvedOn > :cutoff)";

    /** {@link ProblemRules#overdue} as a query: open on {@code :cutoff} and due before it. */
    static final String OVERDUE = OPEN + " and dueOn < :cutoff";

    public List<Problem> ofProject(UUID projectId) {
        return Problem.list("projectId = ?1 order by raisedOn, createdAt", projectId);
    }

    public PanacheQuery<Problem> ledger(ProblemFilter l, Sort sort) {
        ReportingPeriod raised = l.raisedIn();
        Where where = new Where()
                .and("park = :park", "park", l.park())
                .and("status = :status", "status", l.status())
                .andIf(
                        raised != null,
                        "raisedOn between :first and :last",
                        raised == null ? Map.of() : Map.of("first", raised.firstDay(), "last", raised.lastDay()))
                .and(OVERDUE, "cutoff", l.overdueOn());
        return Problem.find(where.query(), sort, where.params());
    }

    /**
     * The counts of a period. Open and overdue are judged on {@code cutoff}, the period's
     * {@code ScheduleRules.cutoff}: its last day, or today while it runs.
     */
    public PeriodCounts counts(String park, ReportingPeriod period, LocalDate cutoff) {
        LocalDate first = period.firstDay();
        LocalDate last = period.lastDay();
        String scope = park == null ? "" : " and park = :park";
        Map<String, Object> params = new HashMap<>(Map.of("first", first, "last", last, "cutoff", cutoff));
        if (park != null) {
            params.put("park", park);
        }
        return new PeriodCounts(
                count("raisedOn between :first and :last" + scope, params),
                count("raisedOn between :first and :last and resolvedOn <= :last" + scope, params),
                count("resolvedOn between :first and :last" + scope, params),
                count(OPEN + scope, params),
                count(OVERDUE + scope, params));
    }

    /** Hibernate refuses parameters a query does not use: bind only those it names. */
    private static long count(String query, Map<String, Object> params) {
        Map<String, Object> used = new HashMap<>();
        params.forEach((k, v) -> {
            if (query.contains(":" + k)) {
                used.put(k, v);
            }
        });
        return Problem.count(query, used);
    }

    /** One page of every problem, by id: what re-publishing reads. */
    public List<Problem> all(int page, int size) {
        return Problem.<Problem>find("order by id").page(page, size).list();
    }
}
