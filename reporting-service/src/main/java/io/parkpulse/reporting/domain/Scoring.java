package io.parkpulse.reporting.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Scores, ranks and tiers the parks of one run by a scheme. Pure: the inputs are given, nothing is read. */
public final class Scoring {

    public static final String DISQUALIFIED = "取消资格";

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal DEFAULT_FLOOR = new BigDecimal("0.6");

    /** One park's inputs: each item's figure value (null when not reported) and the adjustments recorded for it. */
    public record ParkInput(
            String park,
            String name,
            String peerGroup,
            Map<String, BigDecimal> values,
            Map<String, Integer> adjustments) {}

    public record ItemScore(
            String item,
            String name,
            String dimension,
            String figure,
            Scheme.Rule rule,
            BigDecimal weight,
            BigDecimal input,
            BigDecimal reference,
            BigDecimal score,
            String note) {}

    public record DimensionScore(String code, String name, BigDecimal weight, BigDecimal score) {}

    public record AdjustmentScore(String code, String name, int count, BigDecimal points, boolean disqualifies) {}

    public record ParkResult(
            String park,
            String name,
            String peerGroup,
            BigDecimal total,
            Integer rank,
            String tier,
            boolean disqualified,
            List<DimensionScore> dimensions,
            List<ItemScore> items,
            List<AdjustmentScore> adjustments) {}

    private Scoring() {}

