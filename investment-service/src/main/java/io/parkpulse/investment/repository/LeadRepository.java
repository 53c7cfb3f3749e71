package io.parkpulse.investment.repository;

import io.parkpulse.common.paging.Where;
import io.parkpulse.investment.domain.Lead;
import io.parkpulse.investment.domain.LeadStage;
import io.parkpulse.investment.domain.LeadStageChange;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Queries on leads and their stage history. */
@ApplicationScoped
public class LeadRepository {

    private static final List<LeadStage> OPEN = List.of(LeadStage.LEAD, LeadStage.NEGOTIATING, LeadStage.SIGNED);

    /** A null park or stage does not filter. */
    public PanacheQuery<Lead> search(String park, LeadStage stage, Sort sort) {
        Where where = new Where().and("park = :park", "park", park).and("stage = :stage", "stage", stage);
        return Lead.find(where.query(), sort, where.params());
    }

    public List<Lead> ofPark(String park) {
        return Lead.list("park", park);
    }

    /** The open leads of a park, or of every park when {@code park} is null. */
    public List<Lead> open(String park) {
        return park == null ? Lead.list("stage in ?1", OPEN) : Lead.list("park = ?1 and stage in ?2", park, OPEN);
    }

    public List<LeadStageChange> history(UUID leadId) {
        return LeadStageChange.list("leadId = ?1 order by changedOn, id", leadId);
    }

    /** The stage changes of many leads, oldest first. */
    public List<LeadStageChange> histories(Collection<UUID> leadIds) {
        return leadIds.isEmpty() ? List.of() : LeadStageChange.list("leadId in ?1 order by changedOn, id", leadIds);
    }

    /** One page of every row, in a fixed order: what re-publishing reads. */
    public List<Lead> all(int page, int size) {
        return Lead.<Lead>find("order by id").page(page, size).list();
    }
}
