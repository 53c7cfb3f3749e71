package io.parkpulse.reporting.service;

import io.parkpulse.common.error.ProblemException;
import io.parkpulse.common.periods.ReportingPeriod;
import io.parkpulse.reporting.domain.Rankings;
import io.parkpulse.reporting.repository.RankingQueries;
import io.parkpulse.reporting.repository.RankingQueries.ActivePark;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ranks parks on one indicator from the read model, with each park's rank in the previous period. */
@ApplicationScoped
public class RankingService {

    @Inject
    RankingCache cache;

    @Inject
    RankingQueries queries;

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
            long total)
            implements RankingResult {

        public Ranking page(int page, int size) {
            return new Ranking(
                    indicator,
                    indicatorName,
                    unit,
                    period,
                    valueMonth,
                    peerGroup,
                    ascending,
                    Rankings.page(entries, page, size),
                    page,
                    size,
                    entries.size());
        }
    }

    /**
     * Competition ranking (1, 2, 2, 4): parks with equal values share a rank; equal ranks are listed by park
     * code. {@code rankChange} is positive when a park moved up. Parks that did not report are not ranked.
     */
    public Ranking rank(String indicator, ReportingPeriod period, String peerGroup, boolean ascending) {
        RankingCache.Parks parks = cache.parks();
        RankingCache.Month cur = cache.month(parks, indicator, period.lastMonth());
        RankingCache.Month prev = cache.month(parks, indicator, period.previousLastMonth());
        if (cur.isEmpty() && !queries.indicatorKnown(indicator)) {
            throw ProblemException.badRequest(
                    "indicator",
                    "unknown_indicator",
                    "尚无园区报送指标“" + indicator + "”",
                    "no park has reported indicator '" + indicator + "'");
        }
        List<Rankings.Place> places = cur.ranking(peerGroup, ascending);
        Map<String, Integer> previousRank = new HashMap<>();
        for (Rankings.Place p : prev.ranking(peerGroup, ascending)) {
            previousRank.put(p.park(), p.rank());
        }
        List<Entry> entries = places.stream()
                .map(p -> {
                    ActivePark park = parks.byCode().get(p.park());
                    Integer before = previousRank.get(p.park());
                    return new Entry(
                            p.rank(),
                            park.code(),
                            park.name(),
                            park.peerGroup(),
                            p.value(),
                            before,
                            Rankings.rankChange(before, p.rank()));
                })
                .toList();
        return new Ranking(
                indicator,
                cur.label().name(),
                cur.label().unit(),
                period.text(),
                period.lastMonth().toString(),
                peerGroup,
                ascending,
                entries,
                0,
                entries.size(),
                entries.size());
    }
}
