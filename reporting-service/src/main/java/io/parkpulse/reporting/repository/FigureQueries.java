package io.parkpulse.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per-park numbers the figures are computed from: values, annual targets and developed land. */
@ApplicationScoped
public class FigureQueries {

    @Inject
    EntityManager em;

    /** park → the indicator's value in the month (year to date for cumulative indicators). */
    public Map<String, BigDecimal> values(String indicator, YearMonth month) {
        return byPark(
                "select park_code as park, value as v from indicator_fact where indicator_code = ?1 and period = ?2",
                indicator,
                month.toString());
    }

    /** park → the indicator's annual target for the year, where one is set. */
    public Map<String, BigDecimal> targets(String indicator, int year) {
        return byPark(
                "select park_code as park, annual as v from target_fact where indicator_code = ?1 and year = ?2 and annual is not null",
                indicator,
                year);
    }

    /** park → developed land in mu, where known (any status). */
    public Map<String, BigDecimal> land() {
        return byPark(
                "select code as park, developed_land_mu as v from park_replica where developed_land_mu is not null");
    }

    public boolean anyValueOf(String indicator) {
        return !em.createNativeQuery("select 1 from indicator_fact where indicator_code = ?1 limit 1")
                .setParameter(1, indicator)
                .getResultList()
                .isEmpty();
    }

    private Map<String, BigDecimal> byPark(String sql, Object... params) {
        var q = em.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        List<?> rows = q.getResultList();
        Map<String, BigDecimal> out = new HashMap<>();
        for (Object row : rows) {
            Tuple t = (Tuple) row;
            out.put(t.get("park", String.class), t.get("v", BigDecimal.class));
        }
        return out;
    }
}
