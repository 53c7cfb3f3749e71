package io.parkpulse.reporting.console;

import io.parkpulse.common.figures.Phrases;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An item's score said in words, as an assessment notice explains it to a park ("工业总产值完成全年任务：目标完成率
 * 102.30%，超过100%，得满分10分"). Built only from what the stored breakdown and the scheme version hold, so the
 * sentence explains the score the park actually got, not one recomputed today.
 */
final class ScoreSentences {

    private ScoreSentences() {}

    static final Map<String, String> RULES = Map.of(
            "TARGET_COMPLETION", "目标完成率计分",
            "EFFICACY", "功效系数法",
            "LOWER_BETTER", "功效系数法（逆向指标，越低越好）",
            "BENCHMARK_RATIO", "对标计分",
            "RANK", "排名计分");

    static final Map<String, String> FIGURE_KINDS =
            Map.of("value", "总量", "growth", "同比增速", "completion", "目标完成率", "perMu", "亩均");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * What one item of a park's breakdown says. {@code present} holds the inputs of every park that had the
     * figure in the same run: the min and max the efficacy rules scored against, which the breakdown stores
     * only one end of. {@code floor}, {@code cap} and {@code benchmark} are the scheme version's parameters.
     */
    record Item(
            String name,
            String figure,
            String rule,
            BigDecimal weight,
            BigDecimal input,
            BigDecimal reference,
            BigDecimal score,
            String note,
            BigDecimal floor,
            BigDecimal cap,
            BigDecimal benchmark,
            String unit,
            List<BigDecimal> present) {}

    static String sentence(Item i) {
        String w = points(i.weight());
        String s = points(i.score());
        StringBuilder b = new StringBuilder(i.name()).append("：");
        if (i.input() == null) {
            return b.append(i.note() == null || i.note().isBlank() ? "未报送，不得分" : i.note())
                    .append("（本项满分")
                    .append(w)
                    .append("分）")
                    .toString();
        }
        BigDecimal x = i.input();
        b.append(value(i.figure(), x, i.unit()));
        List<BigDecimal> present = i.present() == null
                ? List.of(x)
                : i.present().stream().filter(Objects::nonNull).toList();
        BigDecimal min = present.stream().min(Comparator.naturalOrder()).orElse(x);
        BigDecimal max = present.stream().max(Comparator.naturalOrder()).orElse(x);
        boolean full = i.score().compareTo(i.weight()) >= 0;
        switch (i.rule() == null ? "" : i.rule()) {
            case "TARGET_COMPLETION" -> {
                if (x.compareTo(HUNDRED) > 0) {
                    b.append("，超过100%，得满分").append(w).append("分");
                } else if (x.compareTo(HUNDRED) == 0) {
                    b.append("，达到100%，得满分").append(w).append("分");
                } else if (x.signum() <= 0) {
                    b.append("，未完成任务，得0分（本项满分").append(w).append("分）");
                } else {
                    b.append("，未达到100%，按完成比例得")
                            .append(s)
                            .append("分（本项满分")
                            .append(w)
                            .append("分）");
                }
            }
            case "EFFICACY", "LOWER_BETTER" -> {
                boolean lower = "LOWER_BETTER".equals(i.rule());
                String floor = percent((i.floor() == null ? new BigDecimal("0.6") : i.floor()).multiply(HUNDRED));
                String range = "参评园区最高" + value(i.figure(), max, i.unit(), true) + "、最低"
                        + value(i.figure(), min, i.unit(), true);
                if (max.compareTo(min) == 0) {
                    b.append("，各参评园区相同，得满分").append(w).append("分");
                } else if (full) {
                    b.append(lower ? "，为参评园区最低（越低越好），得满分" : "，为参评园区最高，得满分")
                            .append(w)
                            .append("分");
                } else if (x.compareTo(lower ? max : min) == 0) {
                    b.append(lower ? "，为参评园区最高（越低越好）" : "，为参评园区最低")
                            .append("，得保底分")
                            .append(s)
                            .append("分（满分")
                            .append(w)
                            .append("分的")
                            .append(floor)
                            .append("）");
                } else {
                    b.append("，")
                            .append(range)
                            .append(lower ? "，越低越好，" : "，")
                            .append("按功效系数法得")
                            .append(s)
                            .append("分（本项满分")
                            .append(w)
                            .append("分，保底")
                            .append(floor)
                            .append("）");
                }
            }
            case "BENCHMARK_RATIO" -> {
                BigDecimal ref = i.reference();
                String against = (i.benchmark() == null ? "全市平均值" : "对标值") + value(i.figure(), ref, i.unit(), true);
                if (ref == null || ref.signum() <= 0 || x.signum() <= 0) {
                    b.append("，得0分（本项权重").append(w).append("分）");
                    break;
                }
                String ratio = percent(x.divide(ref, MathContext.DECIMAL64).multiply(HUNDRED));
                BigDecimal cap = i.cap() == null ? BigDecimal.TEN : i.cap();
                b.append("，为").append(against).append("的").append(ratio);
                if (i.score().compareTo(cap.multiply(i.weight())) >= 0) {
                    b.append("，达到得分上限（权重的")
                            .append(cap.stripTrailingZeros().toPlainString())
                            .append("倍），得")
                            .append(s)
                            .append("分");
                } else {
                    b.append("，按比例得").append(s).append("分（本项权重").append(w).append("分）");
                }
            }
            case "RANK" -> {
                b.append("，在").append(present.size()).append("个参评园区中");
                b.append(i.reference() == null ? "" : "居第" + i.reference().toBigInteger() + "位");
                b.append(full ? "，得满分" + w + "分" : "，得" + s + "分（第1位得满分" + w + "分，末位得0分）");
            }
            default -> b.append("，得").append(s).append("分（本项满分").append(w).append("分）");
        }
        return b.toString();
    }