    public static List<ParkResult> score(Scheme scheme, List<ParkInput> parks) {
        Map<String, Map<String, ItemScore>> byPark = new HashMap<>();
        for (ParkInput p : parks) {
            byPark.put(p.park(), new LinkedHashMap<>());
        }
        for (Scheme.Dimension d : scheme.dimensions()) {
            for (Scheme.Item item : d.items()) {
                List<BigDecimal> present = parks.stream()
                        .map(p -> p.values().get(item.code()))
                        .filter(Objects::nonNull)
                        .toList();
                for (ParkInput p : parks) {
                    byPark.get(p.park())
                            .put(item.code(), scoreItem(d, item, p.values().get(item.code()), present));
                }
            }
        }
        List<ParkResult> results = new ArrayList<>();
        for (ParkInput p : parks) {
            Map<String, ItemScore> items = byPark.get(p.park());
            List<DimensionScore> dims = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (Scheme.Dimension d : scheme.dimensions()) {
                BigDecimal weight =
                        d.items().stream().map(Scheme.Item::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal score = d.items().stream()
                        .map(i -> items.get(i.code()).score())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                dims.add(new DimensionScore(d.code(), d.name(), weight, score));
                total = total.add(score);
            }
            List<AdjustmentScore> adjustments = new ArrayList<>();
            boolean disqualified = false;
            for (Scheme.Adjustment a :
                    scheme.adjustments() == null ? List.<Scheme.Adjustment>of() : scheme.adjustments()) {
                int count = p.adjustments().getOrDefault(a.code(), 0);
                if (count == 0) {
                    continue;
                }
                BigDecimal points = a.pointsEach() == null
                        ? BigDecimal.ZERO
                        : a.pointsEach().multiply(BigDecimal.valueOf(count));
                adjustments.add(new AdjustmentScore(a.code(), a.name(), count, points, a.disqualifies()));
                total = total.add(points);
                disqualified |= a.disqualifies();
            }
            results.add(new ParkResult(
                    p.park(),
                    p.name(),
                    p.peerGroup(),
                    total.setScale(2, RoundingMode.HALF_UP),
                    null,
                    null,
                    disqualified,
                    dims,
                    List.copyOf(items.values()),
                    adjustments));
        }
        return rankAndTier(scheme, results);
    }

    private static ItemScore scoreItem(Scheme.Dimension d, Scheme.Item item, BigDecimal x, List<BigDecimal> present) {
        BigDecimal w = item.weight();
        if (x == null) {
            return new ItemScore(
                    item.code(), item.name(), d.code(), item.figure(), item.rule(), w, null, null, zero(), "未报送，不得分");
        }
        BigDecimal min = present.stream().min(Comparator.naturalOrder()).orElse(x);
        BigDecimal max = present.stream().max(Comparator.naturalOrder()).orElse(x);
        BigDecimal floor = item.floor() == null ? DEFAULT_FLOOR : item.floor();
        BigDecimal score;
        BigDecimal reference = null;
        switch (item.rule()) {
            case BENCHMARK_RATIO -> {
                reference = item.benchmark() != null
                        ? item.benchmark()
                        : present.stream()
                                .reduce(BigDecimal.ZERO, BigDecimal::add)
                                .divide(BigDecimal.valueOf(present.size()), MC);
                BigDecimal ratio = reference.signum() <= 0
                        ? BigDecimal.ZERO
                        : x.max(BigDecimal.ZERO).divide(reference, MC);
                // Uncapped, one park far above a small benchmark would outweigh the whole scheme: 10× the weight at
                // most.
                ratio = ratio.min(item.cap() != null ? item.cap() : BigDecimal.TEN);
                score = ratio.multiply(w, MC);
            }
            case TARGET_COMPLETION ->
                score = x.max(BigDecimal.ZERO)
                        .divide(HUNDRED, MC)
                        .min(BigDecimal.ONE)
                        .multiply(w, MC);
            case EFFICACY, LOWER_BETTER -> {
                if (max.compareTo(min) == 0) {
                    score = w;
                } else {
                    BigDecimal position = (item.rule() == Scheme.Rule.EFFICACY ? x.subtract(min) : max.subtract(x))
                            .divide(max.subtract(min), MC);
                    score = w.multiply(floor.add(BigDecimal.ONE.subtract(floor).multiply(position, MC)), MC);
                }
                reference = item.rule() == Scheme.Rule.EFFICACY ? max : min;
            }
            case RANK -> {
                long better = present.stream().filter(v -> v.compareTo(x) > 0).count();
                int n = present.size();
                score = n <= 1
                        ? w
                        : w.multiply(BigDecimal.valueOf(n - 1 - better)).divide(BigDecimal.valueOf(n - 1), MC);
                reference = BigDecimal.valueOf(better + 1);
            }
            default -> throw new IllegalStateException("unknown rule " + item.rule());
        }
        return new ItemScore(
                item.code(),
                item.name(),
                d.code(),
                item.figure(),
                item.rule(),
                w,
                x,
                reference == null
                        ? null
                        : reference.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros(),
                score.setScale(2, RoundingMode.HALF_UP),
                null);
    }

    private static List<ParkResult> rankAndTier(Scheme scheme, List<ParkResult> results) {
        Map<String, List<ParkResult>> groups = new LinkedHashMap<>();
        for (ParkResult r : results) {
            String group = scheme.byPeerGroup() ? String.valueOf(r.peerGroup()) : "";
            groups.computeIfAbsent(group, k -> new ArrayList<>()).add(r);
        }
        List<ParkResult> out = new ArrayList<>();
        for (List<ParkResult> group : groups.values()) {
            List<ParkResult> ranked = group.stream()
                    .filter(r -> !r.disqualified())
                    .sorted(Comparator.comparing(ParkResult::total).reversed().thenComparing(ParkResult::park))
                    .toList();
            int n = ranked.size();
            for (int i = 0; i < n; i++) {
                ParkResult r = ranked.get(i);
                int rank = i + 1;
                // Competition ranking: equal totals share the better rank.
                while (rank > 1 && ranked.get(rank - 2).total().compareTo(r.total()) == 0) {
                    rank--;
                }
                out.add(new ParkResult(
                        r.park(),
                        r.name(),
                        r.peerGroup(),
                        r.total(),
                        rank,
                        tier(scheme.tiers(), rank, n, r.total()),
                        false,
                        r.dimensions(),
                        r.items(),
                        r.adjustments()));
            }
            group.stream()
                    .filter(ParkResult::disqualified)
                    .forEach(r -> out.add(new ParkResult(
                            r.park(),
                            r.name(),
                            r.peerGroup(),
                            r.total(),
                            null,
                            DISQUALIFIED,
                            true,
                            r.dimensions(),
                            r.items(),
                            r.adjustments())));
        }
        return out;
    }

    static String tier(Scheme.Tiers tiers, int rank, int n, BigDecimal total) {
        if (tiers.mode() == Scheme.TierMode.PERCENTILE) {
            BigDecimal percentile = BigDecimal.valueOf(rank * 100L).divide(BigDecimal.valueOf(n), MC);
            for (Scheme.Band b : tiers.bands()) {
                if (percentile.compareTo(b.bound()) <= 0) {
                    return b.tier();
                }
            }
        } else {
            for (Scheme.Band b : tiers.bands()) {
                if (total.compareTo(b.bound()) >= 0) {
                    return b.tier();
                }
            }
        }
        return tiers.bands().get(tiers.bands().size() - 1).tier();
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
