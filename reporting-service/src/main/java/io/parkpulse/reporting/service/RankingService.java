package io.parkpulse.reporting.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.paging.Page;
import io.parkpulse.common.periods.ReportingPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ranks parks on one indicator from the read model, with each park's rank in the previous period.
 *
 * <p>Rankings are read far more often than the read model changes, and every ranking of a month — the whole
 * city, any peer group, either order — is a cheap in-memory sort of the same few thousand values. So the
 * values of one indicator in one month are read once and kept, and rankings are computed from them per
 * request. What is kept is keyed by the read model's generation (V7: bumped by a trigger in the same
 * transaction as any change). A request reads the generation first; data read after it is at least that
 * new, so kept data is never older than its key, and any change anywhere makes every instance read afresh.
 * Concurrent requests for the same month wait for one read instead of each running it.
 */
@ApplicationScoped
public class RankingService {

    @Inject
    EntityManager em;

    /** Indicator-months kept (about 120 KB each for 2,700 parks). */
    @ConfigProperty(name = "parkpulse.reporting.ranking-cache.months", defaultValue = "1024")
    int cachedMonths;

    private volatile Parks parks;
    private final Map<String, Month> months = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Month> eldest) {
            return size() > cachedMonths;
        }
    });
    private final ConcurrentHashMap<String, CompletableFuture<Month>> loading = new ConcurrentHashMap<>();

    public record Entry(
            int rank,
            String park,
            String parkName,
            String peerGroup,
            BigDecimal value,
            Integer previousRank,
            Integer rankChange) {}

    /** {@code entries}: the requested page of the ranking ({@code page}, {@code size}) out of {@code total} parks. */
    public record Ranking(
            String indicator,
            String indicatorName,
            String unit,
            String period,
            String valueMonth,
            String peerGroup,
            boolean ascending,
            List<Entry> entries,
            int page,
            int size,
            long total) {

        public Ranking page(int page, int size) {
            return new Ranking(
                    indicator,
                    indicatorName,
                    unit,
                    period,
                    valueMonth,
                    peerGroup,
                    ascending,
                    Page.window(entries, page, size),
                    page,
                    size,
                    entries.size());
        }
    }

    /** The active parks as of one generation; months refer to them by position. */
    record Parks(long generation, Map<String, Integer> index, String[] code, String[] name, String[] group) {}

    /**
     * One indicator's values in one month, for the active parks that reported it. The whole city's order is
     * sorted once, when first asked for; a peer group's few dozen parks are picked out and sorted per request.
     */
    static final class Month {
        final Parks parks;
        final int[] park;
        final BigDecimal[] value;
        final String unit;
        final String indicatorName;
        private volatile int[] descending;
        private volatile int[] ascending;

        Month(Parks parks, int[] park, BigDecimal[] value, String unit, String indicatorName) {
            this.parks = parks;
            this.park = park;
            this.value = value;
            this.unit = unit;
            this.indicatorName = indicatorName;
        }

        /** Positions of the peer group's parks (all parks without one), best first; equal values by park code. */
        int[] members(String peerGroup, boolean lowerFirst) {
            if (peerGroup == null) {
                int[] order = lowerFirst ? ascending : descending;
                if (order == null) {
                    order = sorted(IntStream.range(0, park.length).toArray(), lowerFirst);
                    if (lowerFirst) {
                        ascending = order;
                    } else {
                        descending = order;
                    }
                }
                return order;
            }
            int[] members = new int[park.length];
            int n = 0;
            for (int i = 0; i < park.length; i++) {
                if (peerGroup.equals(parks.group()[park[i]])) {
                    members[n++] = i;
                }
            }
            return sorted(Arrays.copyOf(members, n), lowerFirst);
        }

        private int[] sorted(int[] positions, boolean lowerFirst) {
            Integer[] order = Arrays.stream(positions).boxed().toArray(Integer[]::new);
            Arrays.sort(order, (a, b) -> {
                int byValue = lowerFirst ? value[a].compareTo(value[b]) : value[b].compareTo(value[a]);
                return byValue != 0 ? byValue : parks.code()[park[a]].compareTo(parks.code()[park[b]]);
            });
            return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Competition ranking (1, 2, 2, 4): parks with equal values share a rank; equal ranks are listed by park
     * code. {@code rankChange} is positive when a park moved up. Parks that did not report are not ranked.
     */
    public Ranking rank(String indicator, ReportingPeriod period, String peerGroup, boolean ascending) {
        long generation = ((Number) em.createNativeQuery("select generation from read_model_generation where id = 1")
                        .getSingleResult())
                .longValue();
        Parks p = parks(generation);
        Month cur = month(p, indicator, period.lastMonth());
        Month prev = month(p, indicator, period.previousLastMonth());
        if (cur.park.length == 0 && !known(indicator)) {
            throw ProblemException.badRequest(
                    "indicator", "unknown_indicator", "no park has reported indicator '" + indicator + "'");
        }
        int[] order = cur.members(peerGroup, ascending);
        int[] ranks = ranks(cur, order);
        int[] prevOrder = prev.members(peerGroup, ascending);
        int[] prevRanks = ranks(prev, prevOrder);
        int[] previousRank = new int[p.code().length];
        for (int i = 0; i < prevOrder.length; i++) {
            previousRank[prev.park[prevOrder[i]]] = prevRanks[i];
        }
        List<Entry> entries = new ArrayList<>(order.length);
        for (int i = 0; i < order.length; i++) {
            int park = cur.park[order[i]];
            Integer before = previousRank[park] == 0 ? null : previousRank[park];
            entries.add(new Entry(
                    ranks[i],
                    p.code()[park],
                    p.name()[park],
                    p.group()[park],
                    cur.value[order[i]],
                    before,
                    before == null ? null : before - ranks[i]));
        }
        return new Ranking(
                indicator,
                cur.indicatorName,
                cur.unit,
                period.text(),
                period.lastMonth().toString(),
                peerGroup,
                ascending,
                List.copyOf(entries),
                0,
                entries.size(),
                entries.size());
    }

    private static int[] ranks(Month m, int[] order) {
        int[] ranks = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            boolean tie = i > 0 && m.value[order[i]].compareTo(m.value[order[i - 1]]) == 0;
            ranks[i] = tie ? ranks[i - 1] : i + 1;
        }
        return ranks;
    }

    private Parks parks(long generation) {
        // A newer snapshot answers an older request too: it was read after the request's generation.
        Parks known = parks;
        if (known != null && known.generation() >= generation) {
            return known;
        }
        synchronized (this) {
            if (parks != null && parks.generation() >= generation) {
                return parks;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select code, name, peer_group from park_replica where status = 'ACTIVE' order by code")
                    .getResultList();
            Map<String, Integer> index = new HashMap<>(rows.size() * 2);
            String[] code = new String[rows.size()];
            String[] name = new String[rows.size()];
            String[] group = new String[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                code[i] = (String) rows.get(i)[0];
                name[i] = (String) rows.get(i)[1];
                group[i] = (String) rows.get(i)[2];
                index.put(code[i], i);
            }
            parks = new Parks(generation, index, code, name, group);
            months.clear();
            return parks;
        }
    }

    private Month month(Parks p, String indicator, YearMonth month) {
        String key = p.generation() + "|" + indicator + "|" + month;
        Month kept = months.get(key);
        if (kept != null) {
            return kept;
        }
        CompletableFuture<Month> mine = new CompletableFuture<>();
        CompletableFuture<Month> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            Month read = read(p, indicator, month);
            if (p == parks) {
                months.put(key, read);
            }
            mine.complete(read);
            return read;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    /**
     * Park and value only, so that the covering index (V6) answers without touching the table; over the JDBC
     * connection itself, as thousands of rows are read on every miss.
     */
    private Month read(Parks p, String indicator, YearMonth month) {
        return em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
            List<Integer> parks = new ArrayList<>();
            List<BigDecimal> values = new ArrayList<>();
            try (var ps = c.prepareStatement(
                    "select park_code, value from indicator_fact where indicator_code = ? and period = ?")) {
                ps.setString(1, indicator);
                ps.setString(2, month.toString());
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer i = p.index().get(rs.getString(1));
                        if (i != null) {
                            parks.add(i);
                            values.add(rs.getBigDecimal(2));
                        }
                    }
                }
            }
            String unit = null;
            String name = null;
            if (!parks.isEmpty()) {
                try (var ps = c.prepareStatement(
                        "select unit, indicator_name from indicator_fact where indicator_code = ? and period = ? limit 1")) {
                    ps.setString(1, indicator);
                    ps.setString(2, month.toString());
                    try (var rs = ps.executeQuery()) {
                        if (rs.next()) {
                            unit = rs.getString(1);
                            name = rs.getString(2);
                        }
                    }
                }
            }
            return new Month(
                    p,
                    parks.stream().mapToInt(Integer::intValue).toArray(),
                    values.toArray(BigDecimal[]::new),
                    unit,
                    name);
        });
    }

    private boolean known(String indicator) {
        return !em.createNativeQuery("select 1 from indicator_fact where indicator_code = ?1 limit 1")
                .setParameter(1, indicator)
                .getResultList()
                .isEmpty();
    }
}
