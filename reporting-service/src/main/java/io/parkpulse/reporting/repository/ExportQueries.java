package io.parkpulse.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What exports read beyond the figures: how the catalog names each indicator and its unit. */
@ApplicationScoped
public class ExportQueries {

    /** An indicator's Chinese name (null when the events did not carry one) and canonical unit. */
    public record IndicatorLabel(String name, String unit) {}

    @Inject
    EntityManager em;

    /**
     * The name and unit each indicator was last reported with; indicators never reported are absent. One
     * index lookup per indicator (the ranking index is on code and period), a handful per export.
     */
    public Map<String, IndicatorLabel> labels(Collection<String> indicators) {
        Map<String, IndicatorLabel> out = new LinkedHashMap<>();
        for (String code : indicators) {
            if (out.containsKey(code)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery(
                            "select indicator_name, unit from indicator_fact where indicator_code = ?1 "
                                    + "order by period desc limit 1",
                            Tuple.class)
                    .setParameter(1, code)
                    .getResultList();
            if (!rows.isEmpty()) {
                out.put(
                        code,
                        new IndicatorLabel(
                                rows.get(0).get("indicator_name", String.class),
                                rows.get(0).get("unit", String.class)));
            }
        }
        return out;
    }
}
