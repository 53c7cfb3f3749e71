package io.parkpulse.investment.repository;

import io.parkpulse.common.paging.Where;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.investment.domain.Activity;
import io.parkpulse.investment.domain.ActivityFilter;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Queries on investment promotion activities. */
@ApplicationScoped
public class ActivityRepository {

    public PanacheQuery<Activity> search(ActivityFilter s, Sort sort) {
        ReportingPeriod held = s.heldIn();
        Where where = new Where()
                .and("park = :park", "park", s.park())
                .and("kind = :kind", "kind", s.kind())
                .andIf(
                        held != null,
                        "heldOn between :first and :last",
                        held == null ? Map.of() : Map.of("first", held.firstDay(), "last", held.lastDay()))
                .and(":lead member of leadIds", "lead", s.lead());
        return Activity.find(where.query(), sort, where.params());
    }

    public List<Activity> heldBetween(String park, LocalDate first, LocalDate last) {
        return Activity.list("park = ?1 and heldOn between ?2 and ?3", park, first, last);
    }

    /** The activities that touched any of these leads. */
    public List<Activity> touching(Collection<UUID> leadIds) {
        return leadIds.isEmpty()
                ? List.of()
                : Activity.list("select distinct a from Activity a join a.leadIds l where l in ?1", leadIds);
    }

    /** One page of every row, in a fixed order: what re-publishing reads. */
    public List<Activity> all(int page, int size) {
        return Activity.<Activity>find("order by id").page(page, size).list();
    }
}
