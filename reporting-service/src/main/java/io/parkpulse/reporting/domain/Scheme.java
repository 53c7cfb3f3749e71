package io.parkpulse.reporting.domain;

import io.parkpulse.common.error.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An assessment scheme as data: dimensions of weighted items, each item a figure scored by one rule,
 * adjustments (bonuses, deductions, disqualifying events) and tiers. docs/assessment.md explains every
 * rule with a worked example.
 */
public record Scheme(
        String name, List<Dimension> dimensions, List<Adjustment> adjustments, Tiers tiers, boolean byPeerGroup) {

    public enum Rule {
        /** score = value ÷ benchmark × weight (benchmark given, or the average of the parks assessed), optionally capped. */
        BENCHMARK_RATIO,
        /** score = min(completion ÷ 100 %, 1) × weight. */
        TARGET_COMPLETION,
        /** 功效系数: weight × (floor + (1 − floor) × (x − min) ÷ (max − min)); floor 0.6 by default, 0.2 in the variant. */
        EFFICACY,
        /** The mirror of EFFICACY for figures where lower is better: (max − x) instead of (x − min). */
        LOWER_BETTER,
        /** weight × (n − rank) ÷ (n − 1): the first gets the weight, the last nothing. */
        RANK
    }

    public enum TierMode {
        /** Bands by rank percentile: a park's rank ÷ the number ranked × 100 ≤ bound. Bounds rise to 100. */
        PERCENTILE,
        /** Bands by score: total ≥ bound. Bounds fall to 0. */
        SCORE
    }

    public record Dimension(String code, String name, List<Item> items) {}

    /** {@code figure}: value:, growth:, completion: or perMu: followed by an indicator code. */
    public record Item(
            String code,
            String name,
            String figure,
            BigDecimal weight,
            Rule rule,
            BigDecimal benchmark,
            BigDecimal floor,
            BigDecimal cap) {}

    public record Adjustment(String code, String name, BigDecimal pointsEach, boolean disqualifies) {}

    public record Tiers(TierMode mode, List<Band> bands) {}

    public record Band(String tier, BigDecimal bound) {}

    public static final BigDecimal TOTAL_WEIGHT = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_BENCHMARK = new BigDecimal("1E12");

    /** Everything wrong with a scheme, each with the JSON path of the field; empty when it adds up. */
    public List<Problem.FieldError> check(Predicate<String> knownIndicator) {
        List<Problem.FieldError> e = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            e.add(new Problem.FieldError("name", "invalid_name", "name the scheme in at most 200 characters"));
        }
        if (dimensions == null || dimensions.isEmpty()) {
            e.add(new Problem.FieldError("dimensions", "required", "a scheme has at least one dimension"));
            return e;
        }
        BigDecimal total = BigDecimal.ZERO;
        Set<String> codes = new HashSet<>();
        for (int d = 0; d < dimensions.size(); d++) {
            Dimension dim = dimensions.get(d);
            String dp = "dimensions[" + d + "]";
            if (dim == null) {
                e.add(new Problem.FieldError(dp, "required", "a dimension cannot be null"));
                continue;
            }
            if (!validCode(dim.code()) || !codes.add("dimension:" + dim.code())) {
                e.add(new Problem.FieldError(
                        dp + ".code", "invalid_code", "each dimension needs its own code (at most 64 characters)"));
            }
            if (dim.name() != null && dim.name().length() > 200) {
                e.add(new Problem.FieldError(dp + ".name", "too_long", "at most 200 characters"));
            }
            if (dim.items() == null || dim.items().isEmpty()) {
                e.add(new Problem.FieldError(dp + ".items", "required", "a dimension has at least one item"));
                continue;
            }
            for (int i = 0; i < dim.items().size(); i++) {
                Item item = dim.items().get(i);
                String ip = dp + ".items[" + i + "]";
                if (item == null) {
                    e.add(new Problem.FieldError(ip, "required", "an item cannot be null"));
                    continue;
                }
                if (!validCode(item.code()) || !codes.add("item:" + item.code())) {
                    e.add(new Problem.FieldError(
                            ip + ".code", "invalid_code", "each item needs its own code (at most 64 characters)"));
                }
                if (item.name() != null && item.name().length() > 200) {
                    e.add(new Problem.FieldError(ip + ".name", "too_long", "at most 200 characters"));
                }
                if (item.weight() == null
                        || item.weight().signum() <= 0
                        || item.weight().compareTo(TOTAL_WEIGHT) > 0) {
                    e.add(new Problem.FieldError(
                            ip + ".weight", "invalid_weight", "an item's weight is a positive number of points"));
                } else {
                    total = total.add(item.weight());
                }
                if (item.rule() == null) {
                    e.add(new Problem.FieldError(ip + ".rule", "required", "one of " + List.of(Rule.values())));
                }
                Figure f = Figure.parse(item.figure());
                if (f == null) {
                    e.add(new Problem.FieldError(
                            ip + ".figure",
                            "unknown_figure",
                            "'" + item.figure()
                                    + "' is not value:, growth:, completion: or perMu: with an indicator code"));
                } else if (!knownIndicator.test(f.indicator())) {
                    e.add(new Problem.FieldError(
                            ip + ".figure", "unknown_indicator", "no indicator '" + f.indicator() + "' is known"));
                } else if (item.rule() == Rule.TARGET_COMPLETION && f.kind() != Figure.Kind.COMPLETION) {
                    e.add(new Problem.FieldError(
                            ip + ".figure", "rule_mismatch", "TARGET_COMPLETION scores a completion: figure"));
                }
                if (item.floor() != null
                        && (item.floor().signum() < 0 || item.floor().compareTo(BigDecimal.ONE) >= 0)) {
                    e.add(new Problem.FieldError(
                            ip + ".floor",
                            "invalid_floor",
                            "the floor is a share of the weight, from 0 up to but not 1"));
                }
                if (item.benchmark() != null
                        && (item.benchmark().signum() <= 0 || item.benchmark().compareTo(MAX_BENCHMARK) > 0)) {
                    e.add(new Problem.FieldError(
                            ip + ".benchmark",
                            "invalid_benchmark",
                            "a benchmark is positive (leave it out for the average)"));
                }
                if (item.cap() != null
                        && (item.cap().compareTo(BigDecimal.ONE) < 0
                                || item.cap().compareTo(BigDecimal.TEN) > 0)) {
                    e.add(new Problem.FieldError(
                            ip + ".cap", "invalid_cap", "a cap is a multiple of the weight, from 1 to 10"));
                }
            }
        }
        if (total.compareTo(TOTAL_WEIGHT) != 0
                && e.stream().noneMatch(x -> x.code().equals("invalid_weight"))) {
            e.add(new Problem.FieldError(
                    "dimensions",
                    "weights_do_not_add_up",
                    "the items' weights add up to " + total.stripTrailingZeros().toPlainString() + ", not 100"));
        }
        if (adjustments != null) {
            for (int a = 0; a < adjustments.size(); a++) {
                Adjustment adj = adjustments.get(a);
                String ap = "adjustments[" + a + "]";
                if (adj == null || !validCode(adj.code()) || !codes.add("adjustment:" + adj.code())) {
                    e.add(new Problem.FieldError(ap + ".code", "invalid_code", "each adjustment needs its own code"));
                } else if (adj.pointsEach() == null && !adj.disqualifies()) {
                    e.add(new Problem.FieldError(
                            ap + ".pointsEach", "required", "an adjustment adds or deducts points, or disqualifies"));
                } else if (adj.pointsEach() != null && adj.pointsEach().abs().compareTo(TOTAL_WEIGHT) > 0) {
                    e.add(new Problem.FieldError(
                            ap + ".pointsEach", "invalid_points", "at most 100 points either way"));
                }
            }
        }
        checkTiers(e);
        return e;
    }

    private void checkTiers(List<Problem.FieldError> e) {
        if (tiers == null
                || tiers.mode() == null
                || tiers.bands() == null
                || tiers.bands().isEmpty()) {
            e.add(new Problem.FieldError("tiers", "required", "tiers need a mode (PERCENTILE or SCORE) and bands"));
            return;
        }
        Set<String> names = new HashSet<>();
        BigDecimal previous = null;
        for (int b = 0; b < tiers.bands().size(); b++) {
            Band band = tiers.bands().get(b);
            String bp = "tiers.bands[" + b + "]";
            if (band == null
                    || band.tier() == null
                    || band.tier().isBlank()
                    || band.tier().length() > 32
                    || !names.add(band.tier())) {
                e.add(new Problem.FieldError(
                        bp + ".tier", "invalid_tier", "each band needs its own tier name (at most 32 characters)"));
                continue;
            }
            if (band.bound() == null || band.bound().abs().compareTo(BigDecimal.valueOf(1000)) > 0) {
                e.add(new Problem.FieldError(
                        bp + ".bound", "invalid_bound", "each band needs its bound, a percentile or a score"));
                continue;
            }
            boolean ordered = previous == null
                    || (tiers.mode() == TierMode.PERCENTILE
                            ? band.bound().compareTo(previous) > 0
                            : band.bound().compareTo(previous) < 0);
            if (!ordered) {
                e.add(new Problem.FieldError(
                        bp + ".bound",
                        "overlapping_tiers",
                        tiers.mode() == TierMode.PERCENTILE
                                ? "percentile bounds must rise from band to band"
                                : "score bounds must fall from band to band"));
            }
            previous = band.bound();
        }
        BigDecimal last = tiers.bands().get(tiers.bands().size() - 1) == null
                ? null
                : tiers.bands().get(tiers.bands().size() - 1).bound();
        if (tiers.mode() == TierMode.PERCENTILE && (last == null || last.compareTo(TOTAL_WEIGHT) != 0)) {
            e.add(new Problem.FieldError(
                    "tiers.bands",
                    "incomplete_tiers",
                    "the last percentile band must reach 100 so that every park has a tier"));
        }
        if (tiers.mode() == TierMode.SCORE && (last == null || last.signum() != 0)) {
            e.add(new Problem.FieldError(
                    "tiers.bands",
                    "incomplete_tiers",
                    "the last score band must start at 0 so that every park has a tier"));
        }
    }

    private static boolean validCode(String code) {
        return code != null && !code.isBlank() && code.length() <= 64;
    }

    public List<Item> items() {
        return dimensions.stream().flatMap(d -> d.items().stream()).toList();
    }
}
