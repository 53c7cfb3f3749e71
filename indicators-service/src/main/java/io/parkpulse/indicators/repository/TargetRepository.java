package io.parkpulse.indicators.repository;

import io.parkpulse.indicators.domain.IndicatorTarget;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A park's yearly targets. */
@ApplicationScoped
public class TargetRepository {

    public IndicatorTarget find(IndicatorTarget.Key key) {
        return IndicatorTarget.findById(key);
    }

    /** The park's targets of one year in any order. */
    public List<IndicatorTarget> ofYear(String park, int year) {
        return IndicatorTarget.list("id.park = ?1 and id.year = ?2", park, year);
    }

    /** The park's targets by year, then indicator; of one year only when {@code year} is set. */
    public List<IndicatorTarget> ofPark(String park, Integer year) {
        return year == null
                ? IndicatorTarget.list("id.park = ?1 order by id.year, id.indicator", park)
                : IndicatorTarget.list("id.park = ?1 and id.year = ?2 order by id.indicator", park, year);
    }

    /** One page of every target, by park, indicator and year: what re-publishing reads. */
    public List<IndicatorTarget> all(int page, int size) {
        return IndicatorTarget.<IndicatorTarget>find("order by id.park, id.indicator, id.year")
                .page(page, size)
                .list();
    }

    public void flush() {
        IndicatorTarget.flush();
    }
}
