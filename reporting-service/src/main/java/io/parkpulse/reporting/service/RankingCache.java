package io.parkpulse.reporting.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parkpulse.reporting.config.RankingCacheSettings;
import io.parkpulse.reporting.domain.Rankings;
import io.parkpulse.reporting.repository.RankingQueries;
import io.parkpulse.reporting.repository.RankingQueries.ActivePark;
import io.parkpulse.reporting.repository.RankingQueries.IndicatorLabel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rankings are read far more often than the read model changes, and every ranking of a month — the whole
 * city, any peer group, either order — is a cheap in-memory sort of the same few thousand values. So the
 * values of one indicator in one month are read once and kept until a value of that indicator and month
 * changes. Triggers stamp each changed indicator-month with the read model's new generation in the
 * transaction of the change, whoever makes it (V11); a request reads the generation first and, when it moved
 * since this instance last looked, drops exactly the indicator-months stamped since, before it reads anything
 * kept. So a request never gets data older than the generation it read, every instance sees every change
 * (whichever instance's consumer applied it), and a value of one indicator leaves every other indicator's
 * rankings, and its own other months', as they were. A change of the parks or a truncate (a rebuild) drops
 * everything. Concurrent requests for the same month wait for one read (Caffeine computes a missing key
 * once; dropping a key that is being computed waits for the computation and removes its result).
 */
@ApplicationScoped
public class RankingCache {

    /** The active parks, read when {@code generation} was current. */
    public record Parks(long generation, Map<String, ActivePark> byCode) {}

    /**
     * One indicator's values in one month, for the active parks that reported it. The whole city's order is
     * sorted once, when first asked for; a peer group's few dozen parks are picked out and sorted per request.
     */
    public static final class Month {
        private final Parks parks;
        private final List<Rankings.Value> values;
        private final IndicatorLabel label;
        private volatile List<Rankings.Place> descending;
        private volatile List<Rankings.Place> ascending;

        Month(Parks parks, List<Rankings.Value> values, IndicatorLabel label) {
            this.parks = parks;
            this.values = values;
            this.label = label;
        }

        public boolean isEmpty() {
            return values.isEmpty();
        }

        public IndicatorLabel label() {
            return label;
        }

        public Parks parks() {
            return parks;
        }

        /** Park → value, for the figures computed from this month's values. */
        public Map<String, BigDecimal> byPark() {
            Map<String, BigDecimal> out = new HashMap<>();
            values.forEach(v -> out.put(v.park(), v.value()));
            return out;
        }

        /** The peer group's ranking (the whole city's without one). */
        public List<Rankings.Place> ranking(String peerGroup, boolean lowerFirst) {
            if (peerGroup != null) {
                return Rankings.rank(
                        values.stream()
                                .filter(v -> peerGroup.equals(
                                        parks.byCode().get(v.park()).peerGroup()))
                                .toList(),
                        lowerFirst);
            }
            List<Rankings.Place> order = lowerFirst ? ascending : descending;
            if (order == null) {
                order = Rankings.rank(values, lowerFirst);
                if (lowerFirst) {
                    ascending = order;
                } else {
                    descending = order;
                }
            }
            return order;
        }
    }

    private static final IndicatorLabel NO_LABEL = new IndicatorLabel(null, null);

    @Inject
    RankingQueries queries;

    @Inject
    RankingCacheSettings settings;

    private volatile Parks parks;
    /** The generation whose changes have been applied to what is kept; -1: nothing applied yet. */
    private volatile long seen = -1;
    /** The generation at which the parks were last read. */
    private long parksSeen = -1;

    private final AtomicLong reads = new AtomicLong();
    private Cache<String, Month> months;

    @PostConstruct
    void init() {
        months = Caffeine.newBuilder().maximumSize(settings.months()).build();
    }

    /**
     * The active parks, after dropping whatever changed up to the read model's current generation; call it
     * before {@link #month}.
     */
    public Parks parks() {
        // Each request reads what changed since the generation applied when it started, outside the lock; applying
        // is idempotent, so requests may apply overlapping lists in any order, and only the newest generation counts.
        RankingQueries.Changes changes = queries.changesSince(seen);
        if (changes.generation() <= seen && parks != null) {
            return parks;
        }
        synchronized (this) {
            if (parks == null || changes.everythingChangedAt() > parksSeen) {
                parks = new Parks(
                        changes.generation(),
                        queries.activeParks().stream()
                                .collect(Collectors.toUnmodifiableMap(ActivePark::code, Function.identity())));
                parksSeen = changes.generation();
                months.invalidateAll();
            } else {
                changes.months().forEach(m -> months.invalidate(key(m.indicator(), m.month())));
            }
            if (changes.generation() > seen) {
                seen = changes.generation();
            }
            return parks;
        }
    }

    /** One indicator's values in one month, as of the snapshot {@code p}. */
    public Month month(Parks p, String indicator, YearMonth month) {
        String key = key(indicator, month);
        Month kept = months.get(key, k -> read(p, indicator, month));
        if (kept.parks() == p) {
            return kept;
        }
        // Kept under other parks than this request's (they changed meanwhile): read afresh, and keep that
        // only if the parks are still the current ones and nothing dropped the key in between.
        Month fresh = read(p, indicator, month);
        if (p == parks) {
            months.asMap().replace(key, kept, fresh);
        }
        return fresh;
    }

    /** What is kept for the indicator-month, or null; for tests that check what a change dropped. */
    public Month kept(String indicator, YearMonth month) {
        return months.getIfPresent(key(indicator, month));
    }

    /** Indicator-months read from the database so far; for tests and benchmarks. */
    public long reads() {
        return reads.get();
    }

    private static String key(String indicator, YearMonth month) {
        return indicator + "|" + month;
    }

    private Month read(Parks p, String indicator, YearMonth month) {
        reads.incrementAndGet();
        List<Rankings.Value> values = queries.values(indicator, month).stream()
                .filter(v -> p.byCode().containsKey(v.park()))
                .map(v -> new Rankings.Value(v.park(), v.value()))
                .toList();
        IndicatorLabel label =
                values.isEmpty() ? NO_LABEL : queries.label(indicator, month).orElse(NO_LABEL);
        return new Month(p, values, label);
    }
}
