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
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rankings are read far more often than the read model changes, and every ranking of a month — the whole
 * city, any peer group, either order — is a cheap in-memory sort of the same few thousand values. So the
 * values of one indicator in one month are read once and kept. What is kept is keyed by the read model's
 * generation: a request reads the generation first and data read after it is at least that new, so kept data
 * is never older than its key, and any change anywhere makes every instance read afresh. Concurrent requests
 * for the same month wait for one read (Caffeine computes a missing key once).
 */
@ApplicationScoped
public class RankingCache {

    /** The active parks as of one generation. */
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
    private Cache<String, Month> months;

    @PostConstruct
    void init() {
        months = Caffeine.newBuilder().maximumSize(settings.months()).build();
    }

    /** The active parks as of the read model's current generation, or newer. */
    public Parks parks() {
        long generation = queries.generation();
        // A newer snapshot answers an older request too: it was read after the request's generation.
        Parks known = parks;
        if (known != null && known.generation() >= generation) {
            return known;
        }
        synchronized (this) {
            if (parks != null && parks.generation() >= generation) {
                return parks;
            }
            parks = new Parks(
                    generation,
                    queries.activeParks().stream()
                            .collect(Collectors.toUnmodifiableMap(ActivePark::code, Function.identity())));
            months.invalidateAll();
            return parks;
        }
    }

    /** One indicator's values in one month, as of the snapshot {@code p}. */
    public Month month(Parks p, String indicator, YearMonth month) {
        String key = p.generation() + "|" + indicator + "|" + month;
        Month kept = months.get(key, k -> read(p, indicator, month));
        if (p != parks) {
            // Read for a snapshot replaced meanwhile: right for this request, but not kept for the next.
            months.invalidate(key);
        }
        return kept;
    }

    private Month read(Parks p, String indicator, YearMonth month) {
        List<Rankings.Value> values = queries.values(indicator, month).stream()
                .filter(v -> p.byCode().containsKey(v.park()))
                .map(v -> new Rankings.Value(v.park(), v.value()))
                .toList();
        IndicatorLabel label =
                values.isEmpty() ? NO_LABEL : queries.label(indicator, month).orElse(NO_LABEL);
        return new Month(p, values, label);
    }
}
