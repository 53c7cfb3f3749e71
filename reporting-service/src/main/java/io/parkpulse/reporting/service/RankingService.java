package io.parkpulse.reporting.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.periods.ReportingPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks parks on one indicator from the read model, with each park's rank in the previous period.
 * Rankings are read far more often than the read model changes, so they are kept in memory under the
 * read model's generation (V7: bumped by a trigger in the same transaction as any change). A request
 * reads the generation first; data read after it is at least that new, so a cached answer is never
 * older than its key, and any change anywhere makes every instance compute afresh.
 */
@ApplicationScoped
public class RankingService {

    /** Distinct rankings kept; a city has a few dozen indicators and months in daily use. */
    static final int CACHED = 512;

    @Inject
    EntityManager em;

    private final Map<String, Ranking> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ranking> eldest) {
            return size() > CACHED;
        }
    });

    public Ranking rank(String indicator, ReportingPeriod period, String peerGroup, boolean ascending) {
        long generation = ((Number) em.createNativeQuery("select generation from read_model_generation where id = 1")
                .getSingleResult()).longValue();
        String key = generation + "|" + indicator + "|" + period.text() + "|" + peerGroup + "|" + ascending;
        Ranking cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Ranking fresh = compute(indicator, period, peerGroup, ascending);
        cache.put(key, fresh);
        return fresh;
    }

    public record Entry(int rank, String park, String parkName, String peerGroup, BigDecimal value, Integer previousRank,
            Integer rankChange) {
    }

    public record Ranking(String indicator, String indicatorName, String unit, String period, String valueMonth,
            String peerGroup, boolean ascending, List<Entry> entries) {
    }

    /**
     * Competition ranking (1, 2, 2, 4): parks with equal values share a rank. {@code rankChange} is
     * positive when a park moved up. Parks that did not report are not ranked.
     */
    private Ranking compute(String indicator, ReportingPeriod period, String peerGroup, boolean ascending) {
        String order = ascending ? "asc" : "desc";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with cur as (
                    select f.park_code, f.value, f.unit, f.indicator_name,
                           rank() over (order by f.value %1$s) as rnk
                      from indicator_fact f join park_replica p on p.code = f.park_code
                     where f.indicator_code = ?1 and f.period = ?2 and p.status = 'ACTIVE'
                       and (cast(?4 as varchar) is null or p.peer_group = ?4)),
                prev as (
                    select f.park_code, rank() over (order by f.value %1$s) as rnk
                      from indicator_fact f join park_replica p on p.code = f.park_code
                     where f.indicator_code = ?1 and f.period = ?3 and p.status = 'ACTIVE'
                       and (cast(?4 as varchar) is null or p.peer_group = ?4))
                select cur.rnk, cur.park_code, p.name, p.peer_group, cur.value, prev.rnk, cur.unit, cur.indicator_name
                  from cur join park_replica p on p.code = cur.park_code
                  left join prev on prev.park_code = cur.park_code
                 order by cur.rnk, cur.park_code
                """.formatted(order))
                .setParameter(1, indicator)
                .setParameter(2, period.lastMonth().toString())
                .setParameter(3, period.previousLastMonth().toString())
                .setParameter(4, peerGroup)
                .getResultList();
        if (rows.isEmpty() && !known(indicator)) {
            throw ProblemException.badRequest("indicator", "unknown_indicator",
                    "no park has reported indicator '" + indicator + "'");
        }
        List<Entry> entries = new ArrayList<>(rows.size());
        String unit = null;
        String name = null;
        for (Object[] r : rows) {
            int rank = ((Number) r[0]).intValue();
            Integer prev = r[5] == null ? null : ((Number) r[5]).intValue();
            entries.add(new Entry(rank, (String) r[1], (String) r[2], (String) r[3], (BigDecimal) r[4], prev,
                    prev == null ? null : prev - rank));
            unit = (String) r[6];
            name = (String) r[7];
        }
        return new Ranking(indicator, name, unit, period.text(), period.lastMonth().toString(), peerGroup, ascending,
                List.copyOf(entries));
    }

    private boolean known(String indicator) {
        return !em.createNativeQuery("select 1 from indicator_fact where indicator_code = ?1 limit 1")
                .setParameter(1, indicator).getResultList().isEmpty();
    }
}
