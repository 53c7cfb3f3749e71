package io.parkpulse.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.math.BigDecimal;
import java.util.List;

/** The parks and targets the city's comparisons and progress gaps read. */
@ApplicationScoped
public class CityQueries {

    @Inject
    EntityManager em;

    public record ActivePark(String code, String name, String peerGroup) {}

    /** A park's positive annual target for an indicator and year; {@code plannedGrowthPct} may be unknown. */
    public record AnnualTarget(String park, BigDecimal annual, BigDecimal plannedGrowthPct) {}

    /** Active parks, of one peer group or (null) all, by code. */
    public List<ActivePark> activeParks(String peerGroup) {
        return tuples("""
                select code, name, peer_group from park_replica
                 where status = 'ACTIVE' and (cast(?1 as varchar) is null or peer_group = ?1) order by code
                """, peerGroup).stream()
                .map(t -> new ActivePark(
                        t.get("code", String.class), t.get("name", String.class), t.get("peer_group", String.class)))
                .toList();
    }

    public List<AnnualTarget> positiveTargets(String indicator, int year) {
        return tuples("""
                select park_code, annual, planned_growth_pct from target_fact where indicator_code = ?1 and year = ?2 and annual > 0
                """, indicator, year).stream()
                .map(t -> new AnnualTarget(
                        t.get("park_code", String.class),
                        t.get("annual", BigDecimal.class),
                        t.get("planned_growth_pct", BigDecimal.class)))
                .toList();
    }

    private List<Tuple> tuples(String sql, Object... params) {
        var q = em.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        List<?> rows = q.getResultList();
        return rows.stream().map(Tuple.class::cast).toList();
    }
}