    /** An adjustment as the notice states it: "较大安全生产事故2次，每次扣1分，共扣2分". */
    static String adjustment(String name, int count, BigDecimal points, boolean disqualifies) {
        if (disqualifies) {
            return name + count + "次，一票否决，取消本季度考核排名资格";
        }
        BigDecimal each =
                count == 0 ? BigDecimal.ZERO : points.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
        String verb = points.signum() < 0 ? "扣" : "加";
        return name + count + "次，每次" + verb + points(each.abs()) + "分，共" + verb + points(points.abs()) + "分";
    }

    /** How the figure reads: "目标完成率102.30%", "同比下降3.20%", "12.5万元/亩" (the item is named 亩均…), "4.63亿元". */
    static String value(String figure, BigDecimal x, String unit) {
        return value(figure, x, unit, false);
    }

    private static String value(String figure, BigDecimal x, String unit, boolean bare) {
        if (x == null) {
            return "—";
        }
        String kind = kind(figure);
        String u = unit == null ? "" : unit;
        return switch (kind) {
            case "completion" -> (bare ? "" : "目标完成率") + pct2(x);
            case "growth" -> bare ? pct2(x) : Phrases.growth(x.setScale(2, RoundingMode.HALF_UP));
            case "perMu" -> Phrases.amount(x, u.isEmpty() ? "/亩" : u + "/亩");
            default -> Phrases.amount(x, u);
        };
    }

    static String kind(String figure) {
        int colon = figure == null ? -1 : figure.indexOf(':');
        return colon < 0 ? "value" : figure.substring(0, colon);
    }

    static String indicator(String figure) {
        int colon = figure == null ? -1 : figure.indexOf(':');
        return colon < 0 ? figure : figure.substring(colon + 1);
    }

    /** Points as notices print them: "10", "7.33", "0.3". */
    static String points(BigDecimal p) {
        return p == null
                ? "—"
                : p.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String pct2(BigDecimal x) {
        return x.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String percent(BigDecimal x) {
        return x.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
