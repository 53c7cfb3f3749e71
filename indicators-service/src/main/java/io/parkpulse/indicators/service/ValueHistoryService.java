package io.parkpulse.indicators.service;

import io.parkpulse.common.paging.Page;
import io.parkpulse.common.paging.PageRequest;
import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.IndicatorValue;
import io.parkpulse.indicators.domain.Periods;
import io.parkpulse.indicators.domain.ValueAudit;
import io.parkpulse.indicators.repository.IndicatorRepository;
import io.parkpulse.indicators.repository.ValueQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** What a park reported and every change to it, for reading; writes go through {@link ValueService}. */
@ApplicationScoped
public class ValueHistoryService {

    @Inject
    ParkService parks;

    @Inject
    ValueQueries queries;

    @Inject
    IndicatorRepository indicators;

    /** A page of the park's values, each shown with its catalog entry. */
    public <T> Page<T> list(
            String park,
            String indicator,
            String from,
            String to,
            PageRequest page,
            BiFunction<IndicatorValue, Indicator, T> view) {
        parks.require(park);
        Periods.Range range = Periods.range(from, to);
        Map<String, Indicator> catalog = indicators.byCode();
        return queries.page(park, indicator, range, page, v -> view.apply(v, catalog.get(v.id.indicator())));
    }

    /** A page of the park's changes, newest first unless asked otherwise. */
    public <T> Page<T> audit(
            String park, String indicator, String from, String to, PageRequest page, Function<ValueAudit, T> view) {
        parks.require(park);
        Periods.Range range = Periods.range(from, to);
        return queries.auditPage(park, indicator, range, page, view);
    }

    /** Every change of one value, in the order it was made. */
    public List<ValueAudit> history(String park, String period, String indicator) {
        parks.require(park);
        return queries.history(park, indicator, Periods.month(period, "period").toString());
    }
}
