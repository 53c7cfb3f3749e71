package io.parkpulse.indicators.repository;

import io.parkpulse.indicators.domain.Indicator;
import io.parkpulse.indicators.domain.IndicatorStatus;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The indicator catalog as managed entities, in the catalog's display order where order matters. */
@ApplicationScoped
public class IndicatorRepository {

    public Indicator find(String code) {
        return Indicator.findById(code);
    }

    public long count() {
        return Indicator.count();
    }

    public List<Indicator> all() {
        return Indicator.listAll(Sort.by("sortOrder"));
    }

    public Map<String, Indicator> byCode() {
        return Indicator.<Indicator>listAll().stream().collect(Collectors.toMap(i -> i.code, Function.identity()));
    }

    public List<Indicator> active() {
        return Indicator.list("status", Sort.by("sortOrder"), IndicatorStatus.ACTIVE);
    }

    /** What every active park must report each month. */
    public List<Indicator> mandatoryActive() {
        return Indicator.list("mandatory = true and status = ?1", Sort.by("sortOrder"), IndicatorStatus.ACTIVE);
    }
}
