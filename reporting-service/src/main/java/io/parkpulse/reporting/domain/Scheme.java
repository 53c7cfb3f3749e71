package io.parkpulse.reporting.domain;

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
    private static final String RULES = String.join(
            "、", java.util.Arrays.stream(Rule.values()).map(Enum::name).toList());
    private static final BigDecimal MAX_BENCHMARK = new BigDecimal("1E12");

    /** Everything wrong with a scheme, each with the JSON path of the field; empty when it adds up. */
    public List<Refusal> check(Predicate<String> knownIndicator) {
        List<Refusal> e = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            e.add(new Refusal("name", "invalid_name", "方案名称必填，不超过200个字符", "name the scheme in at most 200 characters"));
        }
        if (dimensions == null || dimensions.isEmpty()) {
            e.add(new Refusal("dimensions", "required", "考核方案至少应有一个考核维度", "a scheme has at least one dimension"));
            return e;
        }
        BigDecimal total = BigDecimal.ZERO;
        Set<String> codes = new HashSet<>();
        for (int d = 0; d < dimensions.size(); d++) {
            Dimension dim = dimensions.get(d);
            String dp = "dimensions[" + d + "]";
            if (dim == null) {
                e.add(new Refusal(dp, "required", "考核维度不能为空", "a dimension cannot be null"));
                continue;
            }
            if (!validCode(dim.code()) || !codes.add("dimension:" + dim.code())) {
                e.add(new Refusal(
                        dp + ".code",
                        "invalid_code",
                        "每个考核维度须有各不相同的编码，不超过64个字符",
                        "each dimension needs its own code (at most 64 characters)"));
            }
            if (dim.name() != null && dim.name().length() > 200) {
                e.add(new Refusal(dp + ".name", "too_long", "名称不超过200个字符", "at most 200 characters"));
            }
            if (dim.items() == null || dim.items().isEmpty()) {
                e.add(new Refusal(dp + ".items", "required", "每个考核维度至少应有一项考核指标", "a dimension has at least one item"));
                continue;
            }
            for (int i = 0; i < dim.items().size(); i++) {
                Item item = dim.items().get(i);
                String ip = dp + ".items[" + i + "]";
                if (item == null) {
                    e.add(new Refusal(ip, "required", "考核指标不能为空", "an item cannot be null"));
                    continue;
                }
                if (!validCode(item.code()) || !codes.add("item:" + item.code())) {
                    e.add(new Refusal(
                            ip + ".code",
                            "invalid_code",
                            "每项考核指标须有各不相同的编码，不超过64个字符",
                            "each item needs its own code (at most 64 characters)"));
                }
                if (item.name() != null && item.name().length() > 200) {
                    e.add(new Refusal(ip + ".name", "too_long", "名称不超过200个字符", "at most 200 characters"));
                }
                if (item.weight() == null
                        || item.weight().signum() <= 0
                        || item.weight().compareTo(TOTAL_WEIGHT) > 0) {
                    e.add(new Refusal(
                            ip + ".weight",
                            "invalid_weight",
                            "指标权重应为大于0、不超过100的分值",
                            "an item's weight is a positive number of points, at most 100"));
                } else {
                    total = total.add(item.weight());
                }
                if (item.rule() == null) {
                    e.add(new Refusal(
                            ip + ".rule", "required", "计分方法应为 " + RULES + " 之一", "one of " + List.of(Rule.values())));
                }
                Figure f = Figure.parse(item.figure());
                if (f == null) {
                    e.add(new Refusal(
                            ip + ".figure",
                            "unknown_figure",
                            "“" + item.figure() + "”不是有效的考核口径，应为 value:（总量）、growth:（增速）、"
                                    + "completion:（完成率）或 perMu:（亩均）后接指标编码",
                            "'" + item.figure()
                                    + "' is not value:, growth:, completion: or perMu: with an indicator code"));
                } else if (!knownIndicator.test(f.indicator())) {
                    e.add(new Refusal(
                            ip + ".figure",
                            "unknown_indicator",
                            "没有编码为“" + f.indicator() + "”的指标",
                            "no indicator '" + f.indicator() + "' is known"));
                } else if (item.rule() == Rule.TARGET_COMPLETION && f.kind() != Figure.Kind.COMPLETION) {
                    e.add(new Refusal(
                            ip + ".figure",
                            "rule_mismatch",
                            "目标完成率计分（TARGET_COMPLETION）只能用于完成率口径（completion:）",
                            "TARGET_COMPLETION scores a completion: figure"));
                }
                if (item.floor() != null
                        && (item.floor().signum() < 0 || item.floor().compareTo(BigDecimal.ONE) >= 0)) {
                    e.add(new Refusal(
                            ip + ".floor",
                            "invalid_floor",
                            "保底分是占权重的比例，应不小于0且小于1",
                            "the floor is a share of the weight, from 0 up to but not 1"));
                }
                if (item.benchmark() != null
                        && (item.benchmark().signum() <= 0 || item.benchmark().compareTo(MAX_BENCHMARK) > 0)) {
                    e.add(new Refusal(
                            ip + ".benchmark",
                            "invalid_benchmark",
                            "对标值应为正数（不填则以各园区平均值对标）",
                            "a benchmark is positive (leave it out for the average)"));
                }
                if (item.cap() != null
                        && (item.cap().compareTo(BigDecimal.ONE) < 0
                                || item.cap().compareTo(BigDecimal.TEN) > 0)) {
                    e.add(new Refusal(
                            ip + ".cap",
                            "invalid_cap",
                            "得分上限按权重的倍数设定，应在1至10倍之间",
                            "a cap is a multiple of the weight, from 1 to 10"));
                }
            }
        }
        if (total.compareTo(TOTAL_WEIGHT) != 0
                && e.stream().noneMatch(x -> x.code().equals("invalid_weight"))) {
            String points = total.stripTrailingZeros().toPlainString();
            e.add(new Refusal(
                    "dimensions",
                    "weights_do_not_add_up",
                    "各考核指标权重合计为" + points + "分，应为100分",
                    "the items' weights add up to " + points + ", not 100"));
        }
        if (adjustments != null) {
            for (int a = 0; a < adjustments.size(); a++) {
                Adjustment adj = adjustments.get(a);
                String ap = "adjustments[" + a + "]";
                if (adj == null || !validCode(adj.code()) || !codes.add("adjustment:" + adj.code())) {
                    e.add(new Refusal(
                            ap + ".code", "invalid_code", "每个加减分事项须有各不相同的编码", "each adjustment needs its own code"));
                } else if (adj.pointsEach() == null && !adj.disqualifies()) {
                    e.add(new Refusal(
                            ap + ".pointsEach",
                            "required",
                            "加减分事项须给出每次加减的分值，或设为一票否决",
                            "an adjustment adds or deducts points, or disqualifies"));
                } else if (adj.pointsEach() != null && adj.pointsEach().abs().compareTo(TOTAL_WEIGHT) > 0) {
                    e.add(new Refusal(
                            ap + ".pointsEach", "invalid_points", "每次加分或扣分不超过100分", "at most 100 points either way"));
                }
            }
        }
        checkTiers(e);
        return e;
    }

    private void checkTiers(List<Refusal> e) {
        if (tiers == null
                || tiers.mode() == null
                || tiers.bands() == null
                || tiers.bands().isEmpty()) {
            e.add(new Refusal(
                    "tiers",
                    "required",
                    "考核等次须设定划分方式（PERCENTILE 按排名百分位、SCORE 按得分）和各档",
                    "tiers need a mode (PERCENTILE or SCORE) and bands"));
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
                e.add(new Refusal(
                        bp + ".tier",
                        "invalid_tier",
                        "每档须有各不相同的等次名称，不超过32个字符",
                        "each band needs its own tier name (at most 32 characters)"));
                continue;
            }
            if (band.bound() == null || band.bound().abs().compareTo(BigDecimal.valueOf(1000)) > 0) {
                e.add(new Refusal(
                        bp + ".bound",
                        "invalid_bound",
                        "每档须设定分界值（排名百分位或得分）",
                        "each band needs its bound, a percentile or a score"));
                continue;
            }
            boolean ordered = previous == null
                    || (tiers.mode() == TierMode.PERCENTILE
                            ? band.bound().compareTo(previous) > 0
                            : band.bound().compareTo(previous) < 0);
            if (!ordered) {
                boolean percentile = tiers.mode() == TierMode.PERCENTILE;
                e.add(new Refusal(
                        bp + ".bound",
                        "overlapping_tiers",
                        percentile ? "按排名百分位划分时，分界值应逐档递增" : "按得分划分时，分界值应逐档递减",
                        percentile
                                ? "percentile bounds must rise from band to band"
                                : "score bounds must fall from band to band"));
            }
            previous = band.bound();
        }
        BigDecimal last = tiers.bands().get(tiers.bands().size() - 1) == null
                ? null
                : tiers.bands().get(tiers.bands().size() - 1).bound();
        if (tiers.mode() == TierMode.PERCENTILE && (last == null || last.compareTo(TOTAL_WEIGHT) != 0)) {
            e.add(new Refusal(
                    "tiers.bands",
                    "incomplete_tiers",
                    "最后一档的排名百分位应为100，使每个园区都有等次",
                    "the last percentile band must reach 100 so that every park has a tier"));
        }
        if (tiers.mode() == TierMode.SCORE && (last == null || last.signum() != 0)) {
            e.add(new Refusal(
                    "tiers.bands",
                    "incomplete_tiers",
                    "最后一档的得分下限应为0，使每个园区都有等次",
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
