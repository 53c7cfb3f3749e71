package io.parkpulse.investment.repository;

import io.parkpulse.investment.domain.InvestmentTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The parks' investment targets. */
@ApplicationScoped
public class TargetRepository {

    /** The targets of a park by period, or of every park by park and period when {@code park} is null. */
    public List<InvestmentTarget> list(String park) {
        return park == null
                ? InvestmentTarget.list("order by id.park, id.period")
                : InvestmentTarget.list("id.park = ?1 order by id.period", park);
    }

    /** The target of a park for a period text (YYYY-Qn or YYYY), or null. */
    public InvestmentTarget of(String park, String period) {
        return InvestmentTarget.findById(new InvestmentTarget.Key(park, period));
    }

    /** One page of every row, in a fixed order: what re-publishing reads. */
    public List<InvestmentTarget> all(int page, int size) {
        return InvestmentTarget.<InvestmentTarget>find("order by id.park, id.period")
                .page(page, size)
                .list();
    }
}
