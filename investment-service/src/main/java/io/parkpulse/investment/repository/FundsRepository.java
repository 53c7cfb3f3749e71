package io.parkpulse.investment.repository;

import io.parkpulse.investment.domain.FundsInPlace;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Funds in place (资金到位), per lead and month. */
@ApplicationScoped
public class FundsRepository {

    public List<FundsInPlace> ofLead(UUID leadId) {
        return FundsInPlace.list("id.leadId = ?1 order by id.period", leadId);
    }

    /** Every month of a park's funds up to and including a month. */
    public List<FundsInPlace> ofParkUpTo(String park, YearMonth last) {
        return FundsInPlace.list("park = ?1 and id.period <= ?2", park, last.toString());
    }

    /** One page of every row, in a fixed order: what re-publishing reads. */
    public List<FundsInPlace> all(int page, int size) {
        return FundsInPlace.<FundsInPlace>find("order by id.leadId, id.period")
                .page(page, size)
                .list();
    }
}
