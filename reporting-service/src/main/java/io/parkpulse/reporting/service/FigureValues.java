package io.parkpulse.reporting.service;

import io.parkpulse.reporting.domain.Figure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures per park for a month, from the read model: value (year to date for cumulative indicators,
 * as reported), growth on the same month last year in %, completion of the annual target in %, and
 * value per mu of developed land. A figure a park lacks the data for is absent, never zero.
 */
@ApplicationScoped
public class FigureValues {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    EntityManager em;

    /** figure → park → value. */
    public Map<Figure, Map<String, BigDecimal>> of(List<Figure> figures, YearMonth month) {
        Map<Figure, Map<String, BigDecimal>> out = new HashMap<>();
        Map<String, Map<String, BigDecimal>> current = new HashMap<>();
        Map<String, Map<String, BigDecimal>> lastYear = new HashMap<>();
        Map<String, BigDecimal> land = null;
        for (Figure f : figures) {
            Map<String, BigDecimal> now = current.computeIfAbsent(f.indicator(), i -> values(i, month));
            Map<String, BigDecimal> values = new HashMap<>();
            switch (f.kind()) {
                case VALUE -> values.putAll(now);
                case GROWTH -> {
                    Map<String, BigDecimal> before =
                            lastYear.computeIfAbsent(f.indicator(), i -> values(i, month.minusYears(1)));
                    now.forEach((park, v) -> {
                        BigDecimal b = before.get(park);
                        if (b != null && b.signum() > 0) {
                            values.put(
                                    park,
                                    v.multiply(HUNDRED)
                                            .divide(b, 2, RoundingMode.HALF_UP)
                                            .subtract(HUNDRED));
                        }
                    });
                }
                case COMPLETION -> {
                    Map<String, BigDecimal> targets = targets(f.indicator(), month.getYear());
                    now.forEach((park, v) -> {
                        BigDecimal t = targets.get(park);
                        if (t != null && t.signum() > 0) {
                            values.put(park, v.multiply(HUNDRED).divide(t, 2, RoundingMode.HALF_UP));
                        }
                    });
                }
                case PER_MU -> {
                    if (land == null) {
                        land = land();
                    }
                    Map<String, BigDecimal> mu = land;
                    now.forEach((park, v) -> {
                        BigDecimal m = mu.get(park);
                        if (m != null && m.signum() > 0) {
                            values.put(park, v.divide(m, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP));
                        }
                    });
                }
            }
            out.put(f, values);
        }
        return out;
    }

    private Map<String, BigDecimal> values(String indicator, YearMonth month) {
        return rows(
                "select park_code, value from indicator_fact where indicator_code = ?1 and period = ?2",
                indicator,
                month.toString());
    }

    private Map<String, BigDecimal> targets(String indicator, int year) {
        return rows(
                "select park_code, annual from target_fact where indicator_code = ?1 and year = ?2 and annual is not null",
                indicator,
                year);
    }

    private Map<String, BigDecimal> land() {
        return rows("select code, developed_land_mu from park_replica where developed_land_mu is not null");
    }

    @SuppressWarnings("unchecked")
    private Map<String, BigDecimal> rows(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        Map<String, BigDecimal> out = new HashMap<>();
        for (Object[] r : (List<Object[]>) q.getResultList()) {
            out.put((String) r[0], (BigDecimal) r[1]);
        }
        return out;
    }

    public boolean knownIndicator(String code) {
        return StandardIndicators.CODES.contains(code)
                || !em.createNativeQuery("select 1 from indicator_fact where indicator_code = ?1 limit 1")
                        .setParameter(1, code)
                        .getResultList()
                        .isEmpty();
    }
}
